"""The base of every snippet viewset: its listing and chooser ask the access module."""

from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_choosers import access_checked_views, searchable_choices


class AccessCheckedSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset: its listing and chooser show only what the access
    module lets the user see."""

    chooser_viewset_class = access_checked_views(SnippetChooserViewSet)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if queryset is None:
            queryset = self.model._default_manager.all()
        return searchable_choices(request.user, queryset)
