"""Answer 405 to HTTP methods the site does not use.

Django's function views (Wagtail's page, document and image serving, our exports) answer
any method, so TRACE on a document or on the "Mitt konto" download returned the file.
TRACE/TRACK echo requests back (cross-site tracing) and CONNECT asks for a tunnel; none
of them, nor made-up methods, has a use here.
"""

from django.http import HttpResponseNotAllowed

KNOWN_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


class RefuseUnknownMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in KNOWN_METHODS:
            return HttpResponseNotAllowed(KNOWN_METHODS)
        return self.get_response(request)
