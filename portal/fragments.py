"""Rendered parts of pages kept for everyone with the same reach (`{% reach_cache %}` in
portal/templatetags/fragment_tags.py).

A knowledge-bank list or a routine's body is the same HTML for every reader with the same
groups and flags, until content or privacy changes; both replace the portal's cache
version (portal/cache_version.py). So a fragment's key is that version, the reach
(`Access.reach_key`), the language and the host, plus what the template adds (the page,
the filter, the day where the content depends on the date). A person's own state (what
they confirmed, follow, their name, a CSRF token) stays outside the fragments.
"""

import operator
from functools import partial
from urllib.parse import urlencode

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from portal import cache_version
from portal.access import access_for


def cached_html(request, name, parts, render):
    """The fragment `name` for these key parts: from the cache, or `render()` stored.
    Rendered afresh and not stored in a preview (the page there is an unsaved draft), for
    a POST (it may show the form's errors) and when a part is None (the template's way of
    saying "not this one", e.g. a list filtered by free words, whose combinations are
    endless)."""
    if (
        request is None
        or request.method != "GET"
        or getattr(request, "is_preview", False)
        or None in parts
    ):
        return render()
    access = access_for(getattr(request, "user", None))
    # The scheme too: a post's canonical and Open Graph addresses are absolute.
    where = f"{request.scheme}://{request.get_host()}"
    key = f"fragment:{name}:{access.reach_key}:{get_language()}:{where}:{parts}"
    html = cache_version.get(access.version, key)
    if html is None:
        html = render()
        cache_version.put(access.version, key, html)
    return html


def lazily(compute, *names):
    """Context entries `names` of the dict `compute()` returns, worked out on first use:
    when the template finds its fragment cached, the queries behind them never run."""
    values = SimpleLazyObject(compute)
    return {name: SimpleLazyObject(partial(operator.getitem, values, name)) for name in names}


def list_key(request, cleaned, *parts, page_param="sida"):
    """The key part of a filtered, paginated list's fragment: its filters (`cleaned`, None
    when the form is invalid), the page number and `parts`. None, i.e. not cached, for an
    invalid form, a filter by free words (`q`: their combinations are endless) or a page
    number that is not a plain number."""
    number = request.GET.get(page_param) or "1"
    if cleaned is None or cleaned.get("q") or not (number.isdigit() and len(number) <= 6):
        return None
    return f"{parts}:{sorted(cleaned.items())}:{number}"


def filter_query(request, cleaned, page_param="sida"):
    """The query string a list's links carry on: the valid filters only when the form is
    valid (`cleaned`; the list may then be shared as a fragment, so nothing a visitor
    added to the address may end up in everyone's links), else the address as given."""
    if cleaned is None:
        query = request.GET.copy()
        query.pop(page_param, None)
        return query.urlencode()
    return urlencode({name: value for name, value in cleaned.items() if value})
