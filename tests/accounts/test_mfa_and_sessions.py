"""MFA before the Wagtail admin for editors and admins; sessions end when they should."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.PORTAL_REQUIRE_MFA_FOR_EDITORS = True


@pytest.mark.parametrize("who", ["superuser", "editor of A"])
def test_editors_and_admins_without_mfa_are_sent_to_mfa_setup(client, world, who):
    client.force_login(world.users[who])
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/konto/2fa/"
    body = response.content.decode()
    assert "Redaktörer måste använda tvåstegsverifiering" in body
    # The set-up page offers an authenticator app and security keys.
    assert "/konto/2fa/totp/activate/" in body
    assert "/konto/2fa/webauthn/" in body


def test_anyone_with_admin_access_counts_as_editor(client, world):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/")["Location"] == "/konto/2fa/"


@pytest.mark.parametrize("who", ["superuser", "editor of A"])
def test_with_mfa_editors_reach_the_admin(client, world, with_mfa, who):
    client.force_login(with_mfa(world.users[who]))
    assert client.get("/admin/").status_code == 200


def test_login_asks_for_the_second_factor_when_it_is_on(client, world, with_mfa):
    user = with_mfa(world.users["editor of A"])
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/authenticate/"
    # Not logged in until the code is given.
    assert "_auth_user_id" not in client.session


def test_mfa_is_optional_for_members_and_partners(client, world):
    for who in ("staff of A", "partner user"):
        client.force_login(world.users[who])
        assert client.get("/konto/mitt-konto/").status_code == 200
        assert client.get(world.content["shared space A + partner"].url).status_code in (200, 404)
        assert client.get("/konto/2fa/").status_code == 200


def test_password_change_ends_other_sessions(client, world):
    user = world.users["staff of A"]
    other = type(client)()
    other.force_login(user)
    client.force_login(user)
    new = "Ett-annat-langt-losen-77"
    response = client.post(
        "/konto/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    # ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE: this browser is logged out, and so is the other one.
    assert client.get("/konto/mitt-konto/").status_code == 302
    assert other.get("/konto/mitt-konto/").status_code == 302


def test_deactivated_user_is_refused_on_the_next_request(client, world):
    user = world.users["staff of A"]
    client.force_login(user)
    section = world.content["A's section"].url
    assert client.get(section).status_code == 200
    user.is_active = False
    user.save()
    response = client.get(section)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_user_removed_from_a_group_loses_access_on_the_next_request(client, world):
    user = world.users["staff of A"]
    client.force_login(user)
    section = world.content["page deep under A"].url
    assert client.get(section).status_code == 200
    user.groups.remove(world.municipality_a.members_group)
    assert client.get(section).status_code == 404
    entry = ModelLogEntry.objects.filter(action="portal.groups_changed").latest("timestamp")
    assert entry.data["change"] == "removed"


def test_rate_limited_login_gets_a_clear_message(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip,3/5m/key"}
    user = world.users["staff of A"]
    for _ in range(3):
        client.post("/konto/login/", {"login": user.email, "password": "fel-losen-123"})
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert ModelLogEntry.objects.filter(action="portal.lockout").exists()
    assert ModelLogEntry.objects.filter(action="portal.login_failed").count() == 3


def test_rate_limited_password_reset_gets_the_429_page(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"reset_password": "2/m/ip"}
    for _ in range(2):
        client.post("/konto/password/reset/", {"email": "staff.a@example.se"})
    response = client.post("/konto/password/reset/", {"email": "staff.a@example.se"})
    assert response.status_code == 429
    assert "För många försök" in response.content.decode()


def test_rate_limited_invitation_accept(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"invitation_accept": "2/m/ip"}
    for _ in range(2):
        client.post("/konto/inbjudan/skrap/")
    response = client.post("/konto/inbjudan/skrap/")
    assert response.status_code == 429
    assert "För många försök" in response.content.decode()


def test_editor_logs_in_with_a_totp_code_and_reaches_the_admin(client, world):
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    user = world.users["editor of A"]
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.post("/konto/login/", {"login": user.email, "password": PASSWORD, "next": "/admin/"})
    wrong = client.post("/konto/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/konto/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wagtail_admin_password_views_are_off_in_favour_of_allauth(client, world, with_mfa):
    assert client.get("/admin/password_reset/").status_code == 404
    client.force_login(with_mfa(world.users["superuser"]))
    body = client.get("/admin/account/").content.decode()
    assert 'name="password_' not in body
    assert 'href="/konto/mitt-konto/"' in body
