"""`manage.py send_review_reminders`: one digest per owner and period."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tests.factories import UserFactory
from tests.knowledge.factories import add_agreement, add_routine
from tests.shared import shared

D = datetime.date


@shared
def owners(world, banks):
    kalmar = world.municipality_a
    anna = UserFactory(
        email="anna@example.se", first_name="Anna", last_name="Berg", groups=[kalmar.editors_group]
    )
    bo = UserFactory(
        email="bo@example.se", first_name="Bo", last_name="Ek", groups=[kalmar.members_group]
    )
    add_routine(banks["A"], owner=anna, title="Försenad rutin", last_reviewed=D(2025, 10, 1))
    add_routine(banks["A"], owner=anna, title="Snart granskning", last_reviewed=D(2025, 12, 10))
    add_routine(banks["A"], owner=anna, title="Nyss granskad", last_reviewed=D(2026, 11, 1))
    add_agreement(
        banks["shared"],
        D(2025, 1, 1),
        D(2027, 1, 15),
        title="Avtal som löper ut",
        content_owner=bo,
        last_reviewed=D(2026, 11, 1),
    )
    add_routine(banks["B"], owner=None, title="Utan ägare", last_reviewed=D(2024, 1, 1))
    return anna, bo


def _run(today, *extra):
    out = StringIO()
    call_command("send_review_reminders", f"--today={today}", *extra, stdout=out)
    return out.getvalue()


def test_each_owner_gets_one_digest_of_what_is_due(owners):
    anna, bo = owners
    output = _run("2026-11-25")
    assert "Sent 2 digest(s)" in output
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"anna@example.se", "bo@example.se"}
    to_anna = by_recipient["anna@example.se"]
    assert to_anna.subject == "Samverkansportalen: 2 sidor att granska"
    assert "Hej Anna Berg!" in to_anna.body
    assert "Försenad rutin: Granskning försenad (2026-10-01)" in to_anna.body
    assert "Snart granskning: Snart dags för granskning (2026-12-10)" in to_anna.body
    assert "Nyss granskad" not in to_anna.body
    assert "/admin/pages/" in to_anna.body
    assert (
        "Avtal som löper ut: Löper ut inom 90 dagar (2027-01-15)"
        in by_recipient["bo@example.se"].body
    )


def test_running_again_in_the_same_period_sends_nothing(owners):
    _run("2026-11-25")
    _run("2026-11-25")
    output = _run("2026-11-30")
    assert len(mail.outbox) == 2
    assert "Sent 0 digest(s); 2 owner(s) already had this period's." in output


def test_a_new_period_sends_a_new_digest(owners):
    _run("2026-11-25")
    _run("2026-12-01")
    assert len(mail.outbox) == 4


def test_weekly_periods(owners):
    _run("2026-11-23", "--period=week")  # Monday
    _run("2026-11-29", "--period=week")  # Sunday, same ISO week
    assert len(mail.outbox) == 2
    _run("2026-11-30", "--period=week")
    assert len(mail.outbox) == 4


def test_bad_date_is_refused_with_a_clear_message(db):
    with pytest.raises(CommandError, match="--today must be a date"):
        _run("25/11/2026")


def test_an_owner_who_may_not_read_the_page_is_not_told_about_it(world, banks):
    outsider = UserFactory(email="ute@example.se", groups=[world.municipality_b.members_group])
    add_routine(
        banks["A"], owner=outsider, title="Kalmars hemliga rutin", last_reviewed=D(2024, 1, 1)
    )
    _run("2026-11-25")
    assert not [m for m in mail.outbox if "ute@example.se" in m.to]
