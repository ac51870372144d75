"""Wagtail admin views: the content-health report and 'mark reviewed'."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from knowledge import clock
from knowledge.health import PROBLEM_LABELS, health_report
from knowledge.reviews import mark_reviewed, may_mark_reviewed
from portal.access import access_for


class HealthFilterForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Municipality"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("All my municipalities"),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Problem"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from portal.models import Municipality

        access = access_for(user)
        queryset = Municipality.objects.all()
        if not access.is_portal_admin:
            queryset = queryset.filter(pk__in=[m.pk for m in access.edited_municipalities])
        self.fields["municipality"].queryset = queryset
        self.fields["kind"].choices = [("", gettext_lazy("All problems"))] + list(
            PROBLEM_LABELS.items()
        )


def content_health(request):
    today = clock.today()
    form = HealthFilterForm(request.GET or None, user=request.user)
    municipality = kinds = None
    if form.is_bound and form.is_valid():
        municipality = form.cleaned_data["municipality"]
        kinds = [form.cleaned_data["kind"]] if form.cleaned_data["kind"] else None
    problems = health_report(request.user, today, municipality=municipality, kinds=kinds)
    counts = {kind: 0 for kind in PROBLEM_LABELS}
    for problem in problems:
        counts[problem.kind] += 1
    context = {
        "page_title": _("Content health"),
        "header_icon": "warning",
        "form": form,
        "problems": problems,
        "summary": [(PROBLEM_LABELS[k], n) for k, n in counts.items()],
        "today": today,
    }
    return TemplateResponse(request, "knowledge/admin/content_health.html", context)


@require_http_methods(["GET", "POST"])
def mark_reviewed_view(request, page_id):
    from knowledge.models import KnowledgePage

    # `id` (Page's integer column) rather than `pk` (the link to Page): Django answers
    # "no such row" for numbers too large for the column instead of an OverflowError.
    page = KnowledgePage.objects.filter(id=page_id).first()
    # The same 404 whether the page is missing or not the user's to edit and publish, so
    # the answer does not tell which ids exist.
    if page is None or not may_mark_reviewed(request.user, page):
        raise Http404
    page = page.specific
    if request.method == "POST":
        had_draft = page.has_unpublished_changes
        mark_reviewed(page, request.user)
        message = _("“%(title)s” is marked as reviewed today. Next review: %(date)s.") % {
            "title": page.title,
            "date": page.next_review.isoformat(),
        }
        if had_draft:
            message += " " + _(
                "Your unpublished changes are kept as a draft and carry the new review date; "
                "they are published only when you publish them."
            )
        messages.success(request, message)
        # Back where the editor pressed it: the report, the dashboard, the page on the site
        # (the editor bar) or, by default, the page's edit view.
        return_to = request.POST.get("return_to")
        if return_to == "health":
            return redirect("knowledge_content_health")
        if return_to == "dashboard":
            return redirect("wagtailadmin_home")
        if return_to == "page" and page.live:
            return redirect(page.get_url(request) or "wagtailadmin_home")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "knowledge/admin/mark_reviewed.html",
        {"page_title": _("Mark as reviewed"), "header_icon": "tick", "page": page},
    )
