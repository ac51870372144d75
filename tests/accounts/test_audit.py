"""Security events land in Wagtail's audit log, which admins filter under Reports → Site history."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from portal.accounts import invitations
from portal.models import Invitation
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_and_failed_login_are_logged(client, world):
    user = world.users["staff of A"]
    client.post("/konto/login/", {"login": user.email, "password": "fel-losenord-1"})
    client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    actions = list(
        ModelLogEntry.objects.for_instance(user)
        .exclude(action="portal.groups_changed")
        .order_by("timestamp")
        .values_list("action", flat=True)
    )
    assert actions == ["portal.login_failed", "portal.login"]
    assert ModelLogEntry.objects.get(action="portal.login").data["ip"] == "127.0.0.1"


def test_failed_login_for_unknown_address_changes_nothing_and_does_not_fail(client, world):
    from django.contrib.auth import get_user_model

    response = client.post("/konto/login/", {"login": "okand@example.se", "password": "x" * 12})
    assert response.status_code == 200
    # Logged on the site (tests/test_small_access_fixes.py), no account created.
    assert not get_user_model().objects.filter(email="okand@example.se").exists()


def test_invitation_lifecycle_is_logged_with_who_did_it(client, world, rf):
    admin = world.users["superuser"]
    client.force_login(admin)
    client.post(
        "/admin/inbjudningar/ny/", {"email": "ny@lernia.se", "group": world.partner.group.pk}
    )
    invitation = Invitation.objects.get()
    client.post(f"/admin/inbjudningar/{invitation.pk}/skicka-igen/")
    client.post(f"/admin/inbjudningar/{invitation.pk}/aterkalla/")
    entries = ModelLogEntry.objects.for_instance(invitation).order_by("timestamp")
    assert [e.action for e in entries] == [
        "portal.invitation.sent",
        "portal.invitation.resent",
        "portal.invitation.revoked",
    ]
    assert all(e.user_id == admin.pk for e in entries)

    second = Invitation.objects.create(email="b@example.se", group=world.partner.group)
    client.logout()
    pw = "Vintergatan-Kalmar-2026"
    client.post(
        f"/konto/inbjudan/{invitations.make_token(second)}/",
        {"first_name": "B", "last_name": "C", "password1": pw, "password2": pw},
    )
    accepted = ModelLogEntry.objects.get(action="portal.invitation.accepted")
    assert accepted.data["email"] == "b@example.se"


def test_group_changes_are_logged_with_the_admin_who_made_them(client, world):
    admin = world.users["superuser"]
    user = world.users["partner user"]
    client.force_login(admin)
    before = ModelLogEntry.objects.order_by("pk").last().pk
    response = client.post(
        reverse("wagtailusers_users:edit", args=[user.pk]),
        {
            "username": user.username,
            "email": user.email,
            "first_name": "Pia",
            "last_name": "Partner",
            "is_active": "on",
            "groups": [world.municipality_a.members_group.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    entries = ModelLogEntry.objects.for_instance(user).filter(
        action="portal.groups_changed", pk__gt=before
    )
    changes = {(e.data["change"], e.data["group"]) for e in entries}
    assert ("added", world.municipality_a.members_group.name) in changes
    assert ("removed", world.partner.group.name) in changes
    assert [e.user_id for e in entries] == [admin.pk] * len(entries)


def test_refused_access_is_logged(client, world):
    client.force_login(world.users["partner user"])
    section = world.content["A's section"]
    assert client.get(section.url).status_code == 404
    entry = PageLogEntry.objects.get(action="portal.access_refused")
    assert entry.page_id == section.pk
    assert entry.user_id == world.users["partner user"].pk
    document = world.content["A's document"]
    assert client.get(document.url).status_code == 404
    assert ModelLogEntry.objects.for_instance(document).filter(action="portal.access_refused")


def test_admin_can_filter_the_site_history_by_these_actions(client, world):
    client.force_login(world.users["partner user"])
    client.get(world.content["A's section"].url)
    client.force_login(world.users["superuser"])
    response = client.get("/admin/reports/site-history/?action=portal.access_refused")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Åtkomst till begränsat innehåll nekad" in body
    assert "Åtkomst nekad" in body  # the filter's label
