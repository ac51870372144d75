"""The content-health report in the Wagtail admin."""

import datetime

from wagtail.models import Collection

from knowledge import health
from tests.factories import add_document
from tests.knowledge.conftest import TODAY
from tests.knowledge.factories import add_agreement, add_routine

D = datetime.date


def _content(world, banks):
    owner = world.users["editor of A"]
    pages = {
        "overdue A": add_routine(
            banks["A"], owner=owner, title="Försenad i Kalmar", last_reviewed=D(2025, 1, 10)
        ),
        "fresh A": add_routine(
            banks["A"], owner=owner, title="Färsk i Kalmar", last_reviewed=D(2026, 10, 1)
        ),
        "no owner A": add_routine(
            banks["A"], title="Ägarlös i Kalmar", last_reviewed=D(2026, 10, 1)
        ),
        "overdue B": add_routine(
            banks["B"], owner=owner, title="Försenad i Södertälje", last_reviewed=D(2025, 1, 10)
        ),
        "expiring": add_agreement(
            banks["shared"],
            D(2025, 1, 1),
            D(2027, 1, 31),
            title="Snart slut",
            content_owner=owner,
            municipalities=[world.municipality_a],
            last_reviewed=D(2026, 10, 1),
        ),
        "expired": add_agreement(
            banks["shared"],
            D(2024, 1, 1),
            D(2026, 1, 31),
            title="Redan slut",
            content_owner=owner,
            municipalities=[world.municipality_b],
            last_reviewed=D(2026, 10, 1),
        ),
    }
    gone = add_document(Collection.get_first_root_node(), "Borta.pdf")
    missing_file = add_document(Collection.get_first_root_node(), "Saknas.pdf")
    pages["broken"] = add_routine(
        banks["A"],
        owner=owner,
        title="Trasig länk",
        last_reviewed=D(2026, 10, 1),
        attachments=[gone, missing_file],
    )
    missing_file.refresh_from_db()
    missing_file.file.storage.delete(missing_file.file.name)
    gone.delete()
    return pages


def _kinds(problems):
    return {(p.page.title, p.kind) for p in problems}


def test_report_lists_every_kind_of_problem(world, banks):
    _content(world, banks)
    problems = _kinds(health.health_report(world.users["superuser"], TODAY))
    assert ("Försenad i Kalmar", health.OVERDUE) in problems
    assert ("Försenad i Södertälje", health.OVERDUE) in problems
    assert ("Snart slut", health.EXPIRING) in problems
    assert ("Redan slut", health.EXPIRED) in problems
    assert ("Ägarlös i Kalmar", health.NO_OWNER) in problems
    broken = [
        p
        for p in health.health_report(world.users["superuser"], TODAY)
        if p.kind == health.BROKEN_LINK
    ]
    assert {p.detail for p in broken} == {
        "En bilagas dokument har tagits bort.",
        "Filen till ”Saknas.pdf” saknas.",
    }
    assert not any(title == "Färsk i Kalmar" for title, _kind in problems)


def test_report_filters_by_municipality(world, banks):
    _content(world, banks)
    problems = _kinds(
        health.health_report(world.users["superuser"], TODAY, municipality=world.municipality_b)
    )
    assert problems == {("Försenad i Södertälje", health.OVERDUE), ("Redan slut", health.EXPIRED)}


def test_editor_sees_only_their_own_municipalitys_problems(world, banks):
    _content(world, banks)
    titles = {
        title for title, _kind in _kinds(health.health_report(world.users["editor of A"], TODAY))
    }
    assert titles == {"Försenad i Kalmar", "Ägarlös i Kalmar", "Snart slut", "Trasig länk"}
    # Staff without editing rights get nothing.
    assert health.health_report(world.users["staff of A"], TODAY) == []


def test_admin_report_page_for_an_editor(client, world, banks, fixed_today):
    _content(world, banks)
    client.force_login(world.users["editor of A"])
    response = client.get("/admin/kunskapsbanken/innehallshalsa/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Innehållshälsa" in html
    assert "Försenad i Kalmar" in html and "Granskning försenad" in html
    assert "Försenad i Södertälje" not in html and "Redan slut" not in html
    assert "Markera som granskad" in html
    # The municipality filter only offers the editor's own municipality.
    assert "Södertälje kommun" not in html[html.index('name="municipality"') :]

    filtered = client.get("/admin/kunskapsbanken/innehallshalsa/?kind=no_owner").content.decode()
    assert "Ägarlös i Kalmar" in filtered and "Försenad i Kalmar" not in filtered


def test_marking_reviewed_from_the_report_clears_the_problem(client, world, banks, fixed_today):
    pages = _content(world, banks)
    client.force_login(world.users["editor of A"])
    response = client.post(
        f"/admin/kunskapsbanken/granskad/{pages['overdue A'].pk}/", {"return_to": "health"}
    )
    assert response.status_code == 302 and response["Location"].endswith("/innehallshalsa/")
    html = client.get(response["Location"]).content.decode()
    assert "”Försenad i Kalmar” är markerad som granskad i dag." in html
    assert ">Försenad i Kalmar</a>" not in html


def test_report_is_not_for_staff_without_admin_access(client, world, banks):
    client.force_login(world.users["staff of A"])
    response = client.get("/admin/kunskapsbanken/innehallshalsa/")
    assert response.status_code == 302


def test_report_flags_files_some_readers_of_the_page_cannot_open(world, banks):
    kalmar_only = add_document(world.municipality_a.collection, "Bara Kalmar.pdf")
    add_routine(
        banks["space"],
        owner=world.users["editor of A"],
        title="Delad rutin",
        last_reviewed=D(2026, 10, 1),
        attachments=[kalmar_only],
    )
    details = [
        p.detail
        for p in health.health_report(world.users["superuser"], TODAY)
        if p.kind == health.BROKEN_LINK
    ]
    assert details == [
        "”Bara Kalmar.pdf” ligger i samlingen ”Kalmar kommun”, som en del av sidans "
        "läsare inte kan öppna."
    ]
