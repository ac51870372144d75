"""Admin views for entering a goal's figures: the list of goals, the grid, the CSV import
and its template. Who may do what is goals/entry.py; every view answers 404 for a goal the
user may do nothing with."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from goals import csv_import, entry


def goal_list_view(request):
    return TemplateResponse(
        request,
        "goals/admin/goal_list.html",
        {
            "page_title": _("Goals and follow-up"),
            "header_title": _("Goals and follow-up"),
            "header_icon": "table",
            "goals": entry.goals_for_entry(request.user),
        },
    )


def _context(rights, **extra):
    goal = rights.goal
    return {
        "goal": goal,
        "rights": rights,
        "header_icon": "table",
        "header_title": extra.get("page_title", ""),
        "values_url": reverse("goals_values", args=[goal.pk]),
        "import_url": reverse("goals_import", args=[goal.pk]),
        "template_url": reverse("goals_import_template", args=[goal.pk]),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def values_view(request, page_id):
    rights = entry.rights_or_404(request.user, page_id)
    grid = entry.build_grid(rights)
    if request.method == "POST":
        if grid.bind(request.POST):
            grid.save(request.user)
            messages.success(request, _("The values are saved."))
            return redirect("goals_values", rights.goal.pk)
        messages.error(request, _("Nothing was saved. Correct the marked fields and save again."))
    title = _("Values: %(goal)s") % {"goal": rights.goal.title}
    return TemplateResponse(
        request, "goals/admin/values.html", _context(rights, page_title=title, grid=grid)
    )


@require_http_methods(["GET", "POST"])
def import_view(request, page_id):
    rights = entry.rights_or_404(request.user, page_id)
    result = None
    if request.method == "POST":
        result = csv_import.import_file(rights, request.FILES.get("file"), request.user)
        if result.ok:
            messages.success(
                request,
                _("The file is imported: %(count)s values saved.") % {"count": result.saved},
            )
            return redirect("goals_import", rights.goal.pk)
        messages.error(request, _("Nothing was saved."))
    title = _("Import values: %(goal)s") % {"goal": rights.goal.title}
    return TemplateResponse(
        request,
        "goals/admin/import.html",
        _context(rights, page_title=title, result=result, max_kb=csv_import.MAX_BYTES // 1024),
    )


def import_template_view(request, page_id):
    rights = entry.rights_or_404(request.user, page_id)
    response = HttpResponse(csv_import.template_csv(rights), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{rights.goal.slug}-mall.csv"
    )
    return response
