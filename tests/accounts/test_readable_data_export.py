"""The personal data (GDPR art. 15) as a page a person can read, with the JSON file still
offered for download."""

import re

import pytest
from allauth.mfa.models import Authenticator

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PAGE = "/konto/mitt-konto/mina-uppgifter/"


def test_my_account_links_to_the_readable_page_and_the_file(client, world):
    client.force_login(world.users["staff of A"])
    body = client.get("/konto/mitt-konto/").content.decode()
    assert f'href="{PAGE}"' in body
    assert 'href="/konto/mitt-konto/mina-uppgifter.json"' in body


def test_the_data_page_is_readable_swedish_with_the_json_offered(client, world):
    user = world.users["staff of A"]
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.post("/konto/login/", {"login": user.email, "password": "fel-losen-123"})
    client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    client.force_login(user)  # the TOTP above would ask for a code at login
    response = client.get(PAGE)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    main = re.search(r"<main.*?</main>", body, re.S).group(0)

    assert "<h1>Dina uppgifter i portalen</h1>" in main
    for heading in ("Ditt konto", "Tvåstegsverifiering", "Händelser på ditt konto"):
        assert re.search(rf"<h2[^>]*>{heading}</h2>", main), heading
    # The account as a definition list, memberships by name, no raw JSON.
    assert re.search(r"<dt>E-postadress</dt><dd>staff\.a@example\.se</dd>", main)
    assert "Kalmar kommun" in main
    assert '"email"' not in main and "{" not in main
    # Each kind of method and event in words, in tables with header cells.
    assert "<td>Autentiseringsapp</td>" in main
    assert '<th scope="col">När</th>' in main
    assert "Misslyckad inloggning" in main or "Misslyckat" in main
    assert "portal.login_failed" not in main
    # The file is still there to download.
    assert re.search(r'<a href="/konto/mitt-konto/mina-uppgifter\.json" download>', main)
    assert client.get("/konto/mitt-konto/mina-uppgifter.json")["Content-Type"].startswith(
        "application/json"
    )


def test_the_data_page_shows_only_ones_own_data(client, world):
    client.force_login(world.users["staff of A"])
    body = client.get(PAGE).content.decode()
    assert "staff.a@example.se" in body
    for other in ("staff.b@example.se", "partner@example.se", "editor.a@example.se"):
        assert other not in body


def test_the_data_page_needs_login(client, world):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
