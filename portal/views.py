from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import DisallowedRedirect
from django.http import Http404
from django.shortcuts import render
from wagtail.models import Page

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


def _inside_restricted_area(request, access):
    """True when the path lies under a page this visitor is denied, or is a file URL, so
    a missing address there gets the same answer as an existing restricted one."""
    if request.path.startswith(_FILE_PREFIXES):
        return True
    if not access.denied_page_paths:
        return False
    for page in Page.objects.filter(path__in=access.denied_page_paths):
        url = page.get_url(request)
        if url and request.path.startswith(url):
            return True
    return False


def page_not_found(request, exception=None):
    access = access_for(getattr(request, "user", None))
    if not access.is_authenticated and _inside_restricted_area(request, access):
        return login_redirect(request)
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
