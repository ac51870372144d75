"""Röster: short quotes from young people, staff and partners, published only with consent."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from portal.models.pages import BasePortalPage


class Testimonial(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    YOUNG_PERSON, STAFF, PARTNER = "young_person", "staff", "partner"
    ROLE_CHOICES = [
        (YOUNG_PERSON, _("young person")),
        (STAFF, _("staff")),
        (PARTNER, _("partner")),
    ]

    quote = models.CharField(_("quote"), max_length=300)
    first_name = models.CharField(
        _("first name"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to show the quote as anonymous."),
    )
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(_("photo alternative text"), max_length=255, blank=True)
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
    )
    short_text = models.TextField(_("short text"), max_length=600)
    full_text = models.TextField(_("full text"), blank=True)

    consent_given_by = models.CharField(
        _("consent given by"),
        max_length=160,
        blank=True,
        help_text=_("Who gave consent (the person, or a guardian for a child)."),
    )
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    consent_until = models.DateField(
        _("consent valid until"),
        null=True,
        blank=True,
        help_text=_("The testimonial is unpublished automatically after this day."),
    )
    consent_note = models.CharField(
        _("where the consent is kept"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the case or document where the signed consent is filed."),
    )

    panels = [
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("role")]),
        FieldPanel("municipality"),
        FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt")]),
        FieldPanel("short_text"),
        FieldPanel("full_text"),
        MultiFieldPanel(
            [
                FieldPanel("consent_given_by"),
                FieldRowPanel([FieldPanel("consent_date"), FieldPanel("consent_until")]),
                FieldPanel("consent_note"),
            ],
            heading=_("Consent"),
        ),
    ]
    search_fields = [
        index.SearchField("quote"),
        index.SearchField("short_text"),
        index.AutocompleteField("quote"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")
        ordering = ["-pk"]

    def __str__(self):
        return self.quote[:60]

    @property
    def display_name(self):
        return self.first_name or _("anonymous")

    def publish(self, revision, *args, **kwargs):
        # Every publishing path comes here (the edit form, a revision published by hand,
        # scheduled publishing): no consent, no publishing (news/testimonials.py).
        from news.testimonials import guard_publish

        if not guard_publish(revision, kwargs.get("log_action", True)):
            return None
        return super().publish(revision, *args, **kwargs)


class TestimonialIndexPage(RoutablePageMixin, BasePortalPage):
    """Röster: every published testimonial, paginated, each with its full text."""

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    template = "news/testimonial_index_page.html"

    class Meta:
        verbose_name = _("testimonials page")

    @path("")
    def listing(self, request):
        from news.testimonial_views import listing

        return listing(self, request)

    @path("<int:pk>/", name="testimonial")
    def testimonial(self, request, pk):
        from news.testimonial_views import detail

        return detail(self, request, pk)

    def testimonial_url(self, testimonial):
        return self.url + self.reverse_subpage("testimonial", args=[testimonial.pk])
