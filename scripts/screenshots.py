"""Screenshots of the running demo for the docs, at 1280 and 375 px, in headless Chromium.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000 [--out docs/screenshots]

Start the demo first (`bash scripts/run`). The script saves, for each width:

- home-visitor-<w>.png   the start page as a visitor
- home-staff-<w>.png     the start page as a staff member (Kalmar)
- mfa-activate-totp-<w>.png, mfa-recovery-codes-<w>.png
                         the two-step set-up, as the demo editor, who has none yet
- admin-dashboard-<w>.png  the Wagtail admin's dashboard, as the demo editor

Editors must have two-step verification before they reach the admin (portal/mfa_required.py),
and the demo's editor has none: the script sets up an authenticator for them through the
set-up pages, as a person would, computing the codes from the key the page shows. The key
is kept in var/screenshots-totp.json (the demo's database only), so a later run logs in
with a code instead and skips the set-up pages it can no longer show. A fresh demo database
(delete var/portal.sqlite3, then `bash scripts/run`) shows them again.
"""

import argparse
import ast
import base64
import hashlib
import hmac
import json
import shutil
import struct
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (1280, 375)
STATE = ROOT / "var" / "screenshots-totp.json"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]


def demo_password():
    """portal.demo.DEMO_PASSWORD, read from the source (importing it needs Django set up)."""
    tree = ast.parse((ROOT / "portal" / "demo.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) == "DEMO_PASSWORD" for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise SystemExit("DEMO_PASSWORD not found in portal/demo.py: pass --password.")


def totp(secret, at=None, period=30, digits=6):
    """RFC 6238 with allauth's defaults (SHA-1, 30 s, 6 digits)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def fresh_code(secret):
    """A code that stays valid while it is typed: wait out the last seconds of a period."""
    if 30 - time.time() % 30 < 5:
        time.sleep(30 - time.time() % 30 + 0.5)
    return totp(secret)


def _secrets():
    return json.loads(STATE.read_text()) if STATE.exists() else {}


def _keep_secret(email, secret):
    STATE.parent.mkdir(parents=True, exist_ok=True)
    state = _secrets()
    state[email] = secret
    STATE.write_text(json.dumps(state, indent=2))


class Shooter:
    def __init__(self, browser, base, out):
        self.browser, self.base, self.out = browser, base.rstrip("/"), out
        self.saved = []

    def context(self):
        context = self.browser.new_context(
            locale="sv-SE", viewport={"width": WIDTHS[0], "height": 900}
        )
        page = context.new_page()
        page.set_default_timeout(20_000)
        return context, page

    def go(self, page, path):
        response = page.goto(self.base + path)
        page.wait_for_load_state("networkidle")
        if response is not None and response.status >= 500:
            raise SystemExit(f"{path} answered {response.status}")
        return response

    def shoot(self, page, name):
        """The page as it is now, at each width (the same document, resized)."""
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(200)  # let the layout settle after the resize
            path = self.out / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            self.saved.append(path)
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})

    def log_in(self, page, email, password):
        self.go(page, "/konto/login/")
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(password)
        page.locator("form:has(input[name=password]) button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        if "/2fa/authenticate" in page.url:
            secret = _secrets().get(email)
            if not secret:
                raise SystemExit(
                    f"{email} has two-step verification that this script did not set up: "
                    "use a fresh demo database or another --editor."
                )
            page.locator("input[name=code]").fill(fresh_code(secret))
            page.locator("form:has(input[name=code]) button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            if "/2fa/authenticate" in page.url:
                raise SystemExit(
                    f"The code for {email} was refused: the key kept in {STATE} belongs to "
                    "another demo database. Delete that file and use a fresh demo database."
                )
        if "/konto/login" in page.url:
            raise SystemExit(f"Could not log in as {email} (wrong password, or locked out?)")

    def reauthenticate_if_asked(self, page, password):
        if "/reauthenticate" in page.url:
            page.locator("input[name=password]").fill(password)
            page.locator("form:has(input[name=password]) button[type=submit]").click()
            page.wait_for_load_state("networkidle")

    def set_up_totp(self, page, email, password):
        """The set-up as a person goes through it; returns False if it was done before."""
        self.go(page, "/konto/2fa/totp/activate/")
        self.reauthenticate_if_asked(page, password)
        secret_on_page = page.locator("#totp-secret")
        if "/totp/activate" not in page.url or not secret_on_page.count():
            return False
        self.shoot(page, "mfa-activate-totp")
        secret = secret_on_page.inner_text().strip()
        page.locator("input[name=code]").fill(fresh_code(secret))
        page.locator("form:has(input[name=code]) button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        if "/totp/activate" in page.url:
            raise SystemExit("The authenticator code was refused; is the server's clock right?")
        _keep_secret(email, secret)
        if "/recovery-codes" not in page.url:
            self.go(page, "/konto/2fa/recovery-codes/")
        self.shoot(page, "mfa-recovery-codes")
        return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the running demo, e.g. http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--staff", default="personal.kalmar@demo.samverkan.se")
    parser.add_argument("--editor", default="redaktor.kalmar@demo.samverkan.se")
    parser.add_argument("--password", default=None, help="default: the demo's password")
    args = parser.parse_args()
    password = args.password or demo_password()
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        shooter = Shooter(browser, args.url, args.out)

        context, page = shooter.context()
        shooter.go(page, "/")
        shooter.shoot(page, "home-visitor")
        context.close()

        context, page = shooter.context()
        shooter.log_in(page, args.staff, password)
        shooter.go(page, "/")
        shooter.shoot(page, "home-staff")
        context.close()

        context, page = shooter.context()
        shooter.log_in(page, args.editor, password)
        if not shooter.set_up_totp(page, args.editor, password):
            print(
                f"{args.editor} already has an authenticator: the set-up pages were not "
                "taken again (a fresh demo database shows them).",
                file=sys.stderr,
            )
        shooter.go(page, "/admin/")
        if not page.url.startswith(shooter.base + "/admin/"):
            raise SystemExit(f"The admin sent {args.editor} to {page.url}")
        shooter.shoot(page, "admin-dashboard")
        context.close()
        browser.close()

    for path in shooter.saved:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
