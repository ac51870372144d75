"""Setting up a goal in the admin: the page form under a section, its indicators inline."""

import pytest

from tests.factories import MunicipalityFactory, UserFactory
from tests.goals.factories import add_goal, count, share

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_goal_in_their_section_and_computes_only_from_its_own_counts(client):
    kalmar = MunicipalityFactory(name="Kalmar kommun", code="0880")
    section = kalmar.section_page.specific
    goal = add_goal(section, indicators=[share(), count()])
    add_goal(section, indicators=[count(name="Ett annat måls antal")])
    editor = UserFactory(email="redaktor@kalmar.se", groups=[kalmar.editors_group])
    client.force_login(editor)

    add_form = client.get(f"/admin/pages/add/goals/goalpage/{section.pk}/")
    assert add_form.status_code == 200
    edit_form = client.get(f"/admin/pages/{goal.pk}/edit/").content.decode()
    # The computed indicator's choices: this goal's count, not the other goal's.
    choices = edit_form[edit_form.index('name="indicators-0-computed_numerator"') :]
    choices = choices[: choices.index("</select>")]
    assert "Antal deltagare" in choices
    assert "Ett annat måls antal" not in choices
    assert "Andel med sysselsättning" not in choices  # a percentage is not a count
