"""Setting up two-step verification is one flow for a new editor: log in, set up the
authenticator app without being asked for the password again, keep the recovery codes,
and continue to where they were going."""

import re
import time

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ACTIVATE = "/konto/2fa/totp/activate/"
QR_ALT = "QR-kod för att lägga till portalen i din autentiseringsapp"


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.PORTAL_REQUIRE_MFA_FOR_EDITORS = True


def _log_in(client, user, next_url=None):
    data = {"login": user.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post("/konto/login/", data)
    assert response.status_code == 302
    return response


def _secret(body):
    match = re.search(r'<code id="totp-secret"[^>]*>([A-Z2-7]+)</code>', body)
    assert match, "the secret is shown as text"
    return match.group(1)


def _code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def _age_the_login(client, seconds):
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    for record in records:
        record["at"] -= seconds
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()


def test_editor_sets_up_two_step_verification_in_one_flow(client, world):
    editor = world.users["editor of A"]
    login = _log_in(client, editor, next_url="/admin/pages/")
    # Where they were going: the admin, which sends them to the set-up first.
    assert login["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/")["Location"] == "/konto/2fa/"

    overview = client.get("/konto/2fa/").content.decode()
    assert "Tvåstegsverifiering" in overview
    assert "tvåfaktor" not in overview.lower()

    # No second password prompt seconds after the log in.
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    body = page.content.decode()
    secret = _secret(body)
    # The QR image says what it is; the secret is not its text alternative.
    assert f'alt="{QR_ALT}"' in body
    assert f'alt="{secret}"' not in body
    assert "tvåfaktor" not in body.lower()

    response = client.post(ACTIVATE, {"code": _code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/recovery-codes/"

    codes = client.get(response["Location"]).content.decode()
    assert "Återställningskoder" in codes
    button = re.search(r'<a class="button" href="([^"]+)">([^<]+)</a>', codes)
    assert button, "a button onward after the recovery codes"
    assert button.group(1) == "/admin/pages/"
    assert button.group(2).startswith("Fortsätt till")
    onward = client.get(button.group(1), follow=True)
    assert onward.status_code == 200
    assert all("/konto/2fa/" not in url for url, _status in onward.redirect_chain)


def test_the_continue_button_follows_a_next_given_to_the_set_up(client, world):
    staff = world.users["staff of A"]
    _log_in(client, staff)
    client.get("/konto/2fa/?next=/om-portalen/")
    secret = _secret(client.get(ACTIVATE).content.decode())
    client.post(ACTIVATE, {"code": _code(secret)})
    codes = client.get("/konto/2fa/recovery-codes/").content.decode()
    assert '<a class="button" href="/om-portalen/">Fortsätt till sidan du var på väg till</a>' in (
        codes
    )


@pytest.mark.parametrize(
    ("who", "url", "label"),
    [
        ("editor of A", "/admin/", "Fortsätt till redigeringsverktygen"),
        ("staff of A", "/", "Fortsätt till startsidan"),
    ],
)
def test_without_a_next_editors_continue_to_the_admin_and_others_to_the_start(
    client, world, who, url, label
):
    _log_in(client, world.users[who])
    secret = _secret(client.get(ACTIVATE).content.decode())
    client.post(ACTIVATE, {"code": _code(secret)})
    codes = client.get("/konto/2fa/recovery-codes/").content.decode()
    assert f'<a class="button" href="{url}">{label}</a>' in codes


@pytest.mark.parametrize("evil", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_a_next_off_the_site_is_not_followed(client, world, evil):
    _log_in(client, world.users["staff of A"])
    client.get("/konto/2fa/", {"next": evil})
    secret = _secret(client.get(ACTIVATE).content.decode())
    client.post(ACTIVATE, {"code": _code(secret)})
    codes = client.get("/konto/2fa/recovery-codes/").content.decode()
    assert "evil.example" not in codes and "javascript:" not in codes
    assert '<a class="button" href="/">' in codes


def test_reauthentication_is_still_asked_when_the_login_is_old(client, world, settings):
    editor = world.users["editor of A"]
    _log_in(client, editor)
    _age_the_login(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 60)
    response = client.get(ACTIVATE)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/reauthenticate/")
    # Giving the password again lets the set-up continue, as allauth intends.
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE
    assert client.get(ACTIVATE).status_code == 200


def test_a_session_logged_in_without_a_password_is_asked_for_it(client, world):
    # force_login leaves no record of a password given in this session.
    client.force_login(world.users["editor of A"])
    response = client.get(ACTIVATE)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/reauthenticate/")


def test_other_sensitive_actions_ask_again_once_the_login_is_old(client, world, settings):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    editor = world.users["editor of A"]
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time() - settings.ACCOUNT_REAUTHENTICATION_TIMEOUT - 1}
    ]
    session.save()
    response = client.get("/konto/2fa/totp/deactivate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/reauthenticate/")


def test_with_a_second_factor_a_fresh_login_does_not_replace_the_password(client, world):
    """Switching two-step verification off just after logging in still asks for the
    password: an unlocked computer must not be enough to remove the second factor."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    editor = world.users["editor of A"]
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "password", "at": time.time()}]
    session.save()
    for url in ("/konto/2fa/totp/deactivate/", "/konto/2fa/recovery-codes/generate/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/konto/reauthenticate/"), url


def test_a_new_editor_from_an_invitation_sets_up_without_a_second_password(client, world):
    from portal.accounts import invitations
    from portal.models import Invitation

    invitation = Invitation.objects.create(
        email="ny.redaktor@example.se", group=world.municipality_a.editors_group
    )
    password = "Vintergatan-Kalmar-2026"
    response = client.post(
        f"/konto/inbjudan/{invitations.make_token(invitation)}/",
        {"first_name": "Nora", "last_name": "Ny", "password1": password, "password2": password},
    )
    assert response.status_code == 302
    assert client.get("/admin/")["Location"] == "/konto/2fa/"
    assert client.get(ACTIVATE).status_code == 200


def test_the_continue_button_forgets_an_old_destination(client, world):
    from portal.mfa_required import CONTINUE_SESSION_KEY

    _log_in(client, world.users["staff of A"])
    client.get("/konto/2fa/?next=/om-portalen/")
    session = client.session
    remembered = session[CONTINUE_SESSION_KEY]
    session[CONTINUE_SESSION_KEY] = {**remembered, "at": remembered["at"] - 2 * 3600}
    session.save()
    secret = _secret(client.get(ACTIVATE).content.decode())
    client.post(ACTIVATE, {"code": _code(secret)})
    codes = client.get("/konto/2fa/recovery-codes/").content.decode()
    assert '<a class="button" href="/">Fortsätt till startsidan</a>' in codes
