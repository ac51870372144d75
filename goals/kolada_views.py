"""The admin's Kolada import for one goal: upload a JSON file in Kolada's API format.

Who may: the same as entering values. The goal is visible to the user and the user is a
portal administrator or edits at least one of its reporting municipalities; only the
municipalities the user may enter are imported. Anyone else gets 404, whether or not the
goal exists."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goals import kolada
from portal.access import access_for

MAX_BYTES = 5 * 1024 * 1024


class KoladaFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Kolada file (JSON)"),
        help_text=gettext_lazy(
            "The answer of Kolada's API (v2) saved as a file, at most 5 MB. Only the total "
            "(T) is read."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


def goal_for(request, page_id):
    """(goal, municipalities the user may import) or Http404, alike for a missing goal
    and one the user may not enter values for."""
    from goals.entry import enterable_municipalities
    from goals.models import GoalPage

    # `id`, not `pk`: an id too large for the column is "no such row", not an error.
    goal = GoalPage.objects.filter(id=page_id).first()
    if goal is None:
        raise Http404
    # The same rule as entering values by hand (goal visible; portal admin, or editor of
    # a reporting municipality).
    allowed = enterable_municipalities(access_for(request.user), goal)
    if not allowed:
        raise Http404
    return goal, allowed


def kolada_import_view(request, page_id):
    goal, allowed = goal_for(request, page_id)
    result = None
    form = KoladaFileForm()
    if request.method == "POST":
        form = KoladaFileForm(request.POST, request.FILES)
        if form.is_valid():
            raw = form.cleaned_data["file"].read(MAX_BYTES + 1)
            result = kolada.import_file(
                raw, [goal], allowed={m.pk for m in allowed}, user=request.user
            )
            if result.ok:
                messages.success(request, result.summary())
            else:
                messages.error(request, _("Nothing was saved: the file has errors."))
        else:
            messages.error(request, _("Nothing was saved: choose a Kolada file."))
    return TemplateResponse(
        request,
        "goals/admin/kolada_import.html",
        {
            "page_title": _("Import from Kolada"),
            "page_subtitle": goal.title,
            "header_icon": "download",
            "goal": goal,
            "refusal": kolada.goal_refusal(goal),
            "indicators": kolada.kolada_indicators([goal]),
            "municipalities": allowed,
            "form": form,
            "result": result,
        },
    )
