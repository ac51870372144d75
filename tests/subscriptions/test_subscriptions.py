"""Bevaka: following, notifications on publish, the bell, digests and unsubscribing
(issue 25, items 3 and 4). Markers and counts, not words: the Swedish catalogue is
compiled at the end."""

import re

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from news.models import NewsIndexPage
from subscriptions.models import DigestSent, Notification, Preference, Subscription
from subscriptions.notifications import notify
from subscriptions.tokens import make_token
from tests.factories import UserFactory, add_news_post, add_page, publish_new
from tests.knowledge.factories import add_index, add_routine, topic

FOLLOW = "/bevakningar/folj/"


def _follow(client, **data):
    return client.post(FOLLOW, data)


def _publish(page, user=None):
    page = Page.objects.get(pk=page.pk).specific
    page.save_revision(user=user).publish()
    return page


def _notified(page):
    return set(Notification.objects.filter(page=page).values_list("user_id", flat=True))


def _staff(world, count):
    group = world.municipality_a.members_group
    return [UserFactory(email=f"kalmar{n}@example.se", groups=[group]) for n in range(count)]


# --- following -------------------------------------------------------------------------


def test_follow_and_unfollow_a_page(client, world):
    user, page = world.users["staff of A"], world.content["page deep under A"]
    client.force_login(user)
    html = client.get(page.url).content.decode()
    assert f'name="page" value="{page.pk}"' in html and 'data-following="false"' in html

    response = _follow(client, page=page.pk, next=page.url)
    assert response.status_code == 302 and response["Location"] == page.url
    assert Subscription.objects.filter(user=user, page=page).count() == 1
    assert 'data-following="true"' in client.get(page.url).content.decode()
    _follow(client, page=page.pk)  # twice is still one
    assert Subscription.objects.filter(user=user, page=page).count() == 1

    listing = client.get("/bevakningar/").content.decode()
    assert f'data-subscription="page-{page.pk}"' in listing

    response = _follow(client, page=page.pk, action="unfollow", next="/bevakningar/")
    assert response["Location"] == "/bevakningar/"
    assert not Subscription.objects.filter(user=user).exists()
    assert 'data-following="false"' in client.get(page.url).content.decode()


def test_a_page_of_another_section_cannot_be_followed(client, world):
    client.force_login(world.users["staff of A"])
    section_b = world.content["B's section"]
    assert _follow(client, page=section_b.pk).status_code == 404
    assert _follow(client, news_of=section_b.pk).status_code == 404
    assert _follow(client, page=999999).status_code == 404
    assert _follow(client, page="x").status_code == 404
    assert _follow(client).status_code == 404
    assert not Subscription.objects.exists()


def test_next_must_be_on_this_host(client, world):
    client.force_login(world.users["staff of A"])
    page = world.content["page deep under A"]
    response = _follow(client, page=page.pk, next="https://evil.example/")
    assert response["Location"] == "/bevakningar/"


def test_visitors_see_no_button_and_cannot_follow(client, world):
    page = world.content["public page"]
    assert 'action="/bevakningar/folj/"' not in client.get(page.url).content.decode()
    response = _follow(client, page=page.pk)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert not Subscription.objects.exists()


def test_follow_needs_csrf(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["staff of A"])
    assert _follow(client, page=world.content["public page"].pk).status_code == 403


def test_sections_news_and_topics_have_their_own_buttons(client, world):
    section = world.content["A's section"]
    news = publish_new(section, NewsIndexPage(title="Nyheter", slug="nyheter"))
    bank = add_index(section, slug="kb")
    hvb = topic("HVB")
    client.force_login(world.users["staff of A"])

    assert f'name="page" value="{section.pk}"' in client.get(section.url).content.decode()
    html = client.get(news.url).content.decode()
    assert f'name="news_of" value="{section.pk}"' in html
    html = client.get(bank.url + "?topic=hvb").content.decode()
    assert f'name="topic" value="{hvb.pk}"' in html

    assert _follow(client, news_of=section.pk).status_code == 302
    assert _follow(client, topic=hvb.pk).status_code == 302
    listing = client.get("/bevakningar/").content.decode()
    assert f"news_of-{section.pk}" in listing and f"topic-{hvb.pk}" in listing


# --- notifications on publish ------------------------------------------------------------


def test_a_publish_notifies_only_subscribers_who_may_read_it(world):
    page = world.content["page deep under A"]
    staff_a, staff_b = world.users["staff of A"], world.users["staff of B"]
    editor = world.users["editor of A"]
    for user in (staff_a, staff_b, editor):  # staff of B followed it before: no access now
        Subscription.objects.create(user=user, page=page)
    _publish(page, user=editor)
    assert _notified(page) == {staff_a.pk}  # not B, not the publishing editor
    assert Notification.objects.get(page=page).kind == Notification.CHANGED


def test_sections_topics_and_news_reach_their_subscribers(world):
    section = world.content["A's section"]
    by_section, by_topic, by_news, other = (
        world.users["staff of A"],
        UserFactory(groups=[world.municipality_a.members_group]),
        UserFactory(groups=[world.municipality_a.members_group]),
        UserFactory(groups=[world.municipality_a.members_group]),
    )
    hvb = topic("HVB")
    Subscription.objects.create(user=by_section, page=section)
    Subscription.objects.create(user=by_topic, topic=hvb)
    Subscription.objects.create(user=by_news, news_of=section)
    Subscription.objects.create(user=other, page=world.content["public page"])

    new_page = add_page(section, title="Ny sida")
    assert _notified(new_page) == {by_section.pk}
    assert Notification.objects.get(page=new_page).kind == Notification.NEW
    bank = add_index(section, slug="kb")
    routine = add_routine(bank, title="Rutin", topics=[hvb])
    assert _notified(routine) == {by_section.pk, by_topic.pk}
    news = publish_new(section, NewsIndexPage(title="Nyheter", slug="nyheter"))
    post = add_news_post(news, title="Nyhet")
    assert _notified(post) == {by_section.pk, by_news.pk}


def test_notifying_costs_the_same_for_2_and_20_subscribers(world):
    page = world.content["page deep under A"]
    costs = []
    for count in (2, 20):
        Subscription.objects.all().delete()
        for user in _staff(world, count) if count == 2 else _staff_more(world, count):
            Subscription.objects.create(user=user, page=page)
        revision = page.save_revision()
        with CaptureQueriesContext(connection) as queries:
            readers = notify(page, revision)
        assert len(readers) == count
        costs.append(len(queries))
    assert costs[0] == costs[1], costs


def _staff_more(world, count):
    group = world.municipality_a.members_group
    return [UserFactory(email=f"fler{n}@example.se", groups=[group]) for n in range(count)]


# --- the bell and the notifications page ------------------------------------------------


def _notify_directly(user, pages):
    return Notification.objects.bulk_create([Notification(user=user, page=p) for p in pages])


def test_bell_counts_unread_and_the_page_marks_them_read(client, world):
    user = world.users["staff of A"]
    visible = [world.content["page deep under A"], world.content["public page"]]
    hidden = world.content["B's section"]
    _notify_directly(user, visible + [world.content["A's section"], hidden])
    client.force_login(user)

    html = client.get("/").content.decode()
    assert 'data-unread="3"' in html and 'href="/bevakningar/nytt/"' in html
    assert re.search(r'aria-label="3 [^"]+"', html)

    listing = client.get("/bevakningar/nytt/").content.decode()
    assert listing.count("data-notification=") == 3
    assert hidden.title not in listing and hidden.url not in listing
    assert 'data-unread="0"' in client.get("/").content.decode()
    # The hidden one is not marked read, nor shown or counted.
    assert Notification.objects.filter(read_at=None).count() == 1


def test_a_page_that_becomes_unreadable_leaves_the_bell_and_the_list(client, world):
    user = world.users["staff of A"]
    page = world.content["page deep under A"]
    _notify_directly(user, [page])
    client.force_login(user)
    assert 'data-unread="1"' in client.get("/").content.decode()
    user.groups.remove(world.municipality_a.members_group)
    assert 'data-unread="0"' in client.get("/").content.decode()
    assert "data-notification=" not in client.get("/bevakningar/nytt/").content.decode()


def _cost(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_lists_cost_the_same_for_2_and_20_rows(client, world):
    user = world.users["staff of A"]
    client.force_login(user)
    pages = [add_page(world.content["A's section"], title=f"Sida {n}") for n in range(20)]
    costs = {}
    for count in (2, 20):
        Notification.objects.all().delete()
        Subscription.objects.all().delete()
        _notify_directly(user, pages[:count])
        for page in pages[:count]:
            Subscription.objects.create(user=user, page=page)
        costs[count] = (_cost(client, "/bevakningar/nytt/"), _cost(client, "/bevakningar/"))
    assert costs[2] == costs[20], costs


def test_the_bell_and_button_cost_no_query_when_warm(client, world):
    client.force_login(world.users["staff of A"])
    page = world.content["page deep under A"]
    before = _cost(client, page.url)
    Subscription.objects.create(user=world.users["staff of A"], page=page)
    _notify_directly(world.users["staff of A"], [page])
    from subscriptions.state import touch

    touch([world.users["staff of A"].pk])
    assert _cost(client, page.url) == before


# --- digests ----------------------------------------------------------------------------


def _digest(frequency="weekly", date="2026-12-03"):
    call_command("send_digests", frequency=frequency, date=date, stdout=open("/dev/null", "w"))


def test_digest_leaves_out_a_page_the_reader_lost_access_to(world):
    user = world.users["staff of A"]
    kept, lost = world.content["public page"], world.content["page deep under A"]
    _notify_directly(user, [kept, lost])
    user.groups.remove(world.municipality_a.members_group)  # after the notifications
    _digest()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert kept.title in body and kept.url in body
    assert lost.title not in body and lost.url not in body
    assert not Notification.objects.filter(mailed_at=None).exists()


def test_digest_has_title_url_kind_and_the_change_note(world):
    from knowledge.models.acknowledgements import PageChange

    user = world.users["staff of A"]
    page = world.content["page deep under A"]
    Subscription.objects.create(user=user, page=page)
    page = Page.objects.get(pk=page.pk).specific
    revision = page.save_revision(user=world.users["editor of A"])
    PageChange.objects.create(page=page, revision=revision, note="Ny telefontid")
    revision.publish()
    _digest()
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert page.title in message.body and page.get_full_url() in message.body
    assert "Ny telefontid" in message.body


def test_one_mail_per_period(world):
    user = world.users["staff of A"]
    _notify_directly(user, [world.content["public page"]])
    _digest()
    _digest()
    assert len(mail.outbox) == 1
    _notify_directly(user, [world.content["page deep under A"]])
    _digest()  # the same week: nothing more
    assert len(mail.outbox) == 1
    assert DigestSent.objects.get(user=user).period_key == "2026-W49"
    _digest(date="2026-12-10")  # next week
    assert len(mail.outbox) == 2


def test_only_users_with_that_frequency_get_it(world):
    weekly, daily, never = (
        world.users["staff of A"],
        world.users["editor of A"],
        world.users["superuser"],
    )
    Preference.objects.create(user=daily, frequency=Preference.DAILY)
    Preference.objects.create(user=never, frequency=Preference.NEVER)
    for user in (weekly, daily, never):
        _notify_directly(user, [world.content["public page"]])
    _digest("daily")
    assert [m.to for m in mail.outbox] == [[daily.email]]
    assert DigestSent.objects.get().period_key == "2026-12-03"
    _digest("weekly")
    assert [m.to for m in mail.outbox][1:] == [[weekly.email]]


def test_immediately_sends_one_mail_per_publish(world, django_capture_on_commit_callbacks):
    user = world.users["staff of A"]
    Preference.objects.create(user=user, frequency=Preference.IMMEDIATELY)
    Subscription.objects.create(user=user, page=world.content["A's section"])
    with django_capture_on_commit_callbacks(execute=True):
        add_page(world.content["A's section"], title="Första")
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        add_page(world.content["A's section"], title="Andra")
    assert len(mail.outbox) == 2 and "Andra" in mail.outbox[1].body


def test_digest_cost_is_flat_in_the_number_of_notifications(world):
    from subscriptions.digest import send_digest

    user = world.users["staff of A"]
    pages = [add_page(world.content["A's section"], title=f"Sida {n}") for n in range(20)]
    _notify_directly(user, pages[:1])
    assert send_digest(user.pk, "weekly", "warm-up")  # warms the site's root paths
    costs = []
    for n, count in enumerate((2, 20)):
        _notify_directly(user, pages[:count])
        with CaptureQueriesContext(connection) as queries:
            assert send_digest(user.pk, "weekly", f"key-{n}")
        costs.append(len(queries))
    assert costs[0] == costs[1], costs


# --- unsubscribing ----------------------------------------------------------------------


def test_mail_has_one_click_unsubscribe_headers(world):
    user = world.users["staff of A"]
    _notify_directly(user, [world.content["public page"]])
    _digest()
    (message,) = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<https?://[^>]+/bevakningar/avsluta/[^/>]+/>", header)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header[1:-1] in message.body
    assert "List-Unsubscribe" in message.message().as_string()


def test_unsubscribe_without_logging_in(client, world):
    user = world.users["staff of A"]
    url = f"/bevakningar/avsluta/{make_token(user)}/"
    response = client.get(url)
    assert response.status_code == 200 and b"data-unsubscribe" in response.content
    assert not Preference.objects.filter(user=user).exists()  # a GET changes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and b"data-unsubscribed" in response.content
    assert Preference.objects.get(user=user).frequency == Preference.NEVER
    _notify_directly(user, [world.content["public page"]])
    _digest()
    assert mail.outbox == []


def test_a_bad_token_changes_nothing(client, world):
    user = world.users["staff of A"]
    Preference.objects.create(user=user, frequency=Preference.DAILY)
    token = make_token(user)
    for bad in (token[:-2] + "xx", "nonsense", token.replace(":", ":1", 1)):
        url = f"/bevakningar/avsluta/{bad}/"
        assert client.get(url).status_code == 400
        response = client.post(url)
        assert response.status_code == 400 and b"data-unsubscribe-invalid" in response.content
    assert Preference.objects.get(user=user).frequency == Preference.DAILY


def test_an_expired_token_changes_nothing(client, world, monkeypatch):
    from subscriptions import tokens

    user = world.users["staff of A"]
    token = make_token(user)
    monkeypatch.setattr(tokens, "MAX_AGE", -1)
    assert client.post(f"/bevakningar/avsluta/{token}/").status_code == 400
    assert not Preference.objects.filter(user=user).exists()


def test_frequency_form(client, world):
    user = world.users["staff of A"]
    client.force_login(user)
    assert client.post("/bevakningar/", {"frequency": "daily"}).status_code == 302
    assert Preference.objects.get(user=user).frequency == Preference.DAILY
    response = client.post("/bevakningar/", {"frequency": "hourly"})
    assert response.status_code == 200
    assert Preference.objects.get(user=user).frequency == Preference.DAILY
    assert b'href="/bevakningar/"' in client.get("/konto/mitt-konto/").content


def test_subscription_list_hides_targets_no_longer_readable(client, world):
    user = world.users["staff of A"]
    Subscription.objects.create(user=user, page=world.content["B's section"])
    Subscription.objects.create(user=user, page=world.content["public page"])
    client.force_login(user)
    html = client.get("/bevakningar/").content.decode()
    assert html.count("data-subscription=") == 1
    assert world.content["B's section"].title not in html


def test_what_one_follows_but_can_no_longer_open_is_counted_not_named_and_can_be_dropped(
    client, world
):
    user = world.users["staff of A"]
    section_b = world.content["B's section"]
    Subscription.objects.create(user=user, page=world.content["page deep under A"])
    Subscription.objects.create(user=user, page=section_b)  # followed before, say, a move
    client.force_login(user)
    listing = client.get("/bevakningar/").content.decode()
    assert section_b.title not in listing
    assert 'value="forget_hidden"' in listing
    _follow(client, action="forget_hidden")
    assert list(Subscription.objects.filter(user=user).values_list("page_id", flat=True)) == [
        world.content["page deep under A"].pk
    ]
    assert 'value="forget_hidden"' not in client.get("/bevakningar/").content.decode()
