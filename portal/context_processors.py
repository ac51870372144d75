from django.utils.functional import SimpleLazyObject

from portal.access import access_for
from portal.mfa_required import continue_link


class MenuItem:
    """What the top navigation shows of a page (cached, so plain data, not the page)."""

    def __init__(self, page, request):
        self.title = page.title
        self.url = page.get_url(request)
        self.path = page.path


def _menu(access, request):
    from portal.models import HomePage

    home = HomePage.objects.filter(depth=2).only("path", "url_path").first()
    if home is None:
        return None, []
    children = access.visible_pages(home.get_children().in_menu())
    pages = children.only("title", "path", "url_path", "content_type")
    if not access.is_authenticated:
        # A page type that asks visitors to log in whatever its privacy (e.g. the partner
        # directory) says so with `members_only`; a visitor's menu does not offer it.
        pages = [page for page in pages if not getattr(page.specific_class, "members_only", False)]
    items = [MenuItem(page, request) for page in pages]
    return MenuItem(home, request), items


def live_page_url(queryset, request):
    """The URL of the first live page of `queryset` ("" while there is none)."""
    page = queryset.live().only("path", "url_path").first()
    return (page.get_url(request) or "") if page else ""


def _statement_url(request):
    """The footer's link to the accessibility statement."""
    from portal.models import AccessibilityStatementPage

    return live_page_url(AccessibilityStatementPage.objects.all(), request)


def _privacy(request):
    """The footer's link to the personal data page, with who is responsible and a contact
    (plain data: cached for everyone, refreshed when a page is published)."""
    from portal.models import PrivacyPage

    page = PrivacyPage.objects.live().only("path", "url_path", "controller", "contact_email")
    page = page.first()
    if page is None:
        return {}
    url = page.get_url(request) or ""
    return {"url": url, "controller": page.controller, "email": page.contact_email}


def navigation(request):
    """Top navigation: only the sections this user may see. Cached per group set under the
    portal's cache version, so a page view usually costs no query for it."""
    access = access_for(getattr(request, "user", None))

    def menu():
        # Same menu for everyone who reaches the same sections (on the same host).
        return access.cached_for_reach(f"menu:{request.get_host()}", lambda: _menu(access, request))

    built = SimpleLazyObject(menu)
    return {
        "portal_accessibility_url": SimpleLazyObject(
            lambda: access.cached_for_everyone(
                f"accessibility-url:{request.get_host()}", lambda: _statement_url(request)
            )
        ),
        "portal_privacy": SimpleLazyObject(
            lambda: access.cached_for_everyone(
                f"privacy:{request.get_host()}", lambda: _privacy(request)
            )
        ),
        # The button onward at the end of setting up two-step verification.
        "portal_mfa_continue": SimpleLazyObject(lambda: continue_link(request)),
        "portal_home": SimpleLazyObject(lambda: built[0]),
        "portal_menu": SimpleLazyObject(lambda: built[1]),
        "portal_user_municipalities": SimpleLazyObject(lambda: access.municipalities),
        "portal_user_partner_organisations": SimpleLazyObject(lambda: access.partner_organisations),
    }
