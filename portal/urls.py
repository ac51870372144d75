import re

from django.apps import apps
from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.image_serving import serve_access_checked_media, serve_image
from portal.language import switch_language
from portal.sitemap import robots_txt, sitemap
from portal.views import not_found as page_not_found_view

urlpatterns = [
    # One login page for the site and the admin: allauth's.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include("portal.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Shared passwords are off for collections too (settings): Wagtail's password form for
    # documents answers 404, like the page one below.
    path(
        "dokument/authenticate_with_password/<int:restriction_id>/",
        page_not_found_view,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("dokument/", include(wagtaildocs_urls)),
    re_path(r"^bilder/([^/]*)/(\d*)/([^/]*)/[^/]*$", serve_image, name="portal_image"),
    path("konto/", include("portal.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("bevakningar/", include("subscriptions.urls")),
    path("sprak/", switch_language, name="set_language"),
    path("bekrafta/", include("knowledge.acknowledgement_urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

# The news app's addresses outside the page tree (the personal feed and its settings).
if apps.is_installed("news"):
    urlpatterns.append(path("", include("news.urls")))

# The portal's search page and its suggestions (search/urls.py).
urlpatterns.append(path("", include("search.urls")))

# The media folder in every environment (the admin's thumbnails and original-image links
# point here), behind the access check: image files only, never documents. Nothing else
# may serve MEDIA_ROOT or the bucket (docs/operations.md).
urlpatterns += [
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$",
        serve_access_checked_media,
        name="portal_media",
    )
]

# Only Wagtail's page serving: its `_util/login/` (a second login without MFA, rate
# limits or audit) and shared-password form are replaced, keeping their names.
urlpatterns += [
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_not_found_view,
        name="wagtailcore_authenticate_with_password",
    ),
    re_path(wagtail_urls.serve_pattern, wagtail_views.serve, name="wagtail_serve"),
]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
