"""Editors' side of read and acknowledge: asking in the edit form, "Vem har läst" (counts
and names by who may see them), the reminder button."""

import datetime

from django.contrib.auth.models import Permission
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from knowledge import acknowledgements
from knowledge.models import PageChange, RoutinePage
from tests.factories import UserFactory, add_shared_space
from tests.knowledge.factories import add_index, add_routine
from tests.shared import shared

D = datetime.date


@shared
def space(world):
    """A shared space of Kalmar and Södertälje that Kalmar's editors work on, with a routine
    both municipalities' staff must confirm."""
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    space = add_shared_space(
        [kalmar, sodertalje], [world.partner], title="Gemensam yta", slug="gemensam"
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=kalmar.editors_group,
            page=space,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    bank = add_index(space, title="Kunskapsbank", slug="kb")
    routine = add_routine(
        bank,
        title="Gemensam rutin",
        confirm_groups=[kalmar.members_group, sodertalje.members_group],
        confirm_by=D(2026, 12, 1),
        one_by_one=True,
    )
    people = {
        "anna": UserFactory(
            first_name="Anna", last_name="Kalmarsson", groups=[kalmar.members_group]
        ),
        "bo": UserFactory(first_name="Bo", last_name="Kalmarsson", groups=[kalmar.members_group]),
        "cilla": UserFactory(
            first_name="Cilla", last_name="Söder", groups=[sodertalje.members_group]
        ),
        "dan": UserFactory(first_name="Dan", last_name="Söder", groups=[sodertalje.members_group]),
    }
    acknowledgements.confirm(routine, people["anna"])
    acknowledgements.confirm(routine, people["cilla"])
    return {"routine": routine, "bank": bank, "space": space, "people": people}


def _readers_url(page):
    return f"/admin/kunskapsbanken/lasbekraftelser/{page.pk}/"


def test_editor_sees_counts_and_only_own_municipality_names(client, world, space):
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    client.force_login(world.users["editor of A"])
    response = client.get(_readers_url(space["routine"]))
    assert response.status_code == 200
    rows = {row["group"].pk: row for row in response.context["rows"]}
    # Kalmar: Anna, Bo and "staff of A" (the inactive member is not counted).
    assert (rows[kalmar.members_group.pk]["confirmed"], rows[kalmar.members_group.pk]["total"]) == (
        1,
        3,
    )
    assert (
        rows[sodertalje.members_group.pk]["confirmed"],
        rows[sodertalje.members_group.pk]["total"],
    ) == (1, 3)
    html = response.content.decode()
    assert "Bo Kalmarsson" in html and "Anna Kalmarsson" not in html
    # Södertälje's people are counted, never named.
    assert "Dan Söder" not in html and "Cilla Söder" not in html
    assert "staff.b@example.se" not in html
    assert rows[sodertalje.members_group.pk]["names"] == []


def test_portal_admin_sees_every_name(client, world, space):
    client.force_login(world.users["superuser"])
    html = client.get(_readers_url(space["routine"])).content.decode()
    assert "Dan Söder" in html and "Bo Kalmarsson" in html


def test_who_may_open_it(client, world, space, banks):
    routine = space["routine"]
    client.force_login(world.users["staff of A"])  # no admin
    assert client.get(_readers_url(routine)).status_code in (302, 403, 404)
    editor_b = UserFactory(groups=[world.municipality_b.editors_group])
    client.force_login(editor_b)  # reads the space but may not edit the page
    assert client.get(_readers_url(routine)).status_code == 404
    client.force_login(world.users["editor of A"])
    assert client.get("/admin/kunskapsbanken/lasbekraftelser/999999999/").status_code == 404
    # A page asking nobody has no such view.
    plain = add_routine(banks["A"], title="Vanlig rutin")
    assert client.get(_readers_url(plain)).status_code == 404


def test_header_button_on_pages_that_ask(client, world, space):
    client.force_login(world.users["editor of A"])
    html = client.get(f"/admin/pages/{space['routine'].pk}/edit/").content.decode()
    assert _readers_url(space["routine"]) in html
    # The confirm fields and the change note render in the edit form.
    for name in ("confirm_groups", "confirm_by", "change_note", "significant_change"):
        assert f'name="{name}"' in html


def test_readers_view_queries_flat(client, world, space):
    kalmar = world.municipality_a
    client.force_login(world.users["editor of A"])

    def count(n):
        for _ in range(n):
            UserFactory(groups=[kalmar.members_group])
        client.get(_readers_url(space["routine"]))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_readers_url(space["routine"])).status_code == 200
        return len(queries)

    assert count(2) == count(20)


def test_reminder_button_mails_unconfirmed_readers_once_a_day(client, world, space):
    client.force_login(world.users["editor of A"])
    url = _readers_url(space["routine"])
    response = client.post(url)
    assert response.status_code == 302
    recipients = {m.to[0] for m in mail.outbox}
    people = space["people"]
    assert people["bo"].email in recipients and people["dan"].email in recipients
    assert "staff.a@example.se" in recipients and "staff.b@example.se" in recipients
    assert people["anna"].email not in recipients and people["cilla"].email not in recipients
    assert "inactive@example.se" not in recipients
    assert "editor.a@example.se" not in recipients  # not in the groups asked
    sent = len(mail.outbox)
    client.post(url)
    assert len(mail.outbox) == sent  # at most once a day


def _edit(client, routine, owner, **fields):
    data = {
        "title": routine.title,
        "slug": routine.slug,
        "summary": "Ny version.",
        "steps-count": "0",
        "content_owner": owner.pk,
        "last_reviewed": "2026-06-01",
        "review_interval_months": "12",
        "action-publish": "action-publish",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        **fields,
    }
    return client.post(f"/admin/pages/{routine.pk}/edit/", data)


def test_publishing_with_a_significant_change_from_the_edit_form(client, world, space):
    routine, editor = space["routine"], world.users["editor of A"]
    client.force_login(editor)
    response = _edit(
        client,
        routine,
        editor,
        confirm_groups=[world.municipality_a.members_group.pk],
        confirm_by="2026-12-20",
        change_note="Ny kontaktväg till BUP",
        significant_change="on",
    )
    assert response.status_code == 302, response.context["form"].errors
    routine = RoutinePage.objects.get(pk=routine.pk)
    change = PageChange.objects.get(revision_id=routine.live_revision_id)
    assert change.note == "Ny kontaktväg till BUP" and change.significant
    assert routine.confirm_revision_id == routine.live_revision_id
    assert routine.confirm_by == D(2026, 12, 20)
    assert list(routine.confirm_groups.values_list("pk", flat=True)) == [
        world.municipality_a.members_group.pk
    ]
    # A minor edit with a note keeps the version to confirm.
    confirmed = routine.confirm_revision_id
    response = _edit(
        client,
        routine,
        editor,
        confirm_groups=[world.municipality_a.members_group.pk],
        change_note="Stavfel",
    )
    assert response.status_code == 302
    routine = RoutinePage.objects.get(pk=routine.pk)
    assert routine.live_revision_id != confirmed and routine.confirm_revision_id == confirmed
    assert PageChange.objects.get(revision_id=routine.live_revision_id).note == "Stavfel"


def test_change_note_with_an_identity_number_blocks_publishing(client, world, space):
    routine, editor = space["routine"], world.users["editor of A"]
    client.force_login(editor)
    response = _edit(client, routine, editor, change_note="Gäller 19121212-1212")
    assert response.status_code == 200
    assert "change_note" in response.context["form"].errors
    assert not PageChange.objects.exists()


def test_a_group_that_cannot_read_the_page_is_refused(client, world, banks):
    """Even an administrator (offered every group) cannot ask Södertälje's staff to confirm
    a page in the space of Kalmar and Lernia."""
    admin = world.users["superuser"]
    routine = add_routine(banks["space"], title="Ytans rutin", one_by_one=True)
    client.force_login(admin)
    response = _edit(client, routine, admin, confirm_groups=[world.municipality_b.members_group.pk])
    assert response.status_code == 200
    assert "confirm_groups" in response.context["form"].errors
    assert not RoutinePage.objects.get(pk=routine.pk).confirm_groups.exists()
