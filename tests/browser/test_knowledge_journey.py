"""Main journey in a real browser: a staff member filters the knowledge bank by topic,
opens a routine, reads who reviewed it and downloads its attachment."""

import datetime

import pytest
from wagtail.models import Collection

from knowledge.files import make_pdf
from tests.factories import PASSWORD, add_document
from tests.knowledge.factories import add_index, add_routine, topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_member_finds_a_routine_by_topic_and_downloads_its_attachment(
    page,
    live_server,
    world,
):
    bank = add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb")
    pdf = add_document(
        Collection.get_first_root_node(),
        "Blankett.pdf",
        make_pdf("Blankett", ["Ifylls vid inskrivning."]),
    )
    editor = world.users["editor of A"]
    editor.first_name, editor.last_name = "Karin", "Ek"
    editor.save()
    add_routine(
        bank,
        owner=editor,
        title="Läkarbesök",
        topics=[topic("Hälsa")],
        last_reviewed=datetime.date.today(),
    )
    add_routine(
        bank,
        owner=editor,
        title="Skolstart",
        topics=[topic("Skola")],
        last_reviewed=datetime.date.today(),
        attachments=[pdf],
    )

    page.goto(f"{live_server.url}{bank.url}")
    page.get_by_label("E-post").fill("staff.a@example.se")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Kalmars kunskapsbank"

    page.get_by_label("Ämne", exact=True).select_option("skola")
    page.get_by_role("button", name="Filtrera").click()
    results = page.locator(".kb-list").last
    assert results.get_by_role("link").all_inner_texts() == ["Skolstart"]

    results.get_by_role("link", name="Skolstart").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Skolstart"
    today = datetime.date.today().isoformat()
    assert f"Granskad {today} av Karin Ek" in page.locator(".review-line").inner_text()
    href = page.get_by_role("link", name="Blankett.pdf").get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200 and response.body().startswith(b"%PDF")
