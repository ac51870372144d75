"""Knowledge-bank page types: the index, routines, agreements and guides.

Routines, agreements and guides share a concrete `KnowledgePage` table (multi-table
inheritance) so the index can filter and paginate all three in one query.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge import clock, lifecycle
from knowledge.blocks import StepsStreamBlock
from portal.models.pages import BasePortalPage

KNOWLEDGE_PAGE_TYPES = ["knowledge.RoutinePage", "knowledge.AgreementPage", "knowledge.GuidePage"]


class KnowledgeIndexPage(BasePortalPage):
    """Kunskapsbanken: one shared under the home page, one in any section or shared space."""

    parent_page_types = [
        "portal.HomePage",
        "portal.MunicipalitySectionPage",
        "portal.SharedSpacePage",
    ]
    subpage_types = KNOWLEDGE_PAGE_TYPES + ["portal.ContentPage"]
    max_count_per_parent = 1
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("knowledge bank")
        verbose_name_plural = _("knowledge banks")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        from knowledge.sections import sync_shared_knowledge_bank

        sync_shared_knowledge_bank(self)
        return result

    def get_context(self, request, *args, **kwargs):
        from knowledge.listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


def _owner_label(user):
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email


class KnowledgePageForm(WagtailAdminPageForm):
    """A routine cannot be published without an owner and a review date (drafts may).

    Every knowledge page also takes a change note and the "significant change" flag for the
    revision being saved (knowledge.models.PageChange), and who must read and confirm it."""

    require_review_on_publish = False

    change_note = forms.CharField(
        label=_("What has changed?"),
        max_length=300,
        required=False,
        help_text=_("A short note for readers and subscribers, e.g. 'New contact for BUP'."),
    )
    significant_change = forms.BooleanField(
        label=_("Significant change: everyone must confirm again"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.fields.get("content_owner")
        if owner is not None:
            # Editors pick a colleague by name, as the page shows the owner.
            owner.label_from_instance = _owner_label
        if "confirm_groups" in self.fields:
            from knowledge.acknowledgements import narrow_confirm_groups

            narrow_confirm_groups(self)

    def save(self, commit=True):
        page = super().save(commit=commit)
        # Read by KnowledgePage.save_revision, which the edit view calls next.
        page._change_note = self.cleaned_data.get("change_note", "")
        page._significant_change = bool(self.cleaned_data.get("significant_change"))
        return page

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("confirm_groups"):
            from knowledge.acknowledgements import groups_that_cannot_read

            refused = groups_that_cannot_read(self, cleaned["confirm_groups"])
            if refused:
                self.add_error(
                    "confirm_groups",
                    _("These groups cannot read the page, so they cannot confirm it: %(groups)s")
                    % {"groups": ", ".join(sorted(group.name for group in refused))},
                )
        if self.require_review_on_publish and self.data.get("action-publish"):
            if not cleaned.get("content_owner"):
                self.add_error(
                    "content_owner", _("A routine needs an owner before it can be published.")
                )
            if not cleaned.get("last_reviewed"):
                self.add_error(
                    "last_reviewed",
                    _("A routine needs a review date before it can be published."),
                )
        return cleaned


class RoutinePageForm(KnowledgePageForm):
    require_review_on_publish = True


class KnowledgePage(BasePortalPage):
    """What routines, agreements and guides share: summary, owner, review, scope."""

    # Read with the page when it is served (portal.routing): every page shows its owner.
    select_related_on_serve = ("content_owner",)

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Two or three sentences shown in listings.")
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_knowledge_pages",
        help_text=_("The person who keeps this page correct and gets the review reminders."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last reviewed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=lifecycle.DEFAULT_REVIEW_INTERVAL_MONTHS
    )
    next_review = models.DateField(
        _("next review"), null=True, blank=True, editable=False, db_index=True
    )
    municipalities = ParentalManyToManyField(
        "portal.Municipality",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="knowledge_pages",
    )
    topics = ParentalManyToManyField(
        "knowledge.Topic", verbose_name=_("topics"), blank=True, related_name="pages"
    )
    tags = ClusterTaggableManager(through="knowledge.KnowledgePageTag", blank=True)
    # Read and acknowledge (knowledge.acknowledgements): who must confirm, by when, and
    # the version they confirm (moved on by a publish marked as a significant change).
    confirm_groups = ParentalManyToManyField(
        "auth.Group",
        verbose_name=_("to be read and confirmed by"),
        blank=True,
        related_name="knowledge_pages_to_confirm",
    )
    confirm_by = models.DateField(_("confirm by"), null=True, blank=True)
    confirm_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.RESTRICT,  # kept from purge_revisions, as the confirmations are
        related_name="+",
    )
    # A copy asks for confirmations of its own, from its first publish.
    exclude_fields_in_copy = ["confirm_revision"]

    is_creatable = False
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    base_form_class = KnowledgePageForm

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("content_owner"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_interval_months")]),
            ],
            heading=_("Owner and review"),
        )
    ]
    scope_panels = [
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    confirm_panels = [
        MultiFieldPanel(
            [
                FieldPanel("confirm_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("confirm_by"),
                FieldPanel("change_note"),
                FieldPanel("significant_change"),
            ],
            heading=_("Read and confirm"),
        )
    ]
    search_fields = BasePortalPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("attachment_text"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("next_review"),
    ]

    class Meta:
        verbose_name = _("knowledge page")

    def save(self, *args, **kwargs):
        self.next_review = lifecycle.next_review_date(
            self.last_reviewed, self.review_interval_months
        )
        # Files follow the page on publish (knowledge.documents.on_page_published), not here.
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        note = getattr(self, "_change_note", "")
        significant = getattr(self, "_significant_change", False)
        if note or significant:
            from knowledge.models.acknowledgements import PageChange

            PageChange.objects.update_or_create(
                revision=revision,
                defaults={"page_id": self.pk, "note": note, "significant": significant},
            )
        self._change_note, self._significant_change = "", False
        return revision

    def with_content_json(self, content):
        # The version readers confirm is moved on by publishing (knowledge.acknowledgements),
        # never restored from an older revision's copy of the page.
        obj = super().with_content_json(content)
        obj.confirm_revision_id = self.confirm_revision_id
        return obj

    # --- life cycle -------------------------------------------------------------------

    def review_status(self, today=None):
        return lifecycle.review_status(self.next_review, today or clock.today())

    @property
    def status(self):
        return self.review_status()

    @property
    def status_label(self):
        return lifecycle.STATUS_LABELS[self.status]

    @property
    def owner_name(self):
        owner = self.content_owner
        if owner is None:
            return ""
        return owner.get_full_name() or owner.email

    @property
    def is_overdue(self):
        return self.status == lifecycle.OVERDUE

    # --- documents ---------------------------------------------------------------------

    def linked_documents(self):
        """Every document the page links to: attachments, signed document, document blocks."""
        documents = [a.document for a in self.attachments.all() if a.document_id]
        documents.extend(_stream_documents(self.body))
        return documents

    def attachment_text(self):
        from knowledge.models.documents import DocumentText

        ids = [document.pk for document in self.linked_documents()]
        texts = DocumentText.objects.filter(document_id__in=ids).values_list("text", flat=True)
        return "\n".join(texts)


def _stream_documents(stream):
    documents = []
    for block in stream or []:
        if block.block_type == "document" and block.value.get("document"):
            documents.append(block.value["document"])
    return documents


class KnowledgeAttachment(Orderable):
    """A downloadable file attached to a routine, agreement or guide."""

    page = ParentalKey(KnowledgePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    label = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Defaults to the document title.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class RoutinePage(RoutablePageMixin, KnowledgePage):
    """Rutin: how we do something, step by step, and who answers for it."""

    purpose = RichTextField(_("purpose"), blank=True, features=["bold", "italic", "link", "ul"])
    applies_to = models.TextField(
        _("applies to"), blank=True, help_text=_("Which staff, units or situations.")
    )
    steps = StreamField(StepsStreamBlock(), verbose_name=_("steps"), blank=True)
    responsible_role = models.CharField(
        _("responsible role"), max_length=200, blank=True, help_text=_("E.g. 'Enhetschef HVB'.")
    )
    partner_organisations = ParentalManyToManyField(
        "partners.PartnerOrganisation",
        verbose_name=_("related partner organisations"),
        blank=True,
        related_name="routines",
    )
    local_version_of = models.ForeignKey(
        "self",
        verbose_name=_("local version of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_versions",
        help_text=_("The shared routine this is the municipality's own version of."),
    )

    base_form_class = RoutinePageForm
    template = "knowledge/routine_page.html"
    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("purpose"),
            FieldPanel("applies_to"),
            FieldPanel("responsible_role"),
            FieldPanel("steps"),
        ]
        + KnowledgePage.review_panels
        + KnowledgePage.scope_panels
        + [
            FieldPanel("partner_organisations", widget=forms.CheckboxSelectMultiple),
            FieldPanel("local_version_of"),
            InlinePanel("attachments", label=_("attachments")),
        ]
        + KnowledgePage.confirm_panels
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("applies_to"),
        index.SearchField("steps"),
        index.SearchField("responsible_role"),
    ]

    class Meta:
        verbose_name = _("routine")
        verbose_name_plural = _("routines")

    def linked_documents(self):
        return super().linked_documents() + _stream_documents(self.steps)

    def clean(self):
        super().clean()
        if self.local_version_of_id and self.local_version_of_id == self.pk:
            raise ValidationError({"local_version_of": _("A routine cannot be its own version.")})

    def get_context(self, request, *args, **kwargs):
        from portal.access import access_for

        context = super().get_context(request, *args, **kwargs)
        access = access_for(request.user)
        context["local_versions"] = access.visible_pages(
            RoutinePage.objects.filter(local_version_of=self)
        ).order_by("title")
        original = self.local_version_of
        context["shared_routine"] = (
            original if original and access.can_view_page(original) else None
        )
        return context

    @path("jamfor/")
    def compare(self, request):
        from knowledge.compare import compare_view

        return compare_view(self, request)


class AgreementParty(Orderable):
    """What one party commits to under an agreement."""

    page = ParentalKey(
        "knowledge.AgreementPage", on_delete=models.CASCADE, related_name="commitments"
    )
    party = models.CharField(_("party"), max_length=200)
    commitment = RichTextField(_("commits to"), features=["bold", "italic", "ul", "ol", "link"])

    panels = [FieldPanel("party"), FieldPanel("commitment")]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")


class AgreementReport(Orderable):
    """A report one party has promised another: what, to whom, how often."""

    page = ParentalKey("knowledge.AgreementPage", on_delete=models.CASCADE, related_name="reports")
    report = models.CharField(_("report"), max_length=200)
    from_party = models.CharField(_("from"), max_length=200)
    to_party = models.CharField(_("to"), max_length=200)
    frequency = models.CharField(_("how often"), max_length=100)

    panels = [
        FieldPanel("report"),
        FieldRowPanel([FieldPanel("from_party"), FieldPanel("to_party"), FieldPanel("frequency")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("promised report")
        verbose_name_plural = _("promised reports")


class AgreementPage(KnowledgePage):
    """Överenskommelse: who agreed to what, for how long, and who to call."""

    select_related_on_serve = ("content_owner", "signed_document")

    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty means until further notice.")
    )
    notice_period = models.CharField(
        _("notice period"), max_length=100, blank=True, help_text=_("E.g. 'three months'.")
    )
    partner_organisations = ParentalManyToManyField(
        "partners.PartnerOrganisation",
        verbose_name=_("partner organisations that are parties"),
        blank=True,
        related_name="agreements",
    )
    contact_people = ParentalManyToManyField(
        "partners.ContactPerson",
        verbose_name=_("contact people"),
        blank=True,
        related_name="agreements",
    )
    signed_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    template = "knowledge/agreement_page.html"
    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            MultiFieldPanel(
                [
                    FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("partner_organisations", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Parties"),
            ),
            FieldRowPanel(
                [FieldPanel("valid_from"), FieldPanel("valid_until"), FieldPanel("notice_period")]
            ),
            InlinePanel("commitments", label=_("commitments")),
            InlinePanel("reports", label=_("promised reports")),
            FieldPanel("contact_people", widget=forms.CheckboxSelectMultiple),
            FieldPanel("signed_document"),
            FieldPanel("body"),
        ]
        + KnowledgePage.review_panels
        + [
            FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            FieldPanel("tags"),
            InlinePanel("attachments", label=_("attachments")),
        ]
        + KnowledgePage.confirm_panels
    )

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {
                    "valid_until": _(
                        "The agreement cannot end (%(end)s) before it starts (%(start)s)."
                    )
                    % {"end": self.valid_until.isoformat(), "start": self.valid_from.isoformat()}
                }
            )

    def linked_documents(self):
        documents = super().linked_documents()
        if self.signed_document_id:
            documents.append(self.signed_document)
        return documents

    def agreement_status(self, today=None):
        return lifecycle.agreement_status(self.valid_from, self.valid_until, today or clock.today())

    @property
    def status(self):
        return self.agreement_status()


class GuidePage(KnowledgePage):
    """Guides and tools: templates such as the individual future plan, with downloads."""

    KIND_CHOICES = [("guide", _("Guide")), ("tool", _("Tool or template"))]
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default="guide")
    content = StreamField(StepsStreamBlock(), verbose_name=_("content"), blank=True)

    template = "knowledge/guide_page.html"
    content_panels = (
        Page.content_panels
        + [FieldPanel("kind"), FieldPanel("summary"), FieldPanel("content")]
        + [InlinePanel("attachments", label=_("downloads"))]
        + KnowledgePage.review_panels
        + KnowledgePage.scope_panels
        + KnowledgePage.confirm_panels
    )
    search_fields = KnowledgePage.search_fields + [index.SearchField("content")]

    class Meta:
        verbose_name = _("guide or tool")
        verbose_name_plural = _("guides and tools")

    def linked_documents(self):
        return super().linked_documents() + _stream_documents(self.content)
