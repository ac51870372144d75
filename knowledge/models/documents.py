from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """Text extracted from an uploaded PDF or Word file, indexed with the pages using it."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    file_name = models.CharField(max_length=255, help_text="The file the text was read from.")
    text = models.TextField(blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("extracted document text")

    def __str__(self):
        return self.file_name


class SectionCollection(models.Model):
    """The document/image collection of a shared space or the shared knowledge bank.

    Municipality sections use the municipality's own collection; other sections get one
    here, restricted to the same groups as the section page.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return str(self.collection)
