"""The demo of issue 25: routines for Kalmar's staff to confirm (one partly confirmed) and
the demo users' subscriptions, seeded once for the module (seeding is slow)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from knowledge.models import Acknowledgement, KnowledgePage
from subscriptions.models import Notification, Preference, Subscription
from tests.shared import shared

pytestmark = pytest.mark.django_db


@shared
def demo():
    call_command("seed_demo", verbosity=0)
    return {}


def _counts():
    return {
        "users": get_user_model().objects.count(),
        "to confirm": KnowledgePage.objects.exclude(confirm_revision=None).count(),
        "acknowledgements": Acknowledgement.objects.count(),
        "subscriptions": Subscription.objects.count(),
        "preferences": Preference.objects.count(),
        "notifications": Notification.objects.count(),
    }


def _user(email):
    return get_user_model().objects.get(email=email)


def test_staff_see_what_to_read_editors_who_has_read_it_and_the_bell_counts(demo, client):
    kalle = _user("personal.kalmar@demo.samverkan.se")
    client.force_login(kalle)
    with translation.override("en"):
        home = client.get("/").content.decode()
    to_read = re.search(r'class="kb-to-read".*?</section>', home, re.S)
    assert to_read, "no list of pages to read on Kalmar staff's start page"
    assert "Brandskydd och utrymning på HVB" in to_read.group(0)
    unread = int(re.search(r'data-unread="(\d+)"', home).group(1))
    assert unread >= 3

    partly = KnowledgePage.objects.get(slug="brandskydd-hvb")
    assert partly.confirm_revision_id is not None
    client.force_login(_user("redaktor.kalmar@demo.samverkan.se"))
    readers = client.get(f"/admin/kunskapsbanken/lasbekraftelser/{partly.pk}/")
    assert readers.status_code == 200
    # Two of Kalmar's four staff have confirmed; the others are named for their editor.
    assert re.search(r'data-confirmed="\d+">2 \w+ 4<', readers.content.decode())
    assert "Kalle Medarbetare" in readers.content.decode()

    lina = _user("partner.lernia@demo.samverkan.se")
    assert Subscription.objects.filter(user=lina, page__slug="samverkan-roslagen").exists()


def test_seeding_twice_changes_no_rows(demo):
    first = _counts()
    assert first["to confirm"] >= 3 and first["acknowledgements"] >= 2
    call_command("seed_demo", verbosity=0)
    assert _counts() == first
