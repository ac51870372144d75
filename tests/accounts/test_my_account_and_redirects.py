"""My account (details, memberships, MFA, sessions, GDPR download) and redirect safety."""

import json
from urllib.parse import urlsplit

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "http:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "/%09/evil.example",
    "https://testserver@evil.example/",
]


def _stays_on_site(location):
    """What a browser would do with the Location: same host, http(s), no scheme tricks."""
    cleaned = location.replace("\\", "/").strip()
    parts = urlsplit(cleaned)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")


def test_header_links_to_my_account(client, world):
    client.force_login(world.users["staff of A"])
    body = client.get("/konto/mitt-konto/").content.decode()
    assert 'href="/konto/mitt-konto/"' in body
    assert "Mitt konto" in body


def test_my_account_shows_details_memberships_mfa_and_sessions(client, world):
    user = world.users["partner user"]
    client.force_login(user)
    body = client.get("/konto/mitt-konto/").content.decode()
    assert "<h1>Mitt konto</h1>" in body
    assert user.email in body
    assert "Lernia" in body
    assert 'href="/konto/2fa/"' in body
    assert 'href="/konto/sessions/"' in body
    assert 'href="/konto/mitt-konto/mina-uppgifter.json"' in body
    assert client.get("/konto/sessions/").status_code == 200


def test_changing_name_on_my_account(client, world):
    user = world.users["staff of A"]
    client.force_login(user)
    response = client.post(
        "/konto/mitt-konto/", {"first_name": "Sara", "last_name": "Ek"}, follow=True
    )
    assert "Ditt namn har sparats." in response.content.decode()
    user.refresh_from_db()
    assert user.get_full_name() == "Sara Ek"


def test_my_account_needs_login(client, world):
    response = client.get("/konto/mitt-konto/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert client.get("/konto/mitt-konto/mina-uppgifter.json").status_code == 302


def test_gdpr_download_contains_own_data_only(client, world):
    user = world.users["staff of A"]
    client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    response = client.get("/konto/mitt-konto/mina-uppgifter.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["municipalities"] == ["Kalmar kommun"]
    assert any(e["action"] == "portal.login" for e in data["audit_log"])
    assert data["sessions"]
    assert any(a["action"] == "portal.login" for a in data["actions_by_you"])
    text = response.content.decode()
    assert "staff.b@example.se" not in text
    assert "partner@example.se" not in text


@pytest.mark.parametrize("target", EVIL)
def test_login_next_never_leaves_the_site(client, world, target):
    user = world.users["staff of A"]
    response = client.post(
        "/konto/login/", {"login": user.email, "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert _stays_on_site(response["Location"])


def test_login_next_on_site_is_followed(client, world):
    user = world.users["staff of A"]
    response = client.post(
        "/konto/login/?next=/konto/mitt-konto/", {"login": user.email, "password": PASSWORD}
    )
    assert response["Location"] == "/konto/mitt-konto/"


@pytest.mark.parametrize("target", EVIL)
def test_logout_next_never_leaves_the_site(client, world, target):
    client.force_login(world.users["staff of A"])
    response = client.post("/konto/logout/", {"next": target})
    assert response.status_code == 302
    assert _stays_on_site(response["Location"])


@pytest.mark.parametrize("target", EVIL)
def test_language_switch_never_leaves_the_site(client, target):
    response = client.post("/sprak/", {"language": "en", "next": target})
    assert response.status_code == 302
    assert _stays_on_site(response["Location"])


@pytest.mark.parametrize("target", EVIL)
def test_admin_login_redirect_never_leaves_the_site(client, target):
    from urllib.parse import quote

    response = client.get("/admin/login/?next=" + quote(target))
    assert response.status_code in (301, 302)
    assert response["Location"].startswith("/konto/login/")


@pytest.mark.parametrize("target", EVIL)
def test_invitation_accept_ignores_next(client, world, target):
    from portal.accounts import invitations
    from portal.models import Invitation

    invitation = Invitation.objects.create(email="ny@example.se", group=world.partner.group)
    token = invitations.make_token(invitation)
    pw = "Vintergatan-Kalmar-2026"
    response = client.post(
        f"/konto/inbjudan/{token}/?next={target}",
        {"first_name": "A", "last_name": "B", "password1": pw, "password2": pw, "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/mitt-konto/"


def test_gdpr_download_does_not_name_pages_the_user_was_refused(client, world):
    client.force_login(world.users["staff of B"])
    assert client.get(world.content["page deep under A"].url).status_code == 404
    data = client.get("/konto/mitt-konto/mina-uppgifter.json").content.decode()
    assert "Rutin för inskrivning" not in data
    assert "access_refused" not in data
