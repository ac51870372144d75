"""Odd input in every admin listing's search box and filters answers without a server
error, and a markup payload is never echoed unescaped.

The filter parameter names are read from each listing's own GET forms (plus `q`, `p` and
`ordering`), so a filter added later is covered without editing this file.
"""

import re
from html.parser import HTMLParser

from wagtail.log_actions import log

from portal.provisioning import home_page

XSS = "<script>alert(1)</script>"
ODD_VALUES = [
    '"',
    "'",
    "\\",
    "%",
    "*",
    ")",
    "AND OR NOT",
    "99999999999999999999999999",
    "-1",
    "1e309",
    "NaN",
    "abc",
    XSS,
    ("lorem ipsum " * 84)[:1000],
    "a\x00b",
]
# Values a filter of some type could accept (text, numbers), sent to each filter alone.
VALUES_FOR_EACH_FILTER = ['"', "%", "99999999999999999999999999", "-1", "1e309", "NaN", XSS]
ALWAYS_SENT = {"q", "p", "ordering"}
# Not query parameters of a listing: they would submit or redirect rather than filter.
NOT_PARAMETERS = {"csrfmiddlewaretoken", "next", ""}


def show_every_filter(world):
    """Filters on "who did it" list only users with log entries: give them some."""
    for user in ("superuser", "editor of A"):
        log(world.content["page deep under A"], "wagtail.edit", user=world.users[user])


def listing_urls(world):
    """Every admin listing, report and chooser (their `results/` views are found too)."""
    section = world.content["A's section"]
    urls = [
        f"/admin/pages/{home_page().pk}/",
        f"/admin/pages/{section.pk}/",
        "/admin/pages/search/",
        f"/admin/pages/{world.content['page deep under A'].pk}/history/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/collections/",
        "/admin/sites/",
        "/admin/redirects/",
        "/admin/forms/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/inbjudningar/",
        "/admin/kunskapsbanken/innehallshalsa/",
        "/admin/choose-page/",
        f"/admin/choose-page/{section.pk}/",
        "/admin/choose-page/search/",
        "/admin/documents/chooser/",
        "/admin/images/chooser/",
        "/admin/workflows/task_chooser/",
        # The admin's own API, which the page chooser and the explorer menu read.
        "/admin/api/main/pages/",
        "/admin/api/main/documents/",
        "/admin/api/main/images/",
    ]
    for model in ("portal/municipality", "knowledge/topic", "partners/partnerorganisation"):
        urls += [f"/admin/snippets/{model}/", f"/admin/snippets/choose/{model}/"]
    reports = ("locked", "workflow", "workflow_tasks", "site-history", "aging-pages")
    reports += ("page-types-usage", "partners-to-check")
    return urls + [f"/admin/reports/{report}/" for report in reports]


# Parameters of the admin API that its own clients send (no form lists them).
API_PARAMETERS = {"search", "child_of", "descendant_of", "type", "limit", "order", "offset"}


class GetFormFields(HTMLParser):
    """Names of the fields of every GET form in a page (the search and filter forms)."""

    def __init__(self):
        super().__init__()
        self.names = set()
        self.in_get_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif tag in ("input", "select", "textarea") and self.in_get_form:
            self.names.add(attrs.get("name") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False


def rendered_html(response):
    """The HTML a browser would render: the page, or the fragment a chooser's JSON
    carries. Other JSON (the API's error messages) is data, sent with nosniff."""
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        return response.content.decode()
    if "json" in content_type:
        data = response.json()
        return (data.get("html") or "") if isinstance(data, dict) else ""
    return ""


def parameters_of(client, url):
    """The parameter names the listing's own search and filter forms send."""
    response = client.get(url)
    # The API refuses parameters it does not know (400), so it gets only its own.
    names = set(API_PARAMETERS if url.startswith("/admin/api/") else ALWAYS_SENT)
    parser = GetFormFields()
    parser.feed(rendered_html(response) if response.status_code == 200 else "")
    names |= parser.names
    return sorted(names - NOT_PARAMETERS)


def filter_groups(names):
    """Filter fields grouped by the filter they belong to (a range's `_from`/`_to` or
    `_min`/`_max` are one filter), so each filter can be applied alone."""
    groups = {}
    for name in names:
        if name not in ALWAYS_SENT:
            groups.setdefault(re.sub(r"_(from|to|min|max|after|before)$", "", name), []).append(
                name
            )
    return list(groups.values())


def results_url(client, url):
    """The listing's results-only view (what its filters reload), when it has one."""
    candidate = url + "results/"
    return candidate if client.get(candidate).status_code == 200 else url


def sweep(client, urls, each_filter_alone=True):
    """Each odd value goes (1) into every parameter of the listing at once, which
    validates and renders every field, and (2) the values some filter could accept into
    each filter alone, with the search box, because one invalid filter stops a filter form
    from applying the others. Returns what broke."""
    problems = []
    client.raise_request_exception = False

    def send(url, params):
        response = client.get(url, params)
        if response.status_code >= 500:
            problems.append(f"{response.status_code} {url} {params}")
        elif XSS in params.values() and XSS in rendered_html(response):
            problems.append(f"reflected unescaped: {url} {sorted(params)}")

    for url in urls:
        names = parameters_of(client, url)
        groups = filter_groups(names) if each_filter_alone else []
        results = results_url(client, url) if groups else url
        always = [name for name in names if name in ALWAYS_SENT]
        for value in ODD_VALUES:
            send(url, dict.fromkeys(names, value))
        for value in VALUES_FOR_EACH_FILTER:
            for group in groups:
                send(results, dict.fromkeys([*always, *group], value))
    return problems


def test_parameter_names_come_from_the_listings_filter_forms(client, world):
    show_every_filter(world)
    client.force_login(world.users["superuser"])
    explorer = f"/admin/pages/{home_page().pk}/"
    assert {"content_type", "site", "edited_by", "q"} <= set(parameters_of(client, explorer))
    site_history = set(parameters_of(client, "/admin/reports/site-history/"))
    assert {"user", "object_type", "action", "timestamp_from"} <= site_history
    assert "group" in parameters_of(client, "/admin/users/")
    assert "usage_count_min" in parameters_of(client, "/admin/documents/")


def test_odd_input_in_admin_searches_and_filters_gives_no_server_error(client, world):
    show_every_filter(world)
    client.force_login(world.users["superuser"])
    assert sweep(client, listing_urls(world)) == []


def test_odd_input_from_an_editor_of_a_municipality_gives_no_server_error(client, world):
    # The editor's listings are the same views over fewer objects (and some are refused);
    # every parameter at once covers what differs, in half the time.
    show_every_filter(world)
    client.force_login(world.users["editor of A"])
    assert sweep(client, listing_urls(world), each_filter_alone=False) == []


def test_a_huge_offset_in_the_admin_api_gives_no_server_error(client, world):
    client.force_login(world.users["superuser"])
    client.raise_request_exception = False
    for endpoint in ("pages", "documents", "images"):
        url = f"/admin/api/main/{endpoint}/"
        response = client.get(url, {"offset": "99999999999999999999999999"})
        assert response.status_code == 200
        assert response.json()["items"] == []
        assert response.json()["meta"]["total_count"] >= 0


def test_a_nul_character_in_the_invitation_search_gives_no_server_error(client, world):
    client.force_login(world.users["superuser"])
    client.raise_request_exception = False
    response = client.get("/admin/inbjudningar/", {"q": "a\x00b"})
    assert response.status_code < 500
