"""Read and acknowledge on the site: the call on the page, confirming, the start page's
"Att läsa" list, re-confirming after a significant change only, reminders and retention."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge import acknowledgements, changes
from knowledge.models import Acknowledgement, PageChange, RoutinePage
from tests.factories import UserFactory
from tests.knowledge.factories import add_guide, add_routine
from tests.shared import shared

D = datetime.date
CALL = 'id="acknowledge-heading"'
DONE = 'class="acknowledge-done"'


@shared
def asking(world, banks):
    """A Kalmar routine for Kalmar's staff, and a guide in the shared space for its members
    (Kalmar and Lernia), both due 2026-12-01."""
    kalmar = world.municipality_a
    routine = add_routine(
        banks["A"],
        title="Rutin att bekräfta",
        confirm_groups=[kalmar.members_group],
        confirm_by=D(2026, 12, 1),
        one_by_one=True,
    )
    guide = add_guide(
        banks["space"],
        title="Guide i ytan",
        confirm_groups=[world.partner.group, kalmar.members_group],
        confirm_by=D(2026, 12, 1),
        one_by_one=True,
    )
    return {"routine": routine, "guide": guide}


def _post(client, page):
    return client.post(f"/bekrafta/{page.pk}/")


def test_publishing_sets_the_version_to_confirm(asking):
    routine = asking["routine"]
    assert routine.confirm_revision_id == routine.live_revision_id
    assert list(routine.confirm_groups.all()) == [routine.confirm_groups.get()]


def test_reader_sees_the_call_and_confirms(client, world, asking):
    routine, staff = asking["routine"], world.users["staff of A"]
    client.force_login(staff)
    html = client.get(routine.url).content.decode()
    assert CALL in html and 'role="region"' in html
    assert f'action="/bekrafta/{routine.pk}/"' in html
    assert "2026-12-01" in html
    assert "csrfmiddlewaretoken" in html

    response = _post(client, routine)
    assert response.status_code == 302 and response["Location"] == routine.url
    row = Acknowledgement.objects.get(user=staff, page=routine)
    assert row.revision_id == routine.live_revision_id

    html = client.get(routine.url).content.decode()
    assert DONE in html and f'action="/bekrafta/{routine.pk}/"' not in html
    assert timezone.localdate(row.acknowledged_at).isoformat() in html

    # Confirming twice is harmless: still one row.
    assert _post(client, routine).status_code == 302
    assert Acknowledgement.objects.filter(user=staff, page=routine).count() == 1


def test_partner_user_confirms_a_page_in_a_shared_space(client, world, asking):
    guide, partner_user = asking["guide"], world.users["partner user"]
    client.force_login(partner_user)
    assert CALL in client.get(guide.url).content.decode()
    assert _post(client, guide).status_code == 302
    assert Acknowledgement.objects.filter(user=partner_user, page=guide).exists()


def test_someone_outside_the_groups_gets_no_call(client, world, asking):
    routine = asking["routine"]
    editor = world.users["editor of A"]  # may read Kalmar's section, not in the members group
    client.force_login(editor)
    response = client.get(routine.url)
    assert response.status_code == 200 and CALL not in response.content.decode()
    assert _post(client, routine).status_code == 404
    assert not Acknowledgement.objects.exists()


def test_bad_posts(client, world, asking):
    routine = asking["routine"]
    assert _post(client, routine)["Location"].startswith("/konto/login/")
    client.force_login(world.users["staff of B"])  # may not read Kalmar's section
    assert _post(client, routine).status_code == 404
    client.force_login(world.users["staff of A"])
    assert client.get(f"/bekrafta/{routine.pk}/").status_code == 405
    assert client.post("/bekrafta/999999999999999999999/").status_code == 404
    assert client.post("/bekrafta/abc/").status_code == 404
    # A page that is not a knowledge page.
    section = world.content["A's section"]
    assert client.post(f"/bekrafta/{section.pk}/").status_code == 404
    assert not Acknowledgement.objects.exists()


def _publish(page, note="", significant=False):
    page = RoutinePage.objects.get(pk=page.pk)
    page.summary += " Ändrad."
    revision = page.save_revision()
    if note or significant:
        PageChange.objects.create(page=page, revision=revision, note=note, significant=significant)
    revision.publish()
    return revision, RoutinePage.objects.get(pk=page.pk)


def test_reconfirm_after_a_significant_change_only(client, world, asking):
    routine, staff = asking["routine"], world.users["staff of A"]
    first = routine.confirm_revision_id
    acknowledgements.confirm(routine, staff)

    minor, routine = _publish(routine, note="Stavfel rättat")
    assert routine.live_revision_id == minor.pk
    assert routine.confirm_revision_id == first
    assert changes.notes_for([minor.pk, first]) == {minor.pk: "Stavfel rättat"}
    assert not changes.is_significant(minor.pk)
    client.force_login(staff)
    assert DONE in client.get(routine.url).content.decode()

    major, routine = _publish(routine, note="Ny kontaktväg", significant=True)
    assert changes.is_significant(major.pk)
    assert routine.confirm_revision_id == major.pk
    html = client.get(routine.url).content.decode()
    assert CALL in html and DONE not in html
    assert _post(client, routine).status_code == 302
    assert Acknowledgement.objects.filter(user=staff, page=routine).count() == 2


def test_save_revision_records_the_stashed_change_note(asking):
    page = RoutinePage.objects.get(pk=asking["routine"].pk)
    page._change_note, page._significant_change = "Nytt telefonnummer", True
    revision = page.save_revision()
    change = PageChange.objects.get(revision=revision)
    assert (change.note, change.significant, change.page_id) == (
        "Nytt telefonnummer",
        True,
        page.pk,
    )
    # Nothing said: no row.
    assert not PageChange.objects.filter(revision=page.save_revision()).exists()


def _home(client):
    return client.get("/").content.decode()


def test_start_page_lists_what_to_read(client, world, asking, fixed_today):
    staff = world.users["staff of A"]
    client.force_login(staff)
    html = _home(client)
    assert 'id="home-to-read-heading"' in html
    assert "Rutin att bekräfta" in html and "Guide i ytan" in html
    assert "status-overdue" not in html
    acknowledgements.confirm(asking["routine"], staff)
    html = _home(client)
    assert (
        "Rutin att bekräfta"
        not in html.split('id="home-to-read-heading"')[1].split("</section>")[0]
    )
    # Staff of B are asked by neither page (and may read neither).
    client.force_login(world.users["staff of B"])
    assert 'id="home-to-read-heading"' not in _home(client)


def test_start_page_flags_overdue(client, world, asking, monkeypatch):
    monkeypatch.setattr("knowledge.clock.today", lambda: D(2026, 12, 5))
    client.force_login(world.users["staff of A"])
    assert "status-overdue" in _home(client)


def test_start_page_queries_flat_in_pages_to_read(client, world, banks, fixed_today):
    staff = world.users["staff of A"]
    group = world.municipality_a.members_group
    client.force_login(staff)

    def count(n):
        for i in range(n):
            add_routine(banks["A"], title=f"Att läsa {i}", confirm_groups=[group])
        _home(client)  # warm the caches a reader's second visit has
        with CaptureQueriesContext(connection) as queries:
            html = _home(client)
        assert html.count("Att läsa ") >= min(n, 5)
        return len(queries)

    assert count(2) == count(18)


def test_deleting_a_user_deletes_their_confirmations(world, asking):
    staff = world.users["staff of A"]
    acknowledgements.confirm(asking["routine"], staff)
    staff.delete()
    assert not Acknowledgement.objects.exists()


def test_purge_deletes_by_age(world, asking, settings):
    settings.KNOWLEDGE_ACKNOWLEDGEMENT_RETENTION_DAYS = 30
    old = acknowledgements.confirm(asking["routine"], world.users["staff of A"])
    Acknowledgement.objects.filter(pk=old.pk).update(
        acknowledged_at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = acknowledgements.confirm(asking["guide"], world.users["partner user"])
    out = StringIO()
    call_command("purge_acknowledgements", stdout=out)
    assert "Deleted 1 " in out.getvalue()
    assert list(Acknowledgement.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.fixture
def more_staff(world):
    kalmar = world.municipality_a
    return {
        "confirmed": UserFactory(email="klar@example.se", groups=[kalmar.members_group]),
        "pending": UserFactory(email="ej.klar@example.se", groups=[kalmar.members_group]),
    }


def test_automatic_reminder_once_after_the_due_date(world, asking, more_staff):
    routine = asking["routine"]
    acknowledgements.confirm(routine, more_staff["confirmed"])
    out = StringIO()
    call_command("send_acknowledgement_reminders", "--today=2026-12-01", stdout=out)
    assert "Reminded 0 reader(s) of 0 page(s)" in out.getvalue()  # due today: not yet passed

    call_command("send_acknowledgement_reminders", "--today=2026-12-02", stdout=out)
    about_routine = [m for m in mail.outbox if "Rutin att bekräfta" in m.subject]
    to_routine = {m.to[0] for m in about_routine}
    # Members of Kalmar who may read and have not confirmed; not the inactive member, not
    # the one who confirmed, not staff of other municipalities.
    assert to_routine == {"staff.a@example.se", "ej.klar@example.se"}
    assert all(routine.full_url in m.body for m in about_routine)

    sent = len(mail.outbox)
    call_command("send_acknowledgement_reminders", "--today=2026-12-03", stdout=out)
    assert len(mail.outbox) == sent


def _republish(page, significant=False, publish=True):
    page = RoutinePage.objects.get(pk=page.pk)
    page.summary = f"{page.summary} ändrad"
    revision = page.save_revision()
    if significant:
        PageChange.objects.create(page_id=page.pk, revision=revision, significant=True)
    if publish:
        revision.publish()
    return RoutinePage.objects.get(pk=page.pk), revision


def test_wagtails_purge_revisions_keeps_the_confirmed_version_and_its_confirmations(
    client, world, asking
):
    routine, staff = asking["routine"], world.users["staff of A"]
    client.force_login(staff)
    _post(client, routine)
    for _minor in range(2):
        routine, _revision = _republish(routine)
    call_command("purge_revisions", stdout=StringIO())
    routine = RoutinePage.objects.get(pk=routine.pk)
    assert Acknowledgement.objects.filter(user=staff, page=routine).count() == 1
    assert routine.confirm_revision_id is not None
    assert DONE in client.get(routine.url).content.decode()


def test_a_page_with_confirmations_can_still_be_deleted(client, world, asking):
    routine = asking["routine"]
    client.force_login(world.users["staff of A"])
    _post(client, routine)
    RoutinePage.objects.get(pk=routine.pk).delete()
    assert not Acknowledgement.objects.filter(page_id=routine.pk).exists()


def test_a_significant_change_ticked_on_a_draft_counts_when_it_is_published(asking):
    routine = asking["routine"]
    before = routine.confirm_revision_id
    routine, _draft = _republish(routine, significant=True, publish=False)
    routine, published = _republish(routine)  # published later, the box not ticked again
    assert routine.confirm_revision_id == published.pk != before


def test_a_copy_asks_for_confirmations_of_its_own(asking):
    routine = RoutinePage.objects.get(pk=asking["routine"].pk)
    copy = routine.copy(update_attrs={"slug": "kopia", "title": "Kopia"}, keep_live=False)
    copy = RoutinePage.objects.get(pk=copy.pk)
    assert copy.confirm_revision_id is None
    copy.save_revision().publish()
    copy = RoutinePage.objects.get(pk=copy.pk)
    assert copy.confirm_revision.object_id == str(copy.pk)
