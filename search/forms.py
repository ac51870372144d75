"""The search page's parameters, as the address carries them (Swedish names: ?q=, ?typ=,
?kommun=, ?amne=, ?sida=). A wrong one is reported and left out; the search still runs
with the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.models.entries import Kind
from search.query import MAX_LENGTH

# Larger numbers are no id or page anyone has (and PostgreSQL's integer ends here).
LARGEST_ID = 2**31 - 1


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=MAX_LENGTH,
        error_messages={
            "max_length": _("The search may be at most %(limit_value)d characters long.")
        },
    )
    typ = forms.MultipleChoiceField(
        label=_("Type"),
        choices=Kind.choices,
        required=False,
        error_messages={"invalid_choice": _("There is no type called “%(value)s”.")},
    )
    kommun = forms.IntegerField(label=_("Municipality"), required=False, min_value=1)
    amne = forms.IntegerField(label=_("Topic"), required=False, min_value=1)
    sida = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=LARGEST_ID)

    def _existing(self, name, model):
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        if value > LARGEST_ID or not model.objects.filter(pk=value).exists():
            raise forms.ValidationError(_("It does not exist."), code="missing")
        return value

    def clean_kommun(self):
        from portal.models import Municipality

        return self._existing("kommun", Municipality)

    def clean_amne(self):
        from knowledge.models import Topic

        return self._existing("amne", Topic)

    def valid(self, name, default=None):
        """The field's value when it was valid, else `default` (the error is shown)."""
        if not self.is_bound or name in self.errors:
            return default
        value = self.cleaned_data.get(name)
        return default if value in (None, "", []) else value

    def problems(self):
        """Each wrong parameter once, as a sentence for the reader."""
        return [
            _("%(field)s: %(error)s") % {"field": self.fields[name].label, "error": error}
            for name, errors in self.errors.items()
            for error in errors
        ]
