"""Partner organisations, their contact people and our liaisons for each collaboration."""

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index


class OrganisationKind(models.TextChoices):
    SOCIAL_SERVICES = "socialtjanst", _("Social services")
    SCHOOL = "skola", _("School")
    BUP = "bup", _("Child and adolescent psychiatry (BUP)")
    ADULT_PSYCHIATRY = "vuxenpsykiatri", _("Adult psychiatry")
    PRIMARY_CARE = "primarvard", _("Primary care")
    PROBATION = "frivard", _("Probation service (frivård)")
    PRISON = "kriminalvard", _("Prison and probation (Kriminalvården)")
    SIS = "sis", _("SiS (National Board of Institutional Care)")
    MIGRATION = "migrationsverket", _("Swedish Migration Agency")
    EMPLOYMENT_SERVICE = "arbetsformedlingen", _("Swedish Public Employment Service")
    LABOUR_MARKET_UNIT = "arbetsmarknadsenhet", _("Labour-market unit")
    EDUCATION = "utbildning", _("Education provider")
    ASSOCIATION = "foreningsliv", _("Association")
    FAITH_COMMUNITY = "trossamfund", _("Faith community")
    VOLUNTARY = "frivilligorganisation", _("Voluntary organisation")
    HVB = "hvb", _("HVB home / supported housing")
    OTHER = "annan", _("Other")


class PartnerOrganisationTopic(TaggedItemBase):
    """Topics (taggit tags) an organisation works with; the directory filters on them."""

    content_object = ParentalKey(
        "partners.PartnerOrganisation", on_delete=models.CASCADE, related_name="tagged_topics"
    )


def _municipality_widget():
    return forms.CheckboxSelectMultiple


class PartnerOrganisation(index.Indexed, RevisionMixin, ClusterableModel):
    """A partner agency (BUP, Lernia, Arbetsförmedlingen …). Its users belong to its group."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=40, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    description = models.TextField(_("description"), blank=True)
    municipalities_served = ParentalManyToManyField(
        "portal.Municipality",
        blank=True,
        related_name="served_by_partners",
        verbose_name=_("municipalities served"),
    )
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[
            RegexValidator(r"^\d{6}-\d{4}$", _("Write the organisation number as NNNNNN-NNNN."))
        ],
    )
    website = models.URLField(_("website"), blank=True)
    switchboard_phone = models.CharField(_("switchboard phone"), max_length=40, blank=True)
    email = models.EmailField(
        _("functional e-mail"), blank=True, help_text=_("A shared address, not a person's.")
    )
    visiting_address = models.TextField(_("visiting address"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    topics = ClusterTaggableManager(
        verbose_name=_("topics"),
        through=PartnerOrganisationTopic,
        blank=True,
        help_text=_("What the organisation works with, e.g. schooling, housing, health."),
    )
    limited_to = ParentalManyToManyField(
        "portal.Municipality",
        blank=True,
        related_name="+",
        verbose_name=_("only visible to"),
        help_text=_(
            "Leave empty to show the organisation to every member municipality. "
            "Otherwise only staff of the chosen municipalities see it."
        ),
    )
    checked_on = models.DateField(
        _("checked on"),
        null=True,
        blank=True,
        help_text=_("When someone last confirmed that these details are correct."),
    )
    group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partnerorganisation")

    panels = [
        TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("name"),
                        FieldPanel("slug"),
                        FieldPanel("kind"),
                        FieldPanel("organisation_number"),
                        FieldPanel("description"),
                        FieldPanel("topics"),
                        FieldPanel("municipalities_served", widget=_municipality_widget()),
                        MultiFieldPanel(
                            [
                                FieldPanel("website"),
                                FieldRowPanel(
                                    [FieldPanel("switchboard_phone"), FieldPanel("email")]
                                ),
                                FieldPanel("visiting_address"),
                                FieldPanel("opening_hours"),
                            ],
                            heading=_("How to reach them"),
                        ),
                        FieldPanel("checked_on"),
                    ],
                    heading=_("Organisation"),
                ),
                ObjectList(
                    [InlinePanel("contacts", label=_("contact people"))],
                    heading=_("Contact people"),
                ),
                ObjectList(
                    [InlinePanel("liaisons", label=_("our liaisons"))],
                    heading=_("Our liaisons"),
                ),
                ObjectList(
                    [FieldPanel("limited_to", widget=_municipality_widget())],
                    heading=_("Visibility"),
                ),
            ]
        )
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        # Access-checked admin listings and choosers search within a list of ids.
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        with transaction.atomic():
            super().save(*args, **kwargs)
            from partners.provisioning import provision_partner_group

            provision_partner_group(self)


class ContactPerson(Orderable, ClusterableModel):
    """A named person at a partner organisation and what to contact them about."""

    organisation = ParentalKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_about = models.TextField(_("contact them about"), blank=True)
    limited_to = ParentalManyToManyField(
        "portal.Municipality",
        blank=True,
        related_name="+",
        verbose_name=_("only visible to"),
        help_text=_("Leave empty to show the person to everyone who sees the organisation."),
    )
    has_left = models.BooleanField(
        _("has left"),
        default=False,
        help_text=_("Hides the person from the directory but keeps the history."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("contact_about"),
        FieldPanel("limited_to", widget=_municipality_widget()),
        FieldPanel("has_left"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class Liaison(Orderable):
    """Someone on our side who owns the collaboration: a portal user, a named person, or both."""

    organisation = ParentalKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="liaisons"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portal user"),
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("When the person has no portal login.")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "portal.Municipality",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("municipality"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    responsibility = models.CharField(
        _("responsible for"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the agreement on work training, or the whole collaboration."),
    )

    panels = [
        FieldRowPanel([FieldPanel("user"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("municipality")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("responsibility"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("liaison")
        verbose_name_plural = _("our liaisons")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name:
            return self.name
        if self.user_id:
            return self.user.get_full_name() or self.user.email
        return ""

    @property
    def display_email(self):
        return self.email or (self.user.email if self.user_id else "")

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.user_id and not self.name.strip():
            raise ValidationError(_("Choose a portal user or write a name."))
