"""Security headers on the site and in the Wagtail admin, which must still work under the CSP."""

import pytest

from tests.test_settings import PRODUCTION_ENV, _manage

# Headers do not depend on the database engine.
pytestmark = [pytest.mark.django_db, pytest.mark.once]


def _csp(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_site_pages_get_a_strict_policy_and_the_other_headers(client, world):
    response = client.get(world.content["public page"].url)
    assert response.status_code == 200
    csp = _csp(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_login_page_has_the_headers_and_no_inline_script_or_style(client):
    response = client.get("/konto/login/")
    body = response.content.decode()
    assert "Content-Security-Policy" in response
    assert "<script>" not in body and "<style" not in body and "style=" not in body


ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/inbjudningar/",
    "/admin/reports/site-history/",
]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_wagtail_admin_pages_load_under_their_policy(client, world, url):
    client.force_login(world.users["superuser"])
    response = client.get(url)
    assert response.status_code == 200
    csp = _csp(response)
    assert "'self'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]  # live preview frames our own pages
    assert csp["object-src"] == ["'none'"]
    # Every script the admin page loads is from this site.
    body = response.content.decode()
    assert 'src="http' not in body.replace('src="http://testserver', "")


def test_page_editor_loads_under_the_admin_policy(client, world):
    client.force_login(world.users["superuser"])
    page = world.content["public page"]
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response


def test_production_settings_add_hsts_and_secure_cookies():
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_HTTPONLY)"
    )
    result = _manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    hsts, *flags = result.stdout.strip().splitlines()[-1].split()
    assert int(hsts) >= 31536000
    assert flags == ["True"] * 4


def test_check_deploy_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
