"""In a real browser: a staff member filters the partner directory and downloads the CSV.
(Here, next to the other journeys, so the one Chromium session is shared.)"""

import csv
import io

import pytest

from tests.factories import PASSWORD
from tests.partners import fixtures

directory = fixtures.directory  # the partner directory fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_member_filters_the_directory_and_downloads_csv(page, live_server, directory):
    page.goto(f"{live_server.url}{directory.page.url}")
    page.get_by_label("E-post").fill("staff.a@example.se")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Partnerkatalog"

    page.get_by_label("Kommun").select_option(label="Södertälje kommun")
    page.get_by_role("searchbox", name="Sök").fill("praktik")
    page.get_by_role("button", name="Filtrera").click()
    headings = page.locator(".directory-item h2").all_inner_texts()
    assert headings == ["Lernia"]
    assert page.locator("main").get_by_role("status").inner_text() == "1 organisation"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ladda ned listan som CSV (Excel)").click()
    download = download_info.value
    assert download.suggested_filename == "partnerkatalog.csv"
    data = open(download.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [(r["Organisation"], r["Kontaktperson"]) for r in rows] == [("Lernia", "Lena Lernia")]
