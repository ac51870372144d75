"""Who may keep a response: `private, no-store` for anything personal, `public` for what
every visitor gets alike.

A page, file or export shown to a logged-in user is theirs: neither a shared cache nor
the browser of a shared computer may keep it. The same goes for a visitor whose response
carries something of their own (session data, a message, a cookie set by the view).

A visitor's GET of a public page that sends no cookie and gets none is the same for every
such visitor: it says `Cache-Control: public, max-age=PORTAL_PUBLIC_MAX_AGE` and drops the
`Vary: Cookie` that the session middleware adds merely because the user was looked at, so
a cache in front can keep one copy. A request with any cookie (a session, a language
choice) is never answered from that copy: caches in front must pass requests that carry a
cookie (docs/operations.md), and the response to such a request is not marked public.

The middleware sits above the session middleware, so it sees the cookies that one sets.
"""

from django.conf import settings
from django.contrib.messages import get_messages
from django.utils.cache import add_never_cache_headers, cc_delim_re, patch_cache_control


def _says_no_store(response):
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    return any(d.strip().lower() == "no-store" for d in directives)


def depends_on_reader(request, response):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    # After the view, the session is loaded whenever the user was looked at; a visitor
    # with data in it (a login in progress) or one the view wrote to gets their own answer.
    if session is not None and (session.modified or not session.is_empty()):
        return True
    if len(get_messages(request)):
        return True
    return any(name != settings.CSRF_COOKIE_NAME for name in response.cookies)


def _same_for_every_visitor(request, response):
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not request.COOKIES
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not getattr(response, "streaming", False)
    )


class PrivateResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if depends_on_reader(request, response):
            if not _says_no_store(response):
                add_never_cache_headers(response)
        elif _same_for_every_visitor(request, response):
            patch_cache_control(response, public=True, max_age=settings.PORTAL_PUBLIC_MAX_AGE)
            vary = [v for v in cc_delim_re.split(response.get("Vary", "")) if v]
            vary = [v for v in vary if v.lower() != "cookie"]
            if vary:
                response["Vary"] = ", ".join(vary)
            elif response.has_header("Vary"):
                del response["Vary"]
        return response
