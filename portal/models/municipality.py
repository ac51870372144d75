from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Municipality(index.Indexed, models.Model):
    """A member municipality. Saving one provisions its groups, section page and collection."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    code = models.CharField(
        _("municipality code"),
        max_length=4,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", _("A municipality code is four digits."))],
        help_text=_("The four-digit code from SCB, e.g. 0880 for Kalmar."),
    )
    members_group = models.OneToOneField(
        Group,
        verbose_name=_("members group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editors_group = models.OneToOneField(
        Group,
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    section_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("section page"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("code")]
    # `id` as a filter: access-checked admin listings and choosers search within ids.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name.replace(" kommun", ""))
        if not self.code:
            self.code = None
        with transaction.atomic():
            super().save(*args, **kwargs)
            from portal.provisioning import provision_municipality

            provision_municipality(self)

    @property
    def groups(self):
        return [g for g in (self.members_group, self.editors_group) if g is not None]
