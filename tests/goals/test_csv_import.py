"""The CSV template and import of a goal's values: the template's lines, a good file
saved, and every kind of bad file or line refused with nothing saved."""

import csv
import io
from decimal import Decimal
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from goals.models import Value
from tests.factories import add_shared_space
from tests.goals.factories import add_goal, add_values, count, share
from tests.goals.test_entry import english
from tests.shared import shared

HEADER = "indikator;kommunkod;period;värde;täljare;nämnare;kommentar"


@shared
def goals(world):
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    space = add_shared_space([kalmar, sodertalje], title="Samverkan K–S", slug="ks-csv")
    own = add_goal(
        world.content["A's section"],
        indicators=[share(), count()],
        first_year=2025,
        last_year=2026,
        slug="kalmars-csv-mal",
    )
    joint = add_goal(space, indicators=[count()], first_year=2026, last_year=2026, slug="gem")
    english(world.users["editor of A"], world.users["superuser"])
    return SimpleNamespace(world=world, own=own, joint=joint, users=world.users)


def upload(client, goal, content, name="varden.csv"):
    if isinstance(content, str):
        content = content.encode("utf-8")
    return client.post(
        reverse("goals_import", args=[goal.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
        follow=True,
    )


def test_the_template_lists_every_cell_with_current_values(client, goals):
    kalmar = goals.world.municipality_a
    rate, number = goals.own.indicators.order_by("sort_order")
    add_values(rate, {(kalmar, "2025"): (12, 14)})
    add_values(number, {(kalmar, "2026"): 30})
    client.force_login(goals.users["editor of A"])
    response = client.get(reverse("goals_import_template", args=[goals.own.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [
        HEADER,
        f"{rate.name};0880;2025;;12;14;",
        f"{rate.name};0880;2026;;;;",
        f"{number.name};0880;2025;;;;",
        f"{number.name};0880;2026;30;;;",
    ]


def test_the_template_has_only_the_users_municipalities(client, goals):
    client.force_login(goals.users["editor of A"])
    response = client.get(reverse("goals_import_template", args=[goals.joint.pk]))
    codes = [
        row[1]
        for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    ]
    assert codes == ["kommunkod", "0880"]
    client.force_login(goals.users["superuser"])
    response = client.get(reverse("goals_import_template", args=[goals.joint.pk]))
    assert "0181" in response.content.decode("utf-8-sig")


def test_a_good_file_is_saved(client, goals):
    kalmar = goals.world.municipality_a
    rate, number = goals.own.indicators.order_by("sort_order")
    add_values(number, {(kalmar, "2025"): 3})
    client.force_login(goals.users["editor of A"])
    response = upload(
        client,
        goals.own,
        "\ufeff"
        + "\r\n".join(
            [
                HEADER,
                f"{rate.name};0880;2025;;12;14;Från verksamhetssystemet",
                f"{rate.name};0880;2026;;;;",  # no figures: skipped, not deleted
                f"{number.name};0880;2025;8;;;",
                "",
            ]
        ),
    )
    assert "The file is imported: 2 values saved." in response.content.decode()
    rows = {(v.indicator_id, v.period): v for v in Value.objects.all()}
    assert set(rows) == {(rate.pk, "2025"), (number.pk, "2025")}
    assert (rows[(rate.pk, "2025")].numerator, rows[(rate.pk, "2025")].denominator) == (12, 14)
    assert rows[(rate.pk, "2025")].comment == "Från verksamhetssystemet"
    assert rows[(number.pk, "2025")].value == Decimal(8)
    assert {v.source for v in rows.values()} == {Value.CSV}
    assert {v.entered_by for v in rows.values()} == {goals.users["editor of A"]}


def test_commas_and_no_bom_are_accepted(client, goals):
    number = goals.own.indicators.order_by("sort_order")[1]
    client.force_login(goals.users["editor of A"])
    # A spreadsheet that read 0880 as a number writes 880.
    content = HEADER.replace(";", ",") + f"\n{number.name},880,2026,5,,,\n"
    response = upload(client, goals.own, content)
    assert "1 values saved" in response.content.decode()
    assert Value.objects.get().value == Decimal(5)


def test_one_bad_line_saves_nothing_and_is_named(client, goals):
    rate, number = goals.own.indicators.order_by("sort_order")
    client.force_login(goals.users["editor of A"])
    lines = [
        HEADER,
        f"{number.name};0880;2025;8;;;",
        f"{rate.name};0880;2025;;15;14;",
        f"{number.name};0181;2025;4;;;",
        "Okänd indikator;0880;2025;4;;;",
        f"{number.name};0880;2031;4;;;",
        f"{number.name};0880;2026;-1;;;",
        f"{rate.name};0880;2026;;3;;",
        f"{number.name};0880;2025;9;;;",
        f"{number.name};0880;2025;9;;",
        f"{number.name};0880;2026;²;;;",
    ]
    response = upload(client, goals.own, "\n".join(lines))
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "Line 2" not in page
    for number_of_line in range(3, 12):
        assert f"Line {number_of_line}:" in page, number_of_line
    assert "The numerator cannot be larger than the denominator." in page
    assert "0181" in page and "Okänd indikator" in page and "2031" in page
    assert "the same indicator, municipality and period as line 2" in page
    assert not Value.objects.exists()


def test_a_comment_with_an_identity_number_saves_nothing(client, goals):
    number = goals.own.indicators.order_by("sort_order")[1]
    client.force_login(goals.users["editor of A"])
    response = upload(
        client, goals.own, f"{HEADER}\n{number.name};0880;2025;8;;;Pelle 850101-1236\n"
    )
    assert "Line 2:" in response.content.decode()
    assert not Value.objects.exists()


def test_bad_files_are_refused_with_a_message(client, goals):
    number = goals.own.indicators.order_by("sort_order")[1]
    client.force_login(goals.users["editor of A"])
    line = f"{number.name};0880;2025;8;;;\n"
    cases = [
        ("indikator;kommun;period;värde\n" + line, "The first line must be"),
        ((HEADER + "\n" + line).encode("latin-1"), "The file is not UTF-8"),
        (b"", "The file is empty."),
        (b"   \n", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not"),
        ((HEADER + "\n" + line * 40000).encode(), "The file is too large"),
        (HEADER + "\n", "The file holds no values to save."),
    ]
    for content, message in cases:
        response = upload(client, goals.own, content)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Nothing was saved" in page, message
        assert message in page, message
    response = client.post(reverse("goals_import", args=[goals.own.pk]), {})
    assert "Choose a CSV file to import." in response.content.decode()
    assert not Value.objects.exists()


def test_the_import_page_offers_the_template(client, goals):
    client.force_login(goals.users["editor of A"])
    page = client.get(reverse("goals_import", args=[goals.own.pk])).content.decode()
    assert reverse("goals_import_template", args=[goals.own.pk]) in page
    assert 'type="file"' in page
    client.force_login(goals.users["staff of A"])
    response = client.get(reverse("goals_import_template", args=[goals.own.pk]))
    assert response.status_code in (302, 404)
