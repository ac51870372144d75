"""`Cache-Control: private, no-store` on every response that depends on who asks.

A page, file or export shown to a logged-in user is theirs: neither a shared cache nor
the browser of a shared computer may keep it. The same goes for a visitor whose response
carries something of their own (session data, a message, a cookie set by the view).

Everything else a visitor gets is the same for every visitor, so it stays cacheable: the
middleware adds nothing there. Django's session middleware adds `Vary: Cookie` (the
response depends on whether the reader is logged in), so a cache keeps visitors' copies
apart from logged-in users'. The CSRF cookie is left out of the rule: it carries no
personal data, and keeping it off public pages is the templates' business.
"""

from django.conf import settings
from django.contrib.messages import get_messages
from django.utils.cache import add_never_cache_headers, cc_delim_re


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


class PrivateResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not _says_no_store(response) and depends_on_reader(request, response):
            add_never_cache_headers(response)
        return response
