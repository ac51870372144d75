"""The base of every snippet viewset: its listing, its chooser and every view of one object
ask the access module."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_choosers import access_checked_views, searchable_choices


def refuse_unless_in(queryset, pk):
    """Http404, the answer for a missing object, unless the object `pk` is in `queryset`."""
    try:
        found = queryset.filter(pk=pk).exists()
    except (ValueError, TypeError, ValidationError):
        found = False  # not a key of this model at all: missing too
    if not found:
        raise Http404


class AdminQuerysetObjectMixin:
    """Put in front of every view of an `AccessCheckedSnippetViewSet`: a view whose address
    names one object (edit, delete, history and its results, usage, copy, unpublish,
    revisions, previews, lock, workflow, inspect) answers 404 unless the object is in the
    viewset's queryset for this user. Checked before the view reads the object, so none of
    them shows or changes anything of it first; views without a `pk` (listing, add) are
    untouched."""

    # The viewset's `get_queryset(request)`, given to the view by `construct_view`.
    admin_queryset = None

    def setup(self, request, *args, **kwargs):
        pk_kwarg = getattr(self, "pk_url_kwarg", "pk")
        if self.admin_queryset is not None and pk_kwarg in kwargs:
            refuse_unless_in(self.admin_queryset(request), unquote(str(kwargs[pk_kwarg])))
        super().setup(request, *args, **kwargs)


class AccessCheckedSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset: its listing and chooser show only what the access
    module lets the user see, and its views of one object open only what the listing
    (`get_queryset`) holds. A viewset that narrows `get_queryset` narrows them all."""

    chooser_viewset_class = access_checked_views(SnippetChooserViewSet)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if queryset is None:
            queryset = self.model._default_manager.all()
        return searchable_choices(request.user, queryset)

    def construct_view(self, view_class, **kwargs):
        # Every view the viewset builds passes through here, the ones Wagtail may add later
        # too, so no per-object view can be left out.
        checked = type(view_class.__name__, (AdminQuerysetObjectMixin, view_class), {})
        return super().construct_view(checked, admin_queryset=self.get_queryset, **kwargs)


def _is_access_checked(model):
    return isinstance(getattr(model, "snippet_viewset", None), AccessCheckedSnippetViewSet)


class AccessCheckedDeleteBulkAction(DeleteBulkAction):
    """The listing's bulk delete for models of access-checked viewsets: ids outside the
    viewset's queryset are missing, "all" is all the listing holds. Registered after
    Wagtail's own (portal/wagtail_hooks.py), so it takes its place for these models."""

    @classproperty
    def models(cls):
        return [model for model in get_snippet_models() if _is_access_checked(model)]

    def get_queryset(self, model, object_ids):
        # An instance method here (a classmethod in Wagtail): the answer depends on the user.
        queryset = model.snippet_viewset.get_queryset(self.request)
        try:
            return get_list_or_404(queryset, pk__in=object_ids)
        except (ValueError, TypeError, ValidationError):
            raise Http404 from None
