"""Reports → Site history (its listing, its results, its filters and its CSV/XLSX exports) and
the dashboard's recent edits show a user only the log entries of objects they may reach in the
admin (portal/admin_history.py): snippets in their viewset's queryset, pages in the subtrees
they hold permissions on. Portal administrators and superusers see everything Wagtail shows.

A log entry's label is the object's name when it was logged, so an entry of a testimonial is
its quote, and an entry of a draft revision is the unpublished text."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.log_actions import log

from portal.provisioning import home_page
from tests.factories import UserFactory, add_page
from tests.news.test_testimonials import _grant_testimonial_rights, make

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"
RESULTS = "/admin/reports/site-history/results/"

A_QUOTE = "Kalmars röst om skolan."
B_QUOTE = "Södertäljes röst som Kalmar inte ska läsa."
PUBLIC_QUOTE = "En publicerad röst utan kommun."
PUBLIC_DRAFT = "Ett opublicerat utkast utan kommun."
A_PAGE = "Kalmars rutin för boendet"
B_PAGE = "Södertäljes rutin för boendet"
OUTSIDE_PAGE = "Portalens arkiv utanför sektionerna"
HOME_LABEL = "Startsidans opublicerade rubrik"
EDITOR_B_NAME = "Bea Södertäljeredaktör"

EDITOR_A_SEES = (A_QUOTE, A_PAGE)
HIDDEN_FROM_EDITOR_A = (B_QUOTE, PUBLIC_QUOTE, PUBLIC_DRAFT, B_PAGE, OUTSIDE_PAGE, HOME_LABEL)


@pytest.fixture
def history(world):
    _grant_testimonial_rights(world.municipality_a.editors_group)
    editor_a, admin = world.users["editor of A"], world.users["superuser"]
    editor_b = UserFactory(
        email="editor.b@example.se",
        first_name="Bea",
        last_name="Södertäljeredaktör",
        groups=[world.municipality_b.editors_group],
    )
    own = make(quote=A_QUOTE, municipality=world.municipality_a, publish=False, consent=False)
    log(instance=own, action="wagtail.create", user=editor_a)
    other = make(quote=B_QUOTE, municipality=world.municipality_b, publish=False, consent=False)
    log(instance=other, action="wagtail.create", user=editor_b)
    # Published for everybody (the publishing is logged with its quote), with a draft only
    # portal administrators may read: its revision's entry is labelled with the draft.
    public = make(quote=PUBLIC_QUOTE)
    public.quote = PUBLIC_DRAFT
    public.save_revision(user=admin, log_action=True)

    page_a = add_page(world.content["A's section"], title=A_PAGE)
    page_b = add_page(world.content["B's section"], title=B_PAGE)
    outside = add_page(None, title=OUTSIDE_PAGE)
    log(instance=page_a, action="wagtail.edit", user=editor_a)
    log(instance=page_b, action="wagtail.edit", user=editor_b)
    log(instance=outside, action="wagtail.edit", user=admin)
    log(instance=home_page(), action="wagtail.edit", user=admin, title=HOME_LABEL)
    return {"own": own, "other": other, "public": public, "page A": page_a, "page B": page_b}


def _body(response):
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def _xlsx_text(client):
    from openpyxl import load_workbook

    response = client.get(SITE_HISTORY, {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)


def _assert_shows(text, shown, hidden, where):
    for label in shown:
        assert label in text, (where, label)
    for label in hidden:
        assert label not in text, (where, label)


def test_an_editor_sees_their_own_objects_entries_only_in_every_form_of_the_report(
    client, world, history
):
    client.force_login(world.users["editor of A"])
    for where, text in {
        "listing": _body(client.get(SITE_HISTORY)),
        "results": _body(client.get(RESULTS)),
        "csv": _body(client.get(SITE_HISTORY, {"export": "csv"})),
        "xlsx": _xlsx_text(client),
    }.items():
        _assert_shows(text, EDITOR_A_SEES, HIDDEN_FROM_EDITOR_A, where)


def test_filters_and_searches_of_the_report_do_not_reach_other_objects(client, world, history):
    client.force_login(world.users["editor of A"])
    html = _body(client.get(SITE_HISTORY))
    # The user filter names only users of entries the editor may read.
    assert EDITOR_B_NAME not in html
    for query in (
        {"label": "röst"},
        {"label": "Södertälje"},
        {"action": "wagtail.create"},
        {"action": "wagtail.edit"},
        {"user": world.users["superuser"].pk},
    ):
        for url in (SITE_HISTORY, RESULTS):
            text = _body(client.get(url, query))
            _assert_shows(text, (), HIDDEN_FROM_EDITOR_A, (url, query))
        text = _body(client.get(SITE_HISTORY, {**query, "export": "csv"}))
        _assert_shows(text, (), HIDDEN_FROM_EDITOR_A, ("csv", query))
    assert A_QUOTE in _body(client.get(RESULTS, {"label": "Kalmar"}))


def test_a_superuser_sees_every_entry(client, world, history):
    client.force_login(world.users["superuser"])
    everything = EDITOR_A_SEES + HIDDEN_FROM_EDITOR_A
    for where, text in {
        "listing": _body(client.get(SITE_HISTORY)),
        "results": _body(client.get(RESULTS)),
        "csv": _body(client.get(SITE_HISTORY, {"export": "csv"})),
    }.items():
        _assert_shows(text, everything, (), where)
    assert EDITOR_B_NAME in _body(client.get(SITE_HISTORY))


def test_a_portal_administrator_sees_every_entry_wagtail_shows(client, world, history):
    """The portal narrows nothing for its administrators; Wagtail still wants a permission on
    a model before showing its entries (here the testimonial rights of A's editors)."""
    from portal.provisioning import provision_portal_administrators

    coordinator = UserFactory(
        groups=[provision_portal_administrators(), world.municipality_a.editors_group]
    )
    client.force_login(coordinator)
    for where, text in {
        "results": _body(client.get(RESULTS)),
        "csv": _body(client.get(SITE_HISTORY, {"export": "csv"})),
    }.items():
        _assert_shows(text, EDITOR_A_SEES + HIDDEN_FROM_EDITOR_A, (), where)


def test_pages_only_in_the_subtrees_the_user_holds_permissions_on(client, world, history):
    """Wagtail shows the entries of every page a user may explore, which includes the pages
    above their subtrees up to the first common one: an editor of two municipalities would
    read the home page's entries. The portal keeps them to the subtrees themselves."""
    both = UserFactory(
        groups=[world.municipality_a.editors_group, world.municipality_b.editors_group]
    )
    client.force_login(both)
    text = _body(client.get(RESULTS))
    _assert_shows(text, (A_PAGE, B_PAGE, A_QUOTE, B_QUOTE), (OUTSIDE_PAGE, HOME_LABEL), "results")


def test_documents_only_in_the_collections_the_user_may_see(client, world, history):
    """Wagtail shows a document's entries to anyone holding a model-wide document right; the
    portal keeps them to documents in collections the user may see."""
    from django.contrib.auth.models import Group, Permission

    from tests.factories import add_document

    documents_b = add_document(world.municipality_b.collection, "Sodertalje-intern-rutin.pdf")
    for document in (world.content["A's document"], documents_b):
        log(instance=document, action="wagtail.edit", user=world.users["superuser"])
    model_wide = Group.objects.create(name="Dokument i hela portalen")
    model_wide.permissions.add(
        Permission.objects.get(content_type__app_label="wagtaildocs", codename="change_document")
    )
    user = UserFactory(groups=[world.municipality_a.editors_group, model_wide])
    client.force_login(user)
    for where, text in {
        "results": _body(client.get(RESULTS)),
        "csv": _body(client.get(SITE_HISTORY, {"export": "csv"})),
    }.items():
        _assert_shows(text, ("Kalmar-rutin.pdf",), ("Sodertalje-intern-rutin.pdf",), where)


def test_plain_members_have_no_site_history_at_all(client, world, history):
    client.force_login(world.users["staff of A"])
    response = client.get(SITE_HISTORY)
    # No admin for plain members at all.
    assert response.status_code == 302


def test_the_dashboard_lists_recent_edits_of_reachable_pages_only(client, world, history):
    editor_a = world.users["editor of A"]
    # An edit made while the editor still worked on B's section (or by a mistaken grant).
    log(instance=history["page B"], action="wagtail.edit", user=editor_a)
    client.force_login(editor_a)
    html = _body(client.get("/admin/"))
    assert A_PAGE in html
    assert B_PAGE not in html
    for label in HIDDEN_FROM_EDITOR_A:
        assert label not in html, label


def test_the_report_costs_no_query_per_row(client, world, history):
    client.force_login(world.users["editor of A"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            _body(client.get(RESULTS))
        return len(captured)

    queries()  # the first request fills the caches
    before = queries()
    for _n in range(6):
        log(instance=history["own"], action="wagtail.edit", user=world.users["editor of A"])
        log(instance=history["other"], action="wagtail.edit", user=world.users["superuser"])
        log(instance=history["page A"], action="wagtail.edit", user=world.users["superuser"])
    assert queries() == before
