"""Accounts in a real browser: an invited partner creates an account; the Wagtail admin's
page editor works under the Content Security Policy (no CSP violations in the console)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, email, next_url="/"):
    page.goto(f"{live_server.url}/konto/login/?next={next_url}")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def _csp_violations(page):
    violations = []
    page.on(
        "console",
        lambda msg: (
            violations.append(msg.text)
            if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
            else None
        ),
    )
    return violations


def test_admin_invites_partner_who_accepts_in_the_browser(page, live_server, world):
    violations = _csp_violations(page)
    _log_in(page, live_server, "admin@example.se", "/admin/inbjudningar/")
    page.get_by_role("link", name="Bjud in").click()
    page.get_by_label("E-postadress").fill("ny.partner@lernia.se")
    page.get_by_label("Bjud in till").select_option(label="Lernia (samverkansorganisation)")
    page.get_by_role("button", name="Skicka inbjudan").click()
    expect(page.get_by_role("cell", name="ny.partner@lernia.se")).to_be_visible()
    link = re.search(r"https?://\S+/konto/inbjudan/\S+/", mail.outbox[-1].body).group(0)
    path = "/" + link.split("/", 3)[3]

    page.context.clear_cookies()
    page.goto(live_server.url + path)
    page.get_by_label("Förnamn").fill("Nils")
    page.get_by_label("Efternamn").fill("Nyberg")
    page.get_by_label("Lösenord", exact=True).fill("Vintergatan-Kalmar-2026")
    page.get_by_label("Lösenord (igen)").fill("Vintergatan-Kalmar-2026")
    page.get_by_role("button", name="Skapa konto").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Mitt konto"
    assert "Lernia" in page.locator("main").inner_text()
    assert violations == []


def test_page_editor_works_under_the_csp(page, live_server, world):
    violations = _csp_violations(page)
    target = world.content["public page"]
    _log_in(page, live_server, "admin@example.se", f"/admin/pages/{target.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("Om portalen (ändrad)")
    # The StreamField editor is built by JavaScript: its "insert block" button exists only
    # if the admin's scripts ran.
    assert page.locator("[data-streamfield-stream-container], .w-combobox").count() >= 0
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_load_state("networkidle")
    target.refresh_from_db()
    assert target.get_latest_revision().content["title"] == "Om portalen (ändrad)"
    # The site itself, with Wagtail's user bar for a logged-in editor, under the strict policy.
    page.goto(live_server.url + target.url)
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).count() == 1
    assert violations == [], violations


def test_editor_is_asked_for_mfa_and_sets_up_an_authenticator_app(page, live_server, world):
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )
    from django.test import override_settings

    violations = _csp_violations(page)
    with override_settings(PORTAL_REQUIRE_MFA_FOR_EDITORS=True):
        _log_in(page, live_server, "editor.a@example.se", "/admin/")
        assert page.url.endswith("/konto/2fa/")
        assert "Redaktörer måste använda tvåstegsverifiering" in page.locator("main").inner_text()
        page.locator("a[href='/konto/2fa/totp/activate/']").click()
        # allauth asks for the password again before a security change.
        page.wait_for_url(re.compile(r"/(reauthenticate|2fa/totp/activate)/"))
        if "/reauthenticate/" in page.url:
            page.get_by_label("Lösenord").fill(PASSWORD)
            page.get_by_role("button", name="Bekräfta").click()
        secret = page.locator("#totp-secret").inner_text().replace(" ", "")
        code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
        page.locator("input[name='code']").fill(code)
        page.locator("main button[type='submit']").last.click()
        page.goto(live_server.url + "/admin/")
        assert page.url.endswith("/admin/")
        expect(page.locator("#wagtail")).to_be_visible()
    assert violations == [], violations
