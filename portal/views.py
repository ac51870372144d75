from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import DisallowedRedirect
from django.http import Http404
from django.shortcuts import render

from portal.access import access_for

# File URLs: a visitor is asked to log in whether or not the file exists.
_FILE_PREFIXES = ("/dokument/", "/bilder/")


def not_found(request, *args, **kwargs):
    raise Http404


def login_redirect(request):
    """Send a visitor to the login page, back here afterwards. Django refuses to redirect
    to a URL over 16,384 characters (DisallowedRedirect: a 400 with a traceback in the
    log), so an over-long query string, then an over-long path, is left out of `next`."""
    for next_url in (request.get_full_path(), request.path):
        try:
            return redirect_to_login(next_url)
        except DisallowedRedirect:
            continue
    return redirect_to_login("/")


def refuse(request, obj=None):
    """Ask visitors to log in; tell logged-in users nothing exists (the same 404 as a typo).
    Every serving channel (pages, documents, images) refuses through here."""
    if not access_for(request.user).is_authenticated:
        return login_redirect(request)
    if obj is not None:
        from portal.accounts import audit

        audit.log_access_refused(request, obj)
    raise Http404


def refuse_as_missing(request, obj=None):
    """For sub-routes that already asked visitors to log in: the 404 of a missing address,
    and when `obj` exists (the reader was refused it) the audit entry `refuse` writes."""
    refuse(request, obj)
    raise Http404


# Views that serve pages and files: a visitor asking them for something that does not
# exist is asked to log in, as for something restricted, so the answers do not differ.
_CONTENT_VIEWS = {"wagtail_serve", "wagtaildocs_serve", "portal_image"}


def _asks_for_content(request):
    """True for an address of a page or a file (whether it exists or not), so a visitor
    asking for a missing one gets the same answer as for a restricted one, anywhere."""
    match = getattr(request, "resolver_match", None)
    if match is None:  # no URL pattern took it: only file addresses count
        return request.path.startswith(_FILE_PREFIXES)
    if match.url_name not in _CONTENT_VIEWS:
        return False  # e.g. an invitation link or Wagtail's password forms: their own 404
    # Wagtail's page route takes every address with a trailing slash, the static and
    # media folders' included. (The admin has a catch-all of its own, behind its login.)
    return not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def page_not_found(request, exception=None):
    visitor = not access_for(getattr(request, "user", None)).is_authenticated
    if visitor and _asks_for_content(request):
        return login_redirect(request)
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
