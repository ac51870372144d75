"""Log entries in the admin, answering from the access module.

Wagtail's site history report (its listing, results, filters and CSV/XLSX exports) shows a
user the entries of every object of a model once they hold any permission on the model, and
the entries of every page they may explore, which includes the pages above their subtrees.
An entry's label is the object's name when it was logged: a testimonial's quote, the text of
an unpublished draft. Here the report shows only the entries of objects the user may reach in
the admin:

- pages inside the subtrees they hold page permissions on;
- snippets of an `AccessCheckedSnippetViewSet`: what its `get_queryset(request)` holds;
- documents, images and films: what their collections let the user see;
- nothing of other models (users, sites, groups, ...).

Portal administrators and superusers keep Wagtail's answer. The narrowing needs the request
(a viewset's queryset is per request) where Wagtail's `viewable_by_user` gets only the user,
so it lives in a subclass of the report's view, mounted ahead of Wagtail's in
portal/admin_urls.py; the report is the only caller of `viewable_by_user`. It adds one
subquery per kind of object to the report's query, never a query per row.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, Value
from django.db.models.functions import Cast
from wagtail.admin.views.home import RecentEditsPanel
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import CollectionMember, ModelLogEntry, PageLogEntry

from portal.access import access_for
from portal.snippet_viewsets import AccessCheckedSnippetViewSet

_ANSWERS_ATTR = "_portal_viewable_log_entries"


def admin_reachable(model, request):
    """The objects of `model` the user may reach in the admin, or None when the portal does
    not say (then none of its entries are shown to anyone but portal administrators)."""
    viewset = getattr(model, "snippet_viewset", None)
    if isinstance(viewset, AccessCheckedSnippetViewSet):
        return viewset.get_queryset(request)
    if issubclass(model, CollectionMember):
        return access_for(request.user).visible(model._default_manager.all())
    return None


def _model_entries_condition(entries, request):
    condition = Q(pk__in=[])
    for content_type_id in sorted(i for i in entries.get_content_type_ids() if i is not None):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            continue
        reachable = admin_reachable(model, request) if model is not None else None
        if reachable is None:
            continue
        # The entry keeps the object's key as text: compare it with the keys as text, in
        # the database (a subquery, not a list of every key).
        keys = reachable.order_by().annotate(_logged_key=Cast("pk", CharField()))
        condition |= Q(content_type_id=content_type_id, object_id__in=keys.values("_logged_key"))
    return condition


def viewable_log_entries(log_model, request):
    """The entries of `log_model` the user may read: Wagtail's answer, narrowed to objects
    they may reach in the admin. Worked out once per request and log model (the report asks
    for its filters' choices and for its rows)."""
    answers = getattr(request, _ANSWERS_ATTR, None)
    if answers is None:
        answers = {}
        setattr(request, _ANSWERS_ATTR, answers)
    if log_model not in answers:
        answers[log_model] = _viewable(log_model, request)
    return answers[log_model].all()


def _viewable(log_model, request):
    entries = log_model.objects.viewable_by_user(request.user)
    access = access_for(request.user)
    if access.is_portal_admin:
        return entries
    if issubclass(log_model, PageLogEntry):
        return entries.filter(access.admin_page_paths_q("page__path"))
    if issubclass(log_model, ModelLogEntry):
        return entries.filter(_model_entries_condition(entries, request))
    return entries.none()  # a log model the portal knows nothing of


def _log_models():
    return list(log_action_registry.get_log_entry_models())


def _content_types(request):
    ids = set()
    for log_model in _log_models():
        ids.update(viewable_log_entries(log_model, request).get_content_type_ids())
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class PortalSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The report's filters offer only the types, actions and users of readable entries."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["object_type"].queryset = _content_types

    def get_action_choices(self):
        actions = set()
        for log_model in _log_models():
            actions.update(viewable_log_entries(log_model, self.request).get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]

    def get_users_queryset(self):
        # Wagtail's lists everyone who wrote any page's entry.
        user_ids = set()
        for log_model in _log_models():
            user_ids.update(viewable_log_entries(log_model, self.request).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)

    def get_user_choices(self):
        return self.get_users_queryset()


class PortalLogEntriesView(LogEntriesView):
    filterset_class = PortalSiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's, with `viewable_log_entries` in place of `viewable_by_user`.
        queryset = None
        self.log_models = _log_models()
        for log_model_index, log_model in enumerate(self.log_models):
            sub_queryset = (
                viewable_log_entries(log_model, self.request)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(log_model_index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")


class PortalRecentEditsPanel(RecentEditsPanel):
    """The dashboard's "your most recent edits": only pages the user still works on (an edit
    made before they lost the rights would name a page they may no longer reach)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        access = access_for(parent_context["request"].user)
        context["last_edits"] = [
            (edited_at, page)
            for edited_at, page in context["last_edits"]
            if access.works_on_page(page)
        ]
        return context


def replace_recent_edits_panel(request, panels):
    panels[:] = [
        PortalRecentEditsPanel() if type(panel) is RecentEditsPanel else panel for panel in panels
    ]
