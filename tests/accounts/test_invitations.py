"""Invitations: from the Wagtail admin, single use, expiring, every bad token changes nothing."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.accounts import invitations
from portal.models import Invitation
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Vintergatan-Kalmar-2026"


def _invite(client, inviter, email, group):
    client.force_login(inviter)
    return client.post("/admin/inbjudningar/ny/", {"email": email, "group": group.pk}, follow=True)


def _link():
    return re.search(r"https?://\S+/konto/inbjudan/\S+/", mail.outbox[-1].body).group(0)


def _path(url):
    return "/" + url.split("/", 3)[3]


def test_superuser_invites_a_partner_user_who_creates_an_account(client, world):
    response = _invite(client, world.users["superuser"], "ny@lernia.se", world.partner.group)
    assert "En inbjudan har skickats till ny@lernia.se." in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ny@lernia.se"]
    assert "Lernia" in mail.outbox[0].body
    client.logout()

    accept = _path(_link())
    page = client.get(accept)
    assert page.status_code == 200
    assert "ny@lernia.se" in page.content.decode()
    response = client.post(
        accept,
        {
            "first_name": "Nora",
            "last_name": "Nyström",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="ny@lernia.se")
    assert user.get_full_name() == "Nora Nyström"
    assert user.check_password(NEW_PASSWORD)
    assert list(user.groups.all()) == [world.partner.group]
    assert user.emailaddress_set.get().verified
    # Logged in straight away and can see the shared space.
    assert client.get(world.content["shared space A + partner"].url).status_code == 200
    # The link is single use.
    client.logout()
    again = client.get(accept)
    assert again.status_code == 410
    assert "redan använts" in again.content.decode()


def test_weak_password_is_refused_with_a_message_and_no_account(client, world):
    _invite(client, world.users["superuser"], "svag@lernia.se", world.partner.group)
    client.logout()
    response = client.post(
        _path(_link()),
        {"first_name": "A", "last_name": "B", "password1": "12345", "password2": "12345"},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not get_user_model().objects.filter(email="svag@lernia.se").exists()
    assert Invitation.objects.get().is_pending


def test_existing_account_must_log_in_as_that_address_to_get_the_group(client, world):
    staff_b = world.users["staff of B"]
    _invite(client, world.users["superuser"], staff_b.email, world.partner.group)
    client.logout()
    accept = _path(_link())

    anonymous = client.get(accept)
    assert "Logga in" in anonymous.content.decode()
    assert not staff_b.groups.filter(pk=world.partner.group.pk).exists()
    # The invitee already has an account: the login page does not tell them to ask for one.
    login_url = re.search(r'href="(/konto/login/\?[^"]+)"', anonymous.content.decode()).group(1)
    login_page = client.get(login_url.replace("&amp;", "&")).content.decode()
    assert "Sidan kräver inloggning" not in login_page
    assert f'value="{accept}"' in login_page

    client.force_login(world.users["staff of A"])
    wrong = client.post(accept)
    assert wrong.status_code == 403
    assert not staff_b.groups.filter(pk=world.partner.group.pk).exists()

    client.force_login(staff_b)
    assert client.post(accept).status_code == 302
    assert staff_b.groups.filter(pk=world.partner.group.pk).exists()
    assert staff_b.groups.filter(pk=world.municipality_b.members_group.pk).exists()


def test_editor_invites_only_into_own_municipality(client, world):
    editor = world.users["editor of A"]
    targets = [t.group for t in invitations.invitation_targets(editor)]
    assert targets == [world.municipality_a.members_group]

    response = _invite(client, editor, "x@example.se", world.municipality_b.members_group)
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    response = _invite(client, editor, "x@example.se", world.partner.group)
    assert not Invitation.objects.exists()
    response = _invite(client, editor, "ny.kollega@kalmar.se", world.municipality_a.members_group)
    assert Invitation.objects.get().group == world.municipality_a.members_group


def test_plain_members_and_partners_cannot_reach_invitations(client, world):
    for name in ("staff of A", "partner user"):
        client.force_login(world.users[name])
        response = client.get("/admin/inbjudningar/")
        assert response.status_code in (302, 403)
        assert not Invitation.objects.exists()


def test_editor_sees_only_invitations_into_own_municipality(client, world):
    Invitation.objects.create(email="b@example.se", group=world.municipality_b.members_group)
    Invitation.objects.create(email="a@example.se", group=world.municipality_a.members_group)
    client.force_login(world.users["editor of A"])
    body = client.get("/admin/inbjudningar/").content.decode()
    assert "a@example.se" in body
    assert "b@example.se" not in body


def _pending(world, **fields):
    return Invitation.objects.create(email="gast@example.se", group=world.partner.group, **fields)


@pytest.mark.parametrize(
    ("case", "status", "text"),
    [
        ("tampered", 404, "fungerar inte"),
        ("unknown", 404, "fungerar inte"),
        ("garbage", 404, "fungerar inte"),
        ("expired", 410, "gått ut"),
        ("used", 410, "redan använts"),
        ("revoked", 410, "återkallats"),
        ("old link after resend", 404, "fungerar inte"),
    ],
)
def test_bad_tokens_get_a_clear_page_and_change_nothing(client, world, case, status, text):
    invitation = _pending(world)
    token = invitations.make_token(invitation)
    if case == "tampered":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif case == "unknown":
        token = signing.dumps({"i": 999999, "n": "x"}, salt=invitations.SALT)
    elif case == "garbage":
        token = "inte-en-riktig-lank"
    elif case == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
        invitation.save()
    elif case == "used":
        invitation.accepted_at = timezone.now()
        invitation.save()
    elif case == "revoked":
        invitation.revoked_at = timezone.now()
        invitation.save()
    elif case == "old link after resend":
        invitation.nonce = "en-ny-nonce"
        invitation.save()
    users_before = get_user_model().objects.count()
    for method in (client.get, client.post):
        response = method(
            f"/konto/inbjudan/{token}/",
            {
                "first_name": "A",
                "last_name": "B",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        )
        assert response.status_code == status
        assert text in response.content.decode()
    assert get_user_model().objects.count() == users_before
    invitation.refresh_from_db()
    assert invitation.accepted_by is None


def test_expiry_defaults_to_seven_days_and_follows_the_setting(world, settings):
    invitation = _pending(world)
    assert abs((invitation.expires_at - timezone.now()) - timedelta(days=7)) < timedelta(minutes=1)
    settings.PORTAL_INVITATION_DAYS = 2
    invitation = Invitation.objects.create(email="b@example.se", group=world.partner.group)
    assert abs((invitation.expires_at - timezone.now()) - timedelta(days=2)) < timedelta(minutes=1)


def test_resend_sends_a_new_link_and_kills_the_old(client, world):
    _invite(client, world.users["superuser"], "igen@lernia.se", world.partner.group)
    old = _path(_link())
    invitation = Invitation.objects.get()
    response = client.post(f"/admin/inbjudningar/{invitation.pk}/skicka-igen/", follow=True)
    assert "har skickats igen" in response.content.decode()
    assert len(mail.outbox) == 2
    new = _path(_link())
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_revoke_closes_the_link(client, world):
    _invite(client, world.users["superuser"], "bort@lernia.se", world.partner.group)
    link = _path(_link())
    invitation = Invitation.objects.get()
    response = client.post(f"/admin/inbjudningar/{invitation.pk}/aterkalla/", follow=True)
    assert "är återkallad" in response.content.decode()
    client.logout()
    assert client.get(link).status_code == 410
    assert ModelLogEntry.objects.filter(action="portal.invitation.revoked").exists()


def test_list_filters_by_status(client, world):
    _pending(world)
    Invitation.objects.create(
        email="gammal@example.se",
        group=world.partner.group,
        expires_at=timezone.now() - timedelta(days=1),
    )
    client.force_login(world.users["superuser"])
    body = client.get("/admin/inbjudningar/?status=expired").content.decode()
    assert "gammal@example.se" in body
    assert "gast@example.se" not in body
    body = client.get("/admin/inbjudningar/").content.decode()
    assert "gammal@example.se" in body and "gast@example.se" in body


def test_duplicate_pending_invitation_is_refused(client, world):
    _pending(world)
    response = _invite(client, world.users["superuser"], "gast@example.se", world.partner.group)
    assert "redan en väntande inbjudan" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_existing_member_login_via_invitation_page_keeps_next_on_site(client, world):
    staff_b = world.users["staff of B"]
    invitation = Invitation.objects.create(email=staff_b.email, group=world.partner.group)
    accept = f"/konto/inbjudan/{invitations.make_token(invitation)}/"
    body = client.get(accept + "?next=https://evil.example/").content.decode()
    assert f'?next={quote(accept, safe="")}&amp;fran=inbjudan"' in body
    assert "next=https" not in body.split('class="button"')[1][:300]
    response = client.post(
        "/konto/login/?next=" + accept, {"login": staff_b.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == accept


def test_invitation_list_runs_a_fixed_number_of_queries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.users["superuser"])

    def count(n):
        Invitation.objects.all().delete()
        for i in range(n):
            Invitation.objects.create(
                email=f"p{i}@example.se",
                group=world.partner.group,
                invited_by=world.users["superuser"],
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/inbjudningar/").status_code == 200
        return len(queries)

    client.get("/admin/inbjudningar/")  # warm per-session caches
    assert count(2) == count(40)
