"""`manage.py import_partners`: the export's columns, all-or-nothing, update by name,
clear messages for bad files."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from partners.exports import CSV_HEADERS
from partners.models import ContactPerson, PartnerOrganisation


def _row(**values):
    row = dict.fromkeys(CSV_HEADERS, "")
    row.update({"Typ": "Annan"})
    row.update(values)
    return row


def _file(tmp_path, rows, headers=CSV_HEADERS, name="partners.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers] if isinstance(row, dict) else row)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def _snapshot():
    return (
        sorted(PartnerOrganisation.objects.values_list("name", "kind", "switchboard_phone")),
        sorted(ContactPerson.objects.values_list("organisation__name", "name", "title")),
        Revision.objects.count(),
    )


def _import(path, *args):
    out = io.StringIO()
    call_command("import_partners", str(path), *args, stdout=out)
    return out.getvalue()


def _fails(path):
    with pytest.raises(CommandError) as error:
        _import(path)
    message = str(error.value)
    assert message.startswith("Inget importerades.")
    return message


def test_export_then_import_changes_nothing_and_updates_by_name(client, world, directory, tmp_path):
    client.force_login(world.users["superuser"])
    exported = client.get(directory.page.url + "export/csv/").content
    path = tmp_path / "export.csv"
    path.write_bytes(exported)
    organisations = PartnerOrganisation.objects.count()
    contacts = ContactPerson.objects.count()

    output = _import(path)

    assert "0 nya och 5 uppdaterade organisationer" in output
    assert "0 nya och 7 uppdaterade kontaktpersoner" in output
    assert PartnerOrganisation.objects.count() == organisations
    assert ContactPerson.objects.count() == contacts
    assert client.get(directory.page.url + "export/csv/").content == exported
    # Every imported organisation has a revision saying so.
    bup = directory.orgs["BUP Kalmar län"]
    assert Revision.objects.for_instance(bup).count() == 1


def test_import_updates_existing_organisation_and_contacts_by_name(world, directory, tmp_path):
    path = _file(
        tmp_path,
        [
            _row(
                Organisation="lernia",  # any case matches "Lernia"
                Typ="Utbildning",
                Kommuner="Kalmar, sodertalje",
                Växel="010-555 55 55",
                Kontrollerad="2026-11-01",
                Kontaktperson="Lena Lernia",
                Titel="Studievägledare",
            ),
            _row(
                Organisation="lernia",
                Typ="utbildning",  # codes and labels both work
                Kommuner="Kalmar kommun, Södertälje kommun",
                Växel="010-555 55 55",
                Kontrollerad="2026-11-01",
                Kontaktperson="Ny Person",
                Telefon="+46 10 555 55 56",
                **{"Kontakt endast för kommuner": "Kalmar"},
            ),
        ],
    )
    _import(path)
    lernia = PartnerOrganisation.objects.get(name__iexact="lernia")
    assert lernia.pk == directory.orgs["Lernia"].pk
    assert lernia.switchboard_phone == "010-555 55 55"
    assert str(lernia.checked_on) == "2026-11-01"
    assert {m.slug for m in lernia.municipalities_served.all()} == {"kalmar", "sodertalje"}
    assert lernia.contacts.get(name="Lena Lernia").title == "Studievägledare"
    new = lernia.contacts.get(name="Ny Person")
    assert new.phone == "+46 10 555 55 56"
    assert [m.slug for m in new.limited_to.all()] == ["kalmar"]
    # Contacts missing from the file are kept.
    assert lernia.contacts.filter(name="Sanna Söder").exists()


def test_import_creates_new_organisations(world, tmp_path):
    path = _file(
        tmp_path,
        [
            _row(
                Organisation="Röda Korset Kalmar",
                Typ="Frivilligorganisation",
                Ämnen="läxhjälp, språkcafé",
                Webbplats="https://rodakorset.example.se/",
                Kontaktperson="Rut Röd",
            ),
            _row(Organisation="Moskén i Södertälje", Typ="Trossamfund"),
        ],
    )
    assert "2 nya och 0 uppdaterade organisationer" in _import(path)
    red_cross = PartnerOrganisation.objects.get(name="Röda Korset Kalmar")
    assert red_cross.kind == "frivilligorganisation"
    assert red_cross.slug == "roda-korset-kalmar"
    assert red_cross.group is not None
    assert sorted(t.name for t in red_cross.topics.all()) == ["läxhjälp", "språkcafé"]
    assert red_cross.contacts.get().name == "Rut Röd"
    assert Revision.objects.for_instance(red_cross).count() == 1
    assert not PartnerOrganisation.objects.get(name="Moskén i Södertälje").contacts.exists()


def test_one_bad_row_imports_nothing_and_every_error_is_reported(world, directory, tmp_path):
    before = _snapshot()
    path = _file(
        tmp_path,
        [
            _row(Organisation="Ny förening", Typ="Föreningsliv"),
            _row(Organisation="BUP Kalmar län", Typ="BUP", Växel="ändrad"),
            _row(Organisation="Trasig", Typ="Okänd typ", Funktionsbrevlåda="inte-en-adress"),
            _row(Organisation="", Kontaktperson="Utan organisation"),
            _row(Organisation="Ny förening", Typ="Föreningsliv", **{"E-post": "fel@"}),
            _row(Organisation="Okänd kommun", Kommuner="Atlantis"),
            _row(Organisation="Datum", Kontrollerad="1/11 2026"),
            ["för", "få", "kolumner"],
        ],
    )
    message = _fails(path)
    assert "Rad 4, kolumn ”Typ”: Okänd typ ”Okänd typ”" in message
    assert "Rad 4, kolumn ”Funktionsbrevlåda”: Fyll i en giltig e-postadress." in message
    assert "Rad 5, kolumn ”Organisation”: Det här fältet är obligatoriskt" in message
    assert "Rad 6, kolumn ”E-post”: Fyll i en giltig e-postadress." in message
    assert "Rad 7, kolumn ”Kommuner”: Okänd kommun: Atlantis." in message
    assert "Rad 8, kolumn ”Kontrollerad”" in message
    assert "Rad 9: 18 kolumner väntades, 3 hittades." in message
    assert "Rad 2" not in message and "Rad 3" not in message
    assert _snapshot() == before
    assert not PartnerOrganisation.objects.filter(name="Ny förening").exists()


def test_rows_of_one_organisation_must_agree(world, tmp_path):
    path = _file(
        tmp_path,
        [
            _row(Organisation="Skolan", Växel="1", Kontaktperson="A"),
            _row(Organisation="Skolan", Växel="2", Kontaktperson="B"),
            _row(Organisation="Skolan", Växel="1", Kontaktperson="a"),
        ],
    )
    message = _fails(path)
    assert "Rad 3: uppgifterna om ”Skolan” skiljer sig från rad 2" in message
    assert "Rad 4: ”a” finns redan för organisationen på rad 2." in message
    assert not PartnerOrganisation.objects.filter(name="Skolan").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "Filen är tom."),
        (b"\xef\xbb\xbf\r\n  \r\n", "Filen är tom."),
        (
            "Organisation;Typ\r\nVäxjö;Skola\r\n".encode("cp1252"),
            "Filen är inte UTF-8-text",
        ),
        (
            b"Organisation,Typ,Kommuner\r\nX,Skola,Kalmar\r\n",
            "Kolumnerna ska skiljas åt med semikolon (;), inte komma.",
        ),
        (
            "Organisation;Typ;Färg\r\nX;Skola;blå\r\n".encode(),
            "Kolumner saknas: Beskrivning, Kommuner",
        ),
        (
            "Organisation;Typ;Färg\r\nX;Skola;blå\r\n".encode(),
            "Okända kolumner: Färg.",
        ),
        (
            (";".join(CSV_HEADERS) + "\r\n").encode("utf-8-sig"),
            "Filen har en rubrikrad men inga rader med uppgifter.",
        ),
    ],
)
def test_bad_files_get_a_clear_message(world, tmp_path, content, expected):
    before = _snapshot()
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert expected in _fails(path)
    assert _snapshot() == before


def test_wrong_columns_message_lists_the_expected_columns(world, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"Namn;Telefon\r\nX;1\r\n")
    message = _fails(path)
    assert "Kolumnerna i katalogens CSV-export väntades: Organisation; Typ; Beskrivning" in message


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="Kan inte läsa"):
        _import(tmp_path / "finns-inte.csv")


def test_dry_run_checks_and_changes_nothing(world, tmp_path):
    before = _snapshot()
    path = _file(tmp_path, [_row(Organisation="Prov", Kontaktperson="P")])
    assert "Filen är giltig: 1 organisationer, 1 kontaktpersoner." in _import(path, "--dry-run")
    assert _snapshot() == before


def test_contact_who_had_left_is_back_when_listed(world, directory, tmp_path):
    path = _file(
        tmp_path,
        [
            _row(
                Organisation="BUP Kalmar län",
                Typ="BUP",
                Kontaktperson="Per Berg",
                Kommuner="Kalmar kommun",
            )
        ],
    )
    _import(path)
    per = ContactPerson.objects.get(name="Per Berg")
    assert per.has_left is False
