"""The editor's dashboard: Wagtail home panels for what needs the editor's attention.

Every panel lists only what the access module lets this editor edit (inside the subtrees
they hold page rights on), one page of rows at a time with Django's paginator, so a panel
costs the same few queries however many pages there are:

- pages due for review (owned by the editor or in their section), with "Mark as reviewed";
- the editor's drafts;
- agreements in their sections whose validity ends soon;
- recent changes in their sections (the page log, as the site history report shows it).

Approval is Wagtail's own workflow panels ("Awaiting your review", "Your pages and snippets
in a workflow"), narrowed here to objects the editor may reach. Searches without results
are the search app's panel (search/admin_views.py).
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page, PageLogEntry

from knowledge import clock, lifecycle
from knowledge.reviews import may_mark_reviewed
from portal.access import access_for

PER_PAGE = 10


class PagedPanel(Component):
    """A dashboard panel of rows, one page at a time (`?<page_param>=2`)."""

    name = ""
    heading = ""
    page_param = ""
    order = 100
    # Shown with a short text when empty (else the panel is left out, as Wagtail's are).
    empty_text = None

    def is_shown(self, access):
        return access.may_use_admin and bool(access.admin_page_paths)

    def get_queryset(self, request, access, today):
        raise NotImplementedError

    def get_rows(self, items, request, access, today):
        return items

    def render_html(self, parent_context=None):
        access = access_for(parent_context["request"].user)
        if not self.is_shown(access):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        access = access_for(request.user)
        today = clock.today()
        paginator = Paginator(self.get_queryset(request, access, today), PER_PAGE)
        # get_page: a number that is not one, or past the end, gives the first / last page.
        page_obj = paginator.get_page(request.GET.get(self.page_param))
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "empty_text": self.empty_text,
            "rows": self.get_rows(list(page_obj.object_list), request, access, today),
            "page_obj": page_obj,
            "paginator": paginator,
            "previous_url": _page_url(request, self.page_param, page_obj, -1),
            "next_url": _page_url(request, self.page_param, page_obj, +1),
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "today": today,
        }


def _page_url(request, param, page_obj, step):
    has = page_obj.has_previous() if step < 0 else page_obj.has_next()
    if not has:
        return None
    query = request.GET.copy()
    query[param] = page_obj.number + step
    return f"?{query.urlencode()}"


def _editable(access, field="path"):
    """Inside the subtrees the user holds page rights on: what they may edit."""
    return access.admin_page_paths_q(field)


def _in_my_sections(access):
    condition = Q(pk__in=[])
    for municipality in access.edited_municipalities:
        if municipality.section_page_id:
            condition |= Q(path__startswith=municipality.section_page.path)
    return condition


def _type_label(page):
    specific_class = page.specific_class
    return specific_class._meta.verbose_name if specific_class else ""


class ReviewDuePanel(PagedPanel):
    name = "kb-review-due"
    heading = _("Due for review")
    page_param = "granskas"
    order = 100
    template_name = "wagtailadmin/home/kb_review_due.html"
    empty_text = _("None of your pages is due for review in the next 30 days.")

    def get_queryset(self, request, access, today):
        from knowledge.models import KnowledgePage

        soon = today + datetime.timedelta(days=lifecycle.REVIEW_DUE_SOON_DAYS)
        mine = Q(content_owner=request.user) | _in_my_sections(access)
        due = Q(next_review__lte=soon) | Q(next_review__isnull=True)
        return (
            KnowledgePage.objects.live()
            .filter(_editable(access), mine, due)
            .select_related("content_owner")
            .order_by(F("next_review").asc(nulls_first=True), "title", "pk")
        )

    def get_rows(self, items, request, access, today):
        return [
            {
                "page": page,
                "type_label": _type_label(page),
                "status": lifecycle.review_status(page.next_review, today),
                "status_label": lifecycle.STATUS_LABELS[
                    lifecycle.review_status(page.next_review, today)
                ],
                "may_mark": may_mark_reviewed(request.user, page),
            }
            for page in items
        ]


class DraftsPanel(PagedPanel):
    name = "kb-drafts"
    heading = _("Your drafts")
    page_param = "utkast"
    order = 200
    template_name = "wagtailadmin/home/kb_drafts.html"

    def get_queryset(self, request, access, today):
        user = request.user
        return (
            Page.objects.filter(_editable(access), has_unpublished_changes=True)
            .filter(Q(owner=user) | Q(latest_revision__user=user))
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "pk")
        )

    def get_rows(self, items, request, access, today):
        return [{"page": page, "type_label": _type_label(page)} for page in items]


class ExpiringAgreementsPanel(PagedPanel):
    name = "kb-agreements-expiring"
    heading = _("Agreements ending soon")
    page_param = "overenskommelser"
    order = 230
    template_name = "wagtailadmin/home/kb_agreements_expiring.html"

    def get_queryset(self, request, access, today):
        from knowledge.models import AgreementPage

        soon = today + datetime.timedelta(days=lifecycle.AGREEMENT_EXPIRING_DAYS)
        return (
            AgreementPage.objects.live()
            .filter(_editable(access), valid_until__isnull=False, valid_until__lte=soon)
            .order_by("valid_until", "title", "pk")
        )

    def get_rows(self, items, request, access, today):
        rows = []
        for agreement in items:
            status = agreement.agreement_status(today)
            rows.append(
                {
                    "page": agreement,
                    "status": status,
                    "status_label": lifecycle.STATUS_LABELS[status],
                    "days_left": (agreement.valid_until - today).days,
                }
            )
        return rows


class RecentChangesPanel(PagedPanel):
    name = "kb-recent-changes"
    heading = _("Recent changes in your sections")
    page_param = "andringar"
    order = 260
    template_name = "wagtailadmin/home/kb_recent_changes.html"

    def get_queryset(self, request, access, today):
        from portal.admin_history import viewable_log_entries

        # The entries the site history report shows this user: pages they may edit.
        return (
            viewable_log_entries(PageLogEntry, request)
            # Changes only: refused visits are audit entries, not news for editors.
            .exclude(action="portal.access_refused")
            .select_related("user", "page")
            .order_by("-timestamp", "-pk")
        )


def _within_reach(request, states, object_of):
    """The workflow states whose object the user may reach in the admin: pages by the
    access module's path check, other objects by one query per model (not per row)."""
    from portal.admin_history import admin_reachable

    access = access_for(request.user)
    if access.is_portal_admin:
        return list(states)
    by_model = {}
    for state in states:
        obj = object_of(state)
        if not isinstance(obj, Page):
            by_model.setdefault(type(obj), set()).add(obj.pk)
    reachable_pks = {}
    for model, pks in by_model.items():
        reachable = admin_reachable(model, request)
        reachable_pks[model] = (
            set(reachable.filter(pk__in=pks).values_list("pk", flat=True))
            if reachable is not None
            else set()
        )
    kept = []
    for state in states:
        obj = object_of(state)
        if isinstance(obj, Page):
            if access.works_on_page(obj):
                kept.append(state)
        elif obj.pk in reachable_pks[type(obj)]:
            kept.append(state)
    return kept


class PortalWorkflowObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", naming only objects the reviewer may reach."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"] = _within_reach(
            parent_context["request"], context["states"], lambda state: state["obj"]
        )
        return context


class PortalUserObjectsInWorkflowModerationPanel(UserObjectsInWorkflowModerationPanel):
    """Wagtail's "Your pages and snippets in a workflow", within the user's reach."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["workflow_states"] = _within_reach(
            parent_context["request"],
            context["workflow_states"],
            lambda state: state.content_object,
        )
        return context


_WAGTAIL_REPLACED = {
    WorkflowObjectsToModeratePanel: PortalWorkflowObjectsToModeratePanel,
    UserObjectsInWorkflowModerationPanel: PortalUserObjectsInWorkflowModerationPanel,
}


def construct_panels(request, panels):
    panels[:] = [
        _WAGTAIL_REPLACED[type(panel)]() if type(panel) in _WAGTAIL_REPLACED else panel
        for panel in panels
    ]
    panels.extend(
        [ReviewDuePanel(), DraftsPanel(), ExpiringAgreementsPanel(), RecentChangesPanel()]
    )
