"""Smaller access fixes of issue 9: odd input in the identity-number override, no shared
password for collections, the same answer for missing and refused addresses, refusals in
the audit log."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from django.utils.translation import gettext, override

from portal.models import IdentityNumberOverride

OVERRIDE_URL = "/admin/personnummer/tillat/"
HUGE = "99999999999999999999999999"


LINK_ERRORS = [
    "The link is incomplete or damaged.",
    "The link names a content type that does not exist.",
    "The link names an object that does not exist.",
]


def _sv(message):
    """A message as the Swedish interface shows it (translated or not yet)."""
    with override("sv"):
        return escape(gettext(message))


def _page_ct(page):
    return ContentType.objects.get_for_model(type(page.specific)).pk


# --- identity-number override: odd input answers 400, never 500 ---------------------


@pytest.mark.parametrize(
    "query",
    [
        "ct=abc",
        "ct=1e309",
        "ct=NaN",
        f"ct={HUGE}",
        "ct=-1",
        "ct=",
        "",
        "ct=1&ct=abc",
        "ct={ct}&obj=abc",
        "ct={ct}&obj=" + HUGE,
        "ct={ct}&obj=1e309",
        "ct={ct}&obj=" + "9" * 1000,
        "ct=999999&obj=1",
        "ct={ct}&obj=999999",
    ],
)
def test_a_damaged_override_link_answers_400_with_a_message(client, world, query):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    url = f"{OVERRIDE_URL}?{query.format(ct=_page_ct(page))}"
    response = client.get(url)
    assert response.status_code == 400
    assert any(_sv(message) in response.content.decode() for message in LINK_ERRORS)
    response = client.post(url, {"number": "1212121212", "reason": "Ordernummer"})
    assert response.status_code == 400
    assert not IdentityNumberOverride.objects.exists()


def test_a_sound_override_link_still_shows_the_form(client, world):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    response = client.get(f"{OVERRIDE_URL}?ct={_page_ct(page)}&obj={page.pk}&number=1212121212")
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize("user", ["editor of A", "staff of A", "partner user"])
def test_others_learn_nothing_from_the_override_link(client, world, user):
    """Existing object, missing object, damaged link: the same refusal for non-superusers."""
    page = world.content["A's section"]
    client.force_login(world.users[user])
    ct = _page_ct(page)
    answers = {
        (response.status_code, response.get("Location", "").split("?")[0])
        for response in (
            client.get(f"{OVERRIDE_URL}?ct={ct}&obj={page.pk}"),
            client.get(f"{OVERRIDE_URL}?ct={ct}&obj=999999"),
            client.get(f"{OVERRIDE_URL}?ct={ct}&obj=abc"),
            client.get(f"{OVERRIDE_URL}?ct={HUGE}"),
        )
    }
    assert len(answers) == 1
    status, location = answers.pop()
    # Wagtail sends admin users it refuses to the dashboard, others to the login.
    assert (status, location) in ((302, "/konto/login/"), (302, "/admin/"), (403, ""))
