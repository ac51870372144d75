from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


class PartnerOrganisation(index.Indexed, ClusterableModel):
    """A partner agency (BUP, Lernia, Arbetsförmedlingen …). Its users belong to its group."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        InlinePanel("contacts", label=_("contact people")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        with transaction.atomic():
            super().save(*args, **kwargs)
            from portal.provisioning import provision_partner_group

            provision_partner_group(self)


class ContactPerson(Orderable):
    """A named person at a partner organisation and what to contact them about."""

    organisation = ParentalKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_about = models.TextField(_("contact them about"), blank=True)
    has_left = models.BooleanField(
        _("has left"),
        default=False,
        help_text=_("Hides the person from the directory but keeps the history."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("contact_about"),
        FieldPanel("has_left"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return f"{self.name} ({self.organisation})"
