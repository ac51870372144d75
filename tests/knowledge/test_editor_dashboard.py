"""The editor's dashboard in the Wagtail admin, and "Mark as reviewed" where editors work:
the dashboard, the page's edit view and the editor bar on the site."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry

from knowledge.models import RoutinePage
from search.models import ZeroResultSearch
from tests.knowledge.conftest import TODAY
from tests.knowledge.factories import add_agreement, add_routine
from tests.shared import shared

D = datetime.date
MARK = "Markera som granskad"


@shared
def dashboard_pages(world, banks):
    editor = world.users["editor of A"]
    pages = {
        "overdue, mine": add_routine(
            banks["A"], owner=editor, title="Försenad rutin", last_reviewed=D(2025, 10, 1)
        ),
        "due soon, section": add_routine(
            banks["A"], title="Snart dags i Kalmar", last_reviewed=D(2025, 12, 10)
        ),
        "fresh": add_routine(
            banks["A"], owner=editor, title="Nyss granskad", last_reviewed=D(2026, 10, 1)
        ),
        # Owned by the editor but in the shared bank, which only portal admins edit.
        "shared, mine": add_routine(
            banks["shared"], owner=editor, title="Gemensam försenad", last_reviewed=D(2024, 1, 1)
        ),
        "other section": add_routine(
            banks["B"], title="Södertäljes försenade", last_reviewed=D(2024, 1, 1)
        ),
        "expiring": add_agreement(
            banks["A"], D(2025, 1, 1), D(2026, 12, 20), title="Avtal som snart löper ut"
        ),
        "expiring elsewhere": add_agreement(
            banks["B"], D(2025, 1, 1), D(2026, 12, 20), title="Södertäljes avtal löper ut"
        ),
        "lasting": add_agreement(banks["A"], D(2025, 1, 1), D(2028, 1, 1), title="Långt avtal"),
    }
    ZeroResultSearch.objects.create(week=D(2026, 11, 23), query="skolskjuts", count=7)
    ZeroResultSearch.objects.create(week=D(2026, 1, 5), query="gammal sökning", count=50)
    # Searched once: it may be a person's name, so the dashboard leaves it out.
    ZeroResultSearch.objects.create(week=D(2026, 11, 23), query="ahmed hassan", count=1)
    return pages


def _panel(html, panel_id):
    """The markup of one dashboard panel (Wagtail's {% panel %} wraps it in a section)."""
    match = re.search(rf'<section[^>]*id="{panel_id}-section".*?</section>', html, re.S)
    return match.group(0) if match else ""


def _dashboard(client, user, query=""):
    client.force_login(user)
    response = client.get(f"/admin/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_review_panel_lists_the_editors_due_pages_and_nothing_outside_their_reach(
    client, world, dashboard_pages, fixed_today
):
    html = _dashboard(client, world.users["editor of A"])
    panel = _panel(html, "kb-review-due")
    assert "Försenad rutin" in panel and "Snart dags i Kalmar" in panel
    assert "Nyss granskad" not in panel
    # Owned, but not the editor's to edit; and another municipality's.
    assert "Gemensam försenad" not in html
    assert "Södertäljes" not in html
    # Agreements never reviewed are due too.
    assert "Långt avtal" in panel and "Aldrig granskad" in panel
    assert panel.count(MARK) == 4
    assert "Granskning försenad" in panel and "Snart dags för granskning" in panel


def test_agreements_panel_shows_the_sections_agreements_that_end_soon(
    client, world, dashboard_pages, fixed_today
):
    panel = _panel(_dashboard(client, world.users["editor of A"]), "kb-agreements-expiring")
    assert "Avtal som snart löper ut" in panel and "2026-12-20" in panel
    assert "Långt avtal" not in panel and "Södertäljes avtal" not in panel


def test_drafts_panel_shows_the_editors_unpublished_changes(
    client, world, dashboard_pages, fixed_today
):
    editor = world.users["editor of A"]
    routine = RoutinePage.objects.get(pk=dashboard_pages["fresh"].pk)
    routine.title = "Nyss granskad, ny version"
    routine.save_revision(user=editor)
    other = RoutinePage.objects.get(pk=dashboard_pages["other section"].pk)
    other.title = "Södertäljes utkast"
    other.save_revision(user=world.users["superuser"])
    panel = _panel(_dashboard(client, editor), "kb-drafts")
    assert "Nyss granskad, ny version" in panel
    assert "Publicerad, med opublicerade ändringar" in panel
    assert "Södertäljes utkast" not in panel


def test_recent_changes_panel_names_only_pages_in_the_editors_sections(
    client, world, dashboard_pages, fixed_today
):
    PageLogEntry.objects.log_action(
        dashboard_pages["due soon, section"], "wagtail.edit", user=world.users["superuser"]
    )
    PageLogEntry.objects.log_action(
        dashboard_pages["other section"], "wagtail.edit", user=world.users["superuser"]
    )
    # A refused visit is an audit entry, not a change: it names another person.
    PageLogEntry.objects.log_action(
        dashboard_pages["due soon, section"],
        "portal.access_refused",
        user=world.users["staff of B"],
    )
    panel = _panel(_dashboard(client, world.users["editor of A"]), "kb-recent-changes")
    assert "Snart dags i Kalmar" in panel
    assert "Södertäljes" not in panel
    assert world.users["staff of B"].get_full_name() not in panel


def test_searches_without_results_panel_shows_the_last_weeks_for_editors(
    client, world, dashboard_pages, fixed_today
):
    panel = _panel(_dashboard(client, world.users["editor of A"]), "searches-without-results")
    assert "skolskjuts" in panel and "7" in panel
    assert "gammal sökning" not in panel
    assert "ahmed hassan" not in panel
    assert "/admin/reports/searches-without-results/" in panel


def test_a_portal_admin_sees_their_own_due_pages_not_every_section(
    client, world, dashboard_pages, fixed_today
):
    admin = world.users["superuser"]
    RoutinePage.objects.filter(pk=dashboard_pages["other section"].pk).update(content_owner=admin)
    panel = _panel(_dashboard(client, admin), "kb-review-due")
    assert "Södertäljes försenade" in panel
    assert "Försenad rutin" not in panel


def test_staff_have_no_dashboard_and_cannot_mark_reviewed(
    client, world, dashboard_pages, fixed_today
):
    routine = dashboard_pages["overdue, mine"]
    client.force_login(world.users["staff of A"])
    assert client.get("/admin/").status_code in (302, 403)
    response = client.post(f"/admin/kunskapsbanken/granskad/{routine.pk}/")
    assert response.status_code in (302, 403, 404)
    routine.refresh_from_db()
    assert routine.last_reviewed == D(2025, 10, 1)
    # Nor on the site: no editor bar, so no button.
    html = client.get(routine.url).content.decode()
    assert MARK not in html


def test_mark_reviewed_from_the_dashboard_goes_back_there_with_a_message(
    client, world, dashboard_pages, fixed_today
):
    editor = world.users["editor of A"]
    routine = dashboard_pages["overdue, mine"]
    client.force_login(editor)
    response = client.post(
        f"/admin/kunskapsbanken/granskad/{routine.pk}/", {"return_to": "dashboard"}
    )
    assert response.status_code == 302 and response.url == "/admin/"
    routine.refresh_from_db()
    assert routine.last_reviewed == TODAY and routine.last_reviewed_by == editor
    assert routine.next_review == D(2027, 11, 25)
    html = client.get("/admin/").content.decode()
    assert "”Försenad rutin” är markerad som granskad i dag. Nästa granskning: 2027-11-25." in html
    assert "Försenad rutin" not in _panel(html, "kb-review-due")


def test_mark_reviewed_is_one_click_in_the_edit_view_and_keeps_a_draft(
    client, world, dashboard_pages, fixed_today
):
    editor = world.users["editor of A"]
    routine = RoutinePage.objects.get(pk=dashboard_pages["due soon, section"].pk)
    routine.summary = "Ändrad men inte publicerad."
    routine.save_revision(user=editor)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{routine.pk}/edit/").content.decode()
    action = f'formaction="/admin/kunskapsbanken/granskad/{routine.pk}/"'
    assert action in html and MARK in html
    # The button posts the edit form (with its fields) to the review view.
    response = client.post(
        f"/admin/kunskapsbanken/granskad/{routine.pk}/",
        {"return_to": "edit", "title": "Ignoreras", "summary": "Ignoreras"},
    )
    assert response.url == f"/admin/pages/{routine.pk}/edit/"
    html = client.get(response.url).content.decode()
    assert "Dina opublicerade ändringar finns kvar som utkast" in html
    routine.refresh_from_db()
    assert routine.last_reviewed == TODAY
    assert routine.title == "Snart dags i Kalmar" and routine.summary == "Så här gör vi."
    draft = routine.get_latest_revision_as_object()
    assert draft.summary == "Ändrad men inte publicerad." and draft.last_reviewed == TODAY
    assert routine.has_unpublished_changes


def test_mark_reviewed_from_the_editor_bar_on_the_site(client, world, dashboard_pages, fixed_today):
    editor = world.users["editor of A"]
    routine = dashboard_pages["due soon, section"]
    client.force_login(editor)
    html = client.get(routine.url).content.decode()
    assert f'action="/admin/kunskapsbanken/granskad/{routine.pk}/"' in html and MARK in html
    response = client.post(f"/admin/kunskapsbanken/granskad/{routine.pk}/", {"return_to": "page"})
    assert response.status_code == 302 and response.url == routine.url
    html = client.get(response.url).content.decode()
    assert "är markerad som granskad i dag" in html
    routine.refresh_from_db()
    assert routine.last_reviewed == TODAY and routine.last_reviewed_by == editor
    # Not on pages that are not knowledge pages, nor on pages the editor may not edit.
    assert MARK not in client.get(world.content["page deep under A"].url).content.decode()
    assert MARK not in client.get(dashboard_pages["shared, mine"].url).content.decode()


def test_an_editor_cannot_mark_a_page_outside_their_sections(
    client, world, dashboard_pages, fixed_today
):
    client.force_login(world.users["editor of A"])
    for key in ("other section", "shared, mine"):
        page = dashboard_pages[key]
        response = client.post(f"/admin/kunskapsbanken/granskad/{page.pk}/")
        assert response.status_code == 404
        page.refresh_from_db()
        assert page.last_reviewed != TODAY


def test_dashboard_panels_page_through_rows_and_take_bad_page_numbers(
    client, world, banks, fixed_today
):
    for number in range(12):
        add_routine(banks["A"], title=f"Rutin {number:02d}", last_reviewed=D(2025, 1, number + 1))
    editor = world.users["editor of A"]
    first = _panel(_dashboard(client, editor), "kb-review-due")
    assert "Rutin 00" in first and "Rutin 10" not in first
    assert "Sida 1 av 2 (12 totalt)" in first
    second = _panel(_dashboard(client, editor, "?granskas=2"), "kb-review-due")
    assert "Rutin 10" in second and "Rutin 00" not in second
    for bad in ("x", "999", "-1"):
        assert _dashboard(client, editor, f"?granskas={bad}")


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_dashboard_query_count_does_not_grow_with_the_number_of_pages(
    client, world, banks, fixed_today
):
    editor = world.users["editor of A"]
    client.force_login(editor)

    def add_batch(start):
        for number in range(start, start + 4):
            routine = add_routine(
                banks["A"], owner=editor, title=f"R{number}", last_reviewed=D(2025, 1, 1)
            )
            routine.save_revision(user=editor)
            add_agreement(banks["A"], D(2025, 1, 1), D(2026, 12, 1), title=f"A{number}")
            PageLogEntry.objects.log_action(routine, "wagtail.edit", user=editor)

    # Each count after a first request has filled the caches that publishing empties
    # (content types, the access module's answers).
    add_batch(0)
    _dashboard_queries(client)
    few = _dashboard_queries(client)
    add_batch(10)
    _dashboard_queries(client)
    assert _dashboard_queries(client) == few


def test_a_page_locked_by_someone_else_offers_no_mark_reviewed(
    client, world, dashboard_pages, fixed_today
):
    routine = dashboard_pages["due soon, section"]
    routine.locked, routine.locked_by = True, world.users["superuser"]
    routine.save(update_fields=["locked", "locked_by"])
    client.force_login(world.users["editor of A"])
    assert MARK not in client.get(routine.url).content.decode()
    response = client.post(f"/admin/kunskapsbanken/granskad/{routine.pk}/")
    assert response.status_code == 404
    routine.refresh_from_db()
    assert routine.last_reviewed != TODAY
