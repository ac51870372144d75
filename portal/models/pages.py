from django import forms
from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BaseStreamBlock


class BasePortalPage(Page):
    """Fields every portal page shares: a short introduction and a StreamField body."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    # Indexed by portal.page_indexing: once per change of content, not per save.
    search_auto_update = False

    class Meta:
        abstract = True

    def clean(self):
        # A slug typed in the admin or given by code follows the rule Wagtail applies to
        # the ones it makes from the title: ASCII unless unicode slugs are allowed
        # ("för" becomes "for", not "f%C3%B6r" in shared links).
        if self.slug and not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            self.slug = slugify(self.slug) or self.slug
        super().clean()

    def save_revision(self, *args, **kwargs):
        from portal.page_indexing import recording_revision

        with recording_revision():
            return super().save_revision(*args, **kwargs)

    def permissions_for_user(self, user):
        # Who may change privacy is the access module's answer (provisioned, not edited).
        from portal.privacy import PortalPagePermissionTester

        return PortalPagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from portal.access import access_for

        context = super().get_context(request, *args, **kwargs)
        # Every child the reader may see, in the menu or not (e.g. a section's knowledge bank).
        # Titles and descriptions only: no query per page type, none at all for a leaf.
        context["child_pages"] = (
            access_for(request.user).visible_pages(self.get_children()) if self.numchild else []
        )
        return context

    def breadcrumb_pages(self):
        """The ancestors below the tree's root: those read while routing the request
        (portal.routing), so usually no query."""
        chain = getattr(self, "_portal_route_chain", None)
        if chain is None:
            chain = self.get_ancestors()
        return [page for page in chain if page.depth > 1]


class HomePage(BasePortalPage):
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from wagtail import hooks

        context = super().get_context(request, *args, **kwargs)
        # The start page's blocks come from the apps (news, knowledge bank, ...), each
        # adding its own lists at a fixed cost: hook `construct_home_page_context`.
        for add_blocks in hooks.get_hooks("construct_home_page_context"):
            add_blocks(request, context)
        return context

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        from portal.routing import route_from

        return route_from(self, request, path_components)


class ContentPage(BasePortalPage):
    """About, vision-and-goals and presentation pages."""

    parent_page_types = [
        "portal.HomePage",
        "portal.ContentPage",
        "portal.MunicipalitySectionPage",
        "portal.SharedSpacePage",
    ]

    class Meta:
        verbose_name = _("content page")


class MunicipalitySectionPage(BasePortalPage):
    """A municipality's restricted section; created and restricted by provisioning only."""

    municipality = models.OneToOneField(
        "portal.Municipality",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    parent_page_types = ["portal.HomePage"]
    is_creatable = False

    content_panels = [
        HelpPanel(
            content=_(
                "Only members and editors of this municipality can see this section. "
                "Access follows the municipality's groups."
            )
        )
    ] + BasePortalPage.content_panels

    class Meta:
        verbose_name = _("municipality section")


class SharedSpacePage(BasePortalPage):
    """A samverkansyta: visible to the groups of the municipalities and partners it names."""

    municipalities = ParentalManyToManyField(
        "portal.Municipality",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="shared_spaces",
    )
    partner_organisations = ParentalManyToManyField(
        "partners.PartnerOrganisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="shared_spaces",
    )
    parent_page_types = ["portal.HomePage"]

    content_panels = BasePortalPage.content_panels + [
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner_organisations", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("shared space")
        verbose_name_plural = _("shared spaces")

    def save(self, *args, **kwargs):
        # ClusterableModel commits the M2M lists inside save(), so sync only afterwards.
        result = super().save(*args, **kwargs)
        from portal.provisioning import sync_shared_space_restriction

        sync_shared_space_restriction(self)
        return result

    def member_groups(self):
        groups = []
        for municipality in self.municipalities.all():
            groups.extend(municipality.groups)
        groups.extend(
            org.group for org in self.partner_organisations.all() if org.group_id is not None
        )
        return groups


class AccessibilityStatementPage(BasePortalPage):
    """Tillgänglighetsredogörelse: what DOS-lagen (the Swedish law on accessible public
    digital services) asks every public body to publish, linked from every page's footer."""

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    PARTLY, FULLY, NOT = "partly", "fully", "not"
    COMPLIANCE_CHOICES = [
        (FULLY, _("fully compliant with WCAG 2.1 AA")),
        (PARTLY, _("partially compliant with WCAG 2.1 AA")),
        (NOT, _("not compliant with WCAG 2.1 AA")),
    ]
    compliance = models.CharField(
        _("compliance"), max_length=10, choices=COMPLIANCE_CHOICES, default=PARTLY
    )
    known_problems = RichTextField(
        _("known problems"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What does not meet the requirements yet, and what to do instead."),
    )
    report_email = models.EmailField(
        _("where to report a problem"),
        help_text=_("An address that someone reads; answers within two working days."),
    )
    assessed_on = models.DateField(_("assessed on"))
    assessment_method = models.CharField(
        _("how it was assessed"),
        max_length=255,
        default=_("Self-assessment with automated tests (axe) and manual keyboard checks."),
    )

    content_panels = BasePortalPage.content_panels + [
        FieldPanel("compliance"),
        FieldPanel("known_problems"),
        FieldPanel("report_email"),
        FieldPanel("assessed_on"),
        FieldPanel("assessment_method"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")
