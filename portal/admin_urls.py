"""Admin URLs that the portal answers before Wagtail does (mounted ahead of its admin in
portal/urls.py): the page chooser, the privacy dialog and the site history through the access
module, and site-wide reports for portal administrators only."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import collection_privacy
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Collection
from wagtail.utils.urlpatterns import decorate_urlpatterns

from portal import page_chooser as admin_choosers
from portal.access import access_for, provisioned_privacy_of
from portal.admin_history import PortalLogEntriesView


def portal_admins_only(view):
    def wrapped(request, *args, **kwargs):
        if not access_for(request.user).is_portal_admin:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


class PortalSetPrivacyView(SetPrivacyView):
    """Wagtail's page privacy dialog, naming only the groups the access module lets the
    user see (an editor's own and their municipality's, not every partner's)."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        groups = form.fields["groups"]
        groups.queryset = access_for(self.request.user).visible(groups.queryset)
        return form


def provisioned_collections_refused(view):
    """The collection privacy dialog, except for collections whose privacy provisioning
    writes (a municipality's, a shared space's, the shared bank's)."""

    def wrapped(request, collection_id, *args, **kwargs):
        collection = Collection.objects.filter(pk=collection_id).first()
        if collection is not None and provisioned_privacy_of(collection) is not None:
            raise PermissionDenied
        return view(request, collection_id, *args, **kwargs)

    return wrapped


# Same paths as Wagtail's (no names: reversing Wagtail's names gives these same paths).
urlpatterns = [
    path("pages/<int:page_id>/privacy/", PortalSetPrivacyView.as_view()),
    path(
        "collections/<int:collection_id>/privacy/",
        provisioned_collections_refused(collection_privacy.set_privacy),
    ),
    path(
        "choose-page/",
        admin_choosers.BrowseView.as_view(),
    ),
    path(
        "choose-page/<int:parent_page_id>/",
        admin_choosers.BrowseView.as_view(),
    ),
    path(
        "choose-page/search/",
        admin_choosers.SearchView.as_view(),
    ),
    path(
        "choose-page/chosen-multiple/",
        admin_choosers.ChosenMultipleView.as_view(),
    ),
    path("reports/site-history/", PortalLogEntriesView.as_view()),
    path("reports/site-history/results/", PortalLogEntriesView.as_view(results_only=True)),
    path(
        "reports/page-types-usage/",
        portal_admins_only(PageTypesUsageReportView.as_view()),
    ),
    path(
        "reports/page-types-usage/results/",
        portal_admins_only(PageTypesUsageReportView.as_view(results_only=True)),
    ),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
