from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.image_serving import serve_image

urlpatterns = [
    # One login page for the site and the admin: allauth's.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    re_path(r"^bilder/([^/]*)/(\d*)/([^/]*)/[^/]*$", serve_image, name="portal_image"),
    path("konto/", include("portal.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("sprak/", set_language, name="set_language"),
]

if settings.DEBUG:
    from portal.image_serving import serve_media_in_dev

    # Dev convenience only (admin thumbnails), behind the same access check; production
    # serves no media folder directly (docs/operations.md).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media_in_dev)]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
