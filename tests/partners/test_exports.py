"""CSV and vCard exports: parsed back and compared, filters and visibility obeyed."""

import csv
import io

import pytest
import vobject

from partners.exports import CSV_HEADERS, neutralise_formula, restore_formula
from tests.partners.factories import ContactPersonFactory


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="partnerkatalog.csv"'
    # Excel needs the byte-order mark to read å, ä and ö, and semicolons as separators.
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == CSV_HEADERS
    return [dict(zip(CSV_HEADERS, row, strict=True)) for row in rows[1:]]


def _vcards(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    cards = list(vobject.readComponents(response.content.decode("utf-8")))
    for card in cards:
        assert card.version.value == "3.0"
    return cards


@pytest.fixture
def staff_a(client, world, directory):
    client.force_login(world.users["staff of A"])
    return client


def test_csv_export_round_trips_every_visible_row(staff_a, directory):
    rows = _csv(staff_a.get(directory.page.url + "export/csv/"))
    assert [(r["Organisation"], r["Kontaktperson"]) for r in rows] == [
        ("BUP Kalmar län", "Åsa Lind"),
        ("BUP Kalmar län", "Kim Kalmarsson"),
        ("Frivården Kalmar", "Fredrik Frivård"),
        ("Integra", "Ingrid Integra"),
        ("Lernia", "Lena Lernia"),
    ]
    bup = rows[0]
    assert bup == {
        "Organisation": "BUP Kalmar län",
        "Typ": "Barn- och ungdomspsykiatri (BUP)",
        "Beskrivning": "Samverkanspart i testerna.",
        "Kommuner": "Kalmar kommun",
        "Ämnen": "psykisk hälsa",
        "Webbplats": "https://bup.example.se/",
        "Växel": "0480-840 00",
        "Funktionsbrevlåda": "bup@regionkalmar.example.se",
        "Besöksadress": "Lasarettsvägen 1\n392 44 Kalmar",
        "Öppettider": "",
        "Kontrollerad": "",
        "Endast för kommuner": "",
        "Kontaktperson": "Åsa Lind",
        "Titel": "Samordnare",
        "Telefon": "010-123 45 67",
        "E-post": directory.contacts["Åsa Lind"].email,
        "Kontakta om": "Remisser",
        "Kontakt endast för kommuner": "",
    }
    assert rows[1]["Kontakt endast för kommuner"] == "Kalmar kommun"
    assert rows[2]["Endast för kommuner"] == "Kalmar kommun"
    assert rows[4]["Kommuner"] == "Kalmar kommun, Södertälje kommun"
    assert rows[4]["Ämnen"] == "arbete, utbildning"


def test_csv_export_follows_filters_and_search(staff_a, directory):
    rows = _csv(staff_a.get(directory.page.url + "export/csv/", {"municipality": "sodertalje"}))
    assert {r["Organisation"] for r in rows} == {"Integra", "Lernia"}
    rows = _csv(staff_a.get(directory.page.url + "export/csv/", {"q": "kurator"}))
    assert {r["Organisation"] for r in rows} == {"BUP Kalmar län"}


def test_organisation_without_contacts_is_one_row(staff_a, directory):
    directory.orgs["Integra"].contacts.all().delete()
    rows = _csv(staff_a.get(directory.page.url + "export/csv/", {"q": "integra"}))
    assert len(rows) == 1
    assert rows[0]["Organisation"] == "Integra"
    assert rows[0]["Kontaktperson"] == ""


@pytest.mark.parametrize(
    ("user", "organisations", "hidden"),
    [
        ("staff of B", {"BUP Kalmar län", "Integra", "Lernia", "Södertälje gymnasieskola"}, "Kim"),
        ("partner user", {"Integra", "Lernia"}, "Åsa"),
    ],
)
def test_exports_obey_visibility(client, world, directory, user, organisations, hidden):
    client.force_login(world.users[user])
    rows = _csv(client.get(directory.page.url + "export/csv/"))
    assert {r["Organisation"] for r in rows} == organisations
    assert not any(hidden in r["Kontaktperson"] for r in rows)
    assert not any(r["Kontaktperson"] == "Per Berg" for r in rows)
    cards = _vcards(client.get(directory.page.url + "export/vcard/"))
    assert {c.org.value[0] for c in cards} == organisations
    assert not any(hidden in c.fn.value or c.fn.value == "Per Berg" for c in cards)


@pytest.mark.parametrize("export", ["export/csv/", "export/vcard/"])
def test_visitors_get_no_export(client, directory, export):
    response = client.get(directory.page.url + export)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_vcard_export_round_trips(staff_a, directory):
    cards = _vcards(staff_a.get(directory.page.url + "export/vcard/", {"kind": "bup"}))
    assert [c.fn.value for c in cards] == ["BUP Kalmar län", "Åsa Lind", "Kim Kalmarsson"]
    organisation, asa = cards[0], cards[1]
    assert organisation.tel.value == "0480-840 00"
    assert organisation.email.value == "bup@regionkalmar.example.se"
    assert organisation.adr.value.street == "Lasarettsvägen 1\n392 44 Kalmar"
    assert asa.n.value.family == "Lind"
    assert asa.n.value.given == "Åsa"
    assert asa.org.value == ["BUP Kalmar län"]
    assert asa.title.value == "Samordnare"
    assert asa.tel.value == "010-123 45 67"
    assert asa.tel.params["TYPE"] == ["WORK"]
    assert asa.email.value == directory.contacts["Åsa Lind"].email
    assert asa.note.value == "Remisser"


def test_one_contact_as_vcard(staff_a, directory):
    asa = directory.contacts["Åsa Lind"]
    response = staff_a.get(directory.page.url + f"bup-kalmar-lan/kontakt/{asa.pk}/vcard/")
    [card] = _vcards(response)
    assert card.fn.value == "Åsa Lind"
    assert "attachment" in response["Content-Disposition"]
    # The organisation page links to it.
    page = staff_a.get(directory.page.url + "bup-kalmar-lan/").content.decode()
    assert f'href="/partnerkatalog/bup-kalmar-lan/kontakt/{asa.pk}/vcard/"' in page


@pytest.mark.parametrize(
    ("user", "contact", "org_slug"),
    [
        ("staff of B", "Kim Kalmarsson", "bup-kalmar-lan"),  # limited to Kalmar
        ("staff of A", "Per Berg", "bup-kalmar-lan"),  # has left
        ("staff of A", "Lena Lernia", "bup-kalmar-lan"),  # wrong organisation in the URL
        ("staff of A", "Sofia Skola", "sodertalje-gymnasieskola"),  # organisation limited to B
    ],
)
def test_hidden_contact_vcard_is_404(client, world, directory, user, contact, org_slug):
    client.force_login(world.users[user])
    pk = directory.contacts[contact].pk
    assert client.get(directory.page.url + f"{org_slug}/kontakt/{pk}/vcard/").status_code == 404


def test_formula_like_cells_are_neutralised_and_restored(staff_a, directory):
    ContactPersonFactory(
        organisation=directory.orgs["Integra"],
        name='=HYPERLINK("http://evil")',
        phone="+46 70 123 45 67",
    )
    rows = _csv(staff_a.get(directory.page.url + "export/csv/", {"q": "integra"}))
    evil = next(r for r in rows if "HYPERLINK" in r["Kontaktperson"])
    assert evil["Kontaktperson"].startswith("'=")
    assert evil["Telefon"] == "+46 70 123 45 67"
    for value in ("=1+1", "@SUM(A1)", "-2+3", "+46 8 123", "Vanlig text", ""):
        assert restore_formula(neutralise_formula(value)) == value
