"""My data (GDPR art. 15) holds what the apps keep about the person: read confirmations,
what they follow and their notifications, the figures they entered for goals."""

import json

import pytest

from goals.models import Value
from knowledge.models import Acknowledgement
from subscriptions.models import Notification, Subscription
from tests.goals.factories import add_goal, count

pytestmark = pytest.mark.django_db


def test_my_data_lists_the_apps_rows_and_names_only_pages_still_open_to_me(client, world):
    editor = world.users["editor of A"]
    page_a = world.content["page deep under A"]
    section_b = world.content["B's section"]
    Subscription.objects.create(user=editor, page=page_a)
    Subscription.objects.create(user=editor, page=section_b)  # made before a move, say
    Notification.objects.create(user=editor, page=section_b)
    goal = add_goal(world.content["A's section"], indicators=[count()], title="Fler i arbete")
    Value.objects.create(
        indicator=goal.indicators.get(),
        municipality=world.municipality_a,
        period="2025",
        value=12,
        entered_by=editor,
    )
    client.force_login(editor)
    data = json.loads(client.get("/konto/mitt-konto/mina-uppgifter.json").content)["more"]
    followed = [row["target"] for row in data["subscriptions"]["rows"]]
    assert page_a.title in followed
    assert section_b.title not in json.dumps(data, ensure_ascii=False)
    assert "En sida du inte längre kan öppna" in followed
    assert data["goal_values"]["rows"] == [
        {"goal": "Fler i arbete", "count": 1, "last": data["goal_values"]["rows"][0]["last"]}
    ]
    assert data["acknowledgements"]["rows"] == []
    assert not Acknowledgement.objects.filter(user=editor).exists()

    page = client.get("/konto/mitt-konto/mina-uppgifter/").content.decode()
    assert "Siffror du har lagt in för mål" in page and "Fler i arbete" in page
    assert section_b.title not in page.split("<main", 1)[1]
