"""Review and validity status with fixed dates, the review line, and the publishing rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text

from knowledge import lifecycle
from knowledge.clock import add_months
from knowledge.models import AgreementPage, RoutinePage
from knowledge.reviews import mark_reviewed
from tests.knowledge.conftest import TODAY
from tests.knowledge.factories import add_agreement, add_routine

D = datetime.date


@pytest.mark.parametrize(
    ("next_review", "expected"),
    [
        (None, lifecycle.NOT_REVIEWED),
        (D(2026, 11, 24), lifecycle.OVERDUE),
        (D(2026, 11, 25), lifecycle.DUE_SOON),
        (D(2026, 12, 25), lifecycle.DUE_SOON),
        (D(2026, 12, 26), lifecycle.CURRENT),
    ],
)
def test_review_status_on_fixed_dates(next_review, expected):
    assert lifecycle.review_status(next_review, TODAY) == expected


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "expected"),
    [
        (D(2026, 1, 1), None, lifecycle.IN_FORCE),
        (D(2026, 1, 1), D(2027, 6, 1), lifecycle.IN_FORCE),
        (D(2026, 1, 1), D(2027, 2, 23), lifecycle.EXPIRING),  # exactly 90 days ahead
        (D(2026, 1, 1), D(2027, 2, 24), lifecycle.IN_FORCE),
        (D(2026, 1, 1), D(2026, 11, 25), lifecycle.EXPIRING),  # last day
        (D(2025, 1, 1), D(2026, 11, 24), lifecycle.EXPIRED),
        (D(2027, 1, 1), D(2028, 1, 1), lifecycle.NOT_STARTED),
    ],
)
def test_agreement_status_on_fixed_dates(valid_from, valid_until, expected):
    assert lifecycle.agreement_status(valid_from, valid_until, TODAY) == expected


def test_review_interval_defaults_to_twelve_months_and_clamps_month_ends(db):
    assert RoutinePage().review_interval_months == 12
    assert lifecycle.next_review_date(D(2025, 11, 25), 12) == D(2026, 11, 25)
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert lifecycle.next_review_date(None, 12) is None


def test_routine_page_shows_who_reviewed_and_when_next(client, world, banks, fixed_today):
    editor = world.users["editor of A"]
    editor.first_name, editor.last_name = "Karin", "Ek"
    editor.save()
    routine = add_routine(
        banks["A"], owner=editor, last_reviewed=D(2026, 3, 2), title="Inskrivning"
    )
    client.force_login(world.users["staff of A"])
    html = client.get(routine.url).content.decode()
    assert "Granskad 2026-03-02 av Karin Ek · nästa granskning 2027-03-02" in html
    assert "Granskning försenad" not in html


def test_overdue_routine_warns_the_reader(client, world, banks, fixed_today):
    routine = add_routine(
        banks["A"], owner=world.users["editor of A"], last_reviewed=D(2025, 10, 1), title="Gammal"
    )
    client.force_login(world.users["staff of A"])
    html = client.get(routine.url).content.decode()
    assert "nästa granskning 2026-10-01" in html
    assert "Granskning försenad." in html
    assert 'class="review-line review-overdue"' in html


@pytest.mark.parametrize(
    ("valid_until", "text"),
    [
        (D(2027, 6, 30), "Gäller"),
        (D(2027, 1, 15), "Löper ut inom 90 dagar"),
        (D(2026, 6, 30), "Har upphört att gälla"),
    ],
)
def test_agreement_page_shows_whether_it_is_in_force(
    client, world, banks, fixed_today, valid_until, text
):
    agreement = add_agreement(banks["A"], D(2025, 7, 1), valid_until, title="Avtal med BUP")
    client.force_login(world.users["staff of A"])
    html = client.get(agreement.url).content.decode()
    status = html[html.index('class="agreement-status') :][:400]
    assert f"<strong>{text}</strong>" in status


def test_agreement_ending_before_it_starts_is_refused_with_a_clear_message(db):
    agreement = AgreementPage(
        title="Fel datum", slug="fel", valid_from=D(2026, 5, 1), valid_until=D(2026, 4, 1)
    )
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert error.value.message_dict["valid_until"] == [
        "Överenskommelsen kan inte upphöra (2026-04-01) innan den börjar gälla (2026-05-01)."
    ]


def _admin_post(client, url, data):
    return client.post(url, data)


def _routine_form(index, **overrides):
    data = {
        "title": "Ny rutin",
        "slug": "ny-rutin",
        "summary": "",
        "purpose": rich_text(""),
        "applies_to": "",
        "responsible_role": "",
        "steps-count": "0",
        "body-count": "0",
        "intro": rich_text(""),
        "content_owner": "",
        "last_reviewed": "",
        "review_interval_months": "12",
        "tags": "",
        "local_version_of": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_routine_cannot_be_published_without_owner_and_review_date(client, world, banks):
    client.force_login(world.users["superuser"])
    url = f"/admin/pages/add/knowledge/routinepage/{banks['A'].pk}/"
    response = client.post(url, _routine_form(banks["A"], **{"action-publish": "publish"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "En rutin behöver en ägare innan den kan publiceras." in html
    assert "En rutin behöver ett granskningsdatum innan den kan publiceras." in html
    assert not RoutinePage.objects.filter(slug="ny-rutin").exists()

    # A draft may be saved without them.
    response = client.post(url, _routine_form(banks["A"]))
    assert response.status_code == 302
    draft = RoutinePage.objects.get(slug="ny-rutin")
    assert not draft.live

    # With an owner and a review date it publishes.
    response = client.post(
        url,
        _routine_form(
            banks["A"],
            slug="ny-rutin-2",
            content_owner=str(world.users["editor of A"].pk),
            last_reviewed="2026-11-01",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    published = RoutinePage.objects.get(slug="ny-rutin-2")
    assert published.live and published.next_review == D(2027, 11, 1)


def test_mark_reviewed_records_who_and_when_and_changes_nothing_else(client, world, banks):
    routine = add_routine(banks["A"], owner=world.users["editor of A"], last_reviewed=D(2025, 1, 1))
    revisions_before = routine.revisions.count()
    editor = world.users["editor of A"]
    mark_reviewed(routine, editor, today=TODAY)
    routine.refresh_from_db()
    assert routine.last_reviewed == TODAY
    assert routine.last_reviewed_by == editor
    assert routine.next_review == D(2027, 11, 25)
    assert routine.revisions.count() == revisions_before
    assert routine.title == "Testsida" and routine.summary == "Så här gör vi."
    assert PageLogEntry.objects.filter(
        page=routine, action="knowledge.mark_reviewed", user=editor
    ).exists()
    # Publishing the (unchanged) latest revision later keeps the review.
    routine.get_latest_revision().publish()
    routine.refresh_from_db()
    assert routine.last_reviewed == TODAY


def test_mark_reviewed_in_the_admin_needs_publish_rights(client, world, banks, fixed_today):
    routine = add_routine(banks["A"], owner=world.users["editor of A"], last_reviewed=D(2025, 1, 1))
    url = f"/admin/kunskapsbanken/granskad/{routine.pk}/"
    client.force_login(world.users["editor of A"])
    assert "Markera som granskad" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    routine.refresh_from_db()
    assert routine.last_reviewed == TODAY and routine.last_reviewed_by == world.users["editor of A"]

    # An editor of another municipality may not.
    other = add_routine(banks["B"], last_reviewed=D(2025, 1, 1))
    assert client.post(f"/admin/kunskapsbanken/granskad/{other.pk}/").status_code == 404
    other.refresh_from_db()
    assert other.last_reviewed == D(2025, 1, 1)


def test_moderation_workflow_can_be_required_for_the_shared_knowledge_bank(world, banks):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

    workflow = Workflow.objects.create(name="Granskning av gemensamt innehåll")
    task = GroupApprovalTask.objects.create(name="Samordnare godkänner")
    workflow.workflow_tasks.create(task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=banks["shared"])
    routine = add_routine(banks["shared"], owner=world.users["editor of A"])
    assert routine.get_workflow() == workflow
    assert add_routine(banks["A"]).get_workflow() != workflow


def test_edit_page_offers_mark_reviewed_and_reports_menu_offers_content_health(
    client, world, banks
):
    routine = add_routine(banks["A"], owner=world.users["editor of A"])
    client.force_login(world.users["editor of A"])
    html = client.get(f"/admin/pages/{routine.pk}/edit/").content.decode()
    assert f"/admin/kunskapsbanken/granskad/{routine.pk}/" in html
    assert "/admin/kunskapsbanken/innehallshalsa/" in client.get("/admin/").content.decode()
    # Not on pages that are not knowledge pages.
    html = client.get(f"/admin/pages/{banks['A'].pk}/edit/").content.decode()
    assert "/admin/kunskapsbanken/granskad/" not in html
