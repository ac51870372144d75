"""The language switch: a plain link, so that public pages carry no form and no CSRF
cookie (a visitor's page stays the same for every visitor and can be cached).

`/sprak/?language=en&next=/kalmar/` sets Django's language cookie and goes back. A POST
with the same fields (Django's `set_language` form) still works.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods


@require_http_methods(["GET", "HEAD", "POST"])
def switch_language(request):
    data = request.POST if request.method == "POST" else request.GET
    next_url = data.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    language = data.get("language", "")
    if language in {code for code, _name in settings.LANGUAGES}:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
