"""Security headers beyond Django's own: CSP (django-csp 4) and Permissions-Policy."""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"

# The Wagtail admin's deviations from the site policy: its editor (Draftail, StreamField,
# Stimulus controllers) still needs inline styles and some inline script, image choosers
# show previews from blob: URLs, and its live preview frames our own pages.
ADMIN_POLICY_REPLACE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "frame-ancestors": ["'self'"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(ADMIN_PREFIX):
            parts.replace = {**ADMIN_POLICY_REPLACE, **(parts.replace or {})}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
