from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    # One login page for the site and the admin: allauth's.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("konto/", include("allauth.urls")),
    path("sprak/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # Dev convenience only, and never for documents: those go through the access check
    # at /dokument/. Production serves no media folder directly (docs/operations.md).
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?!documents/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
