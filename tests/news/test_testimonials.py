"""Röster: the consent rule on every publishing path, the daily expiry, who sees which
testimonial (site and admin), the Röster page, the home page selection and the demo."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Collection, ModelLogEntry

from knowledge import clock
from news import testimonials as rules
from news.demo_testimonials import seed_testimonial_page, seed_testimonials
from news.models import Testimonial as Voice
from portal.access import access_for
from portal.provisioning import home_page
from tests.factories import UserFactory, add_image
from tests.shared import shared

DAY = datetime.timedelta(days=1)


def _consent(today=None):
    today = today or clock.today()
    return {
        "consent_given_by": "Personen själv",
        "consent_date": today - 30 * DAY,
        "consent_until": today + 365 * DAY,
    }


def make(quote="Det blev bättre när vi pratade med varandra.", publish=True, consent=True, **kw):
    fields = {
        "quote": quote,
        "role": Voice.YOUNG_PERSON,
        "short_text": "En kort text om skolan.",
        "full_text": "Hela berättelsen om skolan och boendet.",
    }
    if consent:
        fields.update(_consent())
    fields.update(kw)
    testimonial = Voice(live=False, **fields)
    testimonial.save()
    if publish:
        testimonial.save_revision().publish()
    testimonial.refresh_from_db()
    return testimonial


def _expire(testimonial, days_ago=1):
    """Time passes: the consent of a live testimonial ended `days_ago` days ago."""
    Voice.objects.filter(pk=testimonial.pk).update(consent_until=clock.today() - days_ago * DAY)
    testimonial.refresh_from_db()
    return testimonial


@shared
def page():
    return seed_testimonial_page(home_page())


def _grant_testimonial_rights(group):
    """Provisioning gives every municipality's editors these rights (no hand-made grants)."""
    granted = set(
        group.permissions.filter(content_type__app_label="news").values_list("codename", flat=True)
    )
    assert {"add_testimonial", "change_testimonial", "publish_testimonial"} <= granted


# --- the consent rule ---------------------------------------------------------------------


def _form_data(municipality, **overrides):
    data = {
        "quote": "Skolan blev min trygga plats.",
        "first_name": "Sami",
        "role": Voice.YOUNG_PERSON,
        "municipality": municipality.pk,
        "photo": "",
        "photo_alt": "",
        "short_text": "Sami om skolan.",
        "full_text": "Sami berättar om skolan.",
        "consent_given_by": "",
        "consent_date": "",
        "consent_until": "",
        "consent_note": "",
    }
    data.update(overrides)
    return data


ADD_URL = "/admin/snippets/news/testimonial/add/"


def test_publishing_in_the_admin_without_consent_is_refused_with_errors_on_the_fields(
    client, world
):
    client.force_login(world.users["superuser"])
    response = client.post(
        ADD_URL, _form_data(world.municipality_a, **{"action-publish": "action-publish"})
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {"consent_given_by", "consent_date", "consent_until"}
    assert "Ange vem som gav samtycket innan du publicerar." in response.content.decode()
    assert not Voice.objects.filter(quote="Skolan blev min trygga plats.").exists()


def test_a_draft_can_be_saved_without_consent(client, world):
    client.force_login(world.users["superuser"])
    response = client.post(ADD_URL, _form_data(world.municipality_a))
    assert response.status_code == 302
    saved = Voice.objects.get(quote="Skolan blev min trygga plats.")
    assert not saved.live
    assert saved.revisions.count() == 1


def test_publishing_with_an_ended_consent_is_refused_and_a_current_one_publishes(client, world):
    client.force_login(world.users["superuser"])
    today = clock.today()
    ended = {
        "consent_given_by": "Sami",
        "consent_date": (today - 400 * DAY).isoformat(),
        "consent_until": (today - DAY).isoformat(),
        "action-publish": "action-publish",
    }
    response = client.post(ADD_URL, _form_data(world.municipality_a, **ended))
    assert response.status_code == 200
    assert "consent_until" in response.context["form"].errors
    assert "Samtycket har upphört" in response.content.decode()

    future = dict(
        ended,
        consent_date=(today + 2 * DAY).isoformat(),
        consent_until=(today + 300 * DAY).isoformat(),
    )
    response = client.post(ADD_URL, _form_data(world.municipality_a, **future))
    assert "consent_date" in response.context["form"].errors

    current = dict(
        ended,
        consent_date=(today - 2 * DAY).isoformat(),
        consent_until=(today + 300 * DAY).isoformat(),
    )
    response = client.post(ADD_URL, _form_data(world.municipality_a, **current))
    assert response.status_code == 302
    assert Voice.objects.get(quote="Skolan blev min trygga plats.").live


def test_a_photo_needs_alt_text(client, world):
    client.force_login(world.users["superuser"])
    photo = add_image(Collection.get_first_root_node(), "ung-person")
    response = client.post(ADD_URL, _form_data(world.municipality_a, photo=photo.pk))
    assert response.status_code == 200
    assert "photo_alt" in response.context["form"].errors
    assert "Ett foto behöver en alternativtext." in response.content.decode()


def test_the_model_refuses_to_publish_without_consent_whatever_calls_it(db):
    draft = make(publish=False, consent=False)
    with pytest.raises(ValidationError) as refused:
        draft.save_revision().publish()
    assert {"consent_given_by", "consent_date", "consent_until"} <= set(refused.value.message_dict)
    draft.refresh_from_db()
    assert not draft.live

    ended = make(publish=False, consent_until=clock.today() - DAY)
    with pytest.raises(ValidationError):
        ended.save_revision().publish()
    ended.refresh_from_db()
    assert not ended.live

    # A revision saved with consent, consent removed afterwards: the revision is judged.
    live = make()
    live.consent_given_by = ""
    with pytest.raises(ValidationError):
        live.save_revision().publish()


def _due_now(revision, **content):
    """The scheduled time of `revision` has come (its go-live a minute ago)."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    content = dict(revision.content, go_live_at=past.isoformat(), **content)
    type(revision).objects.filter(pk=revision.pk).update(content=content, approved_go_live_at=past)


def test_scheduled_publishing_skips_a_testimonial_whose_consent_ended_meanwhile(db):
    testimonial = make(publish=False)
    testimonial.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = testimonial.save_revision()
    revision.publish()  # scheduled: not live yet
    testimonial.refresh_from_db()
    assert not testimonial.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    # The consent ends before the go-live time comes.
    Voice.objects.filter(pk=testimonial.pk).update(consent_until=clock.today() - DAY)
    _due_now(revision, consent_until=(clock.today() - DAY).isoformat())
    other = make(quote="En annan röst som ska publiceras enligt schemat.", publish=False)
    other.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    other_revision = other.save_revision()
    other_revision.publish()
    _due_now(other_revision)

    call_command("publish_scheduled")

    testimonial.refresh_from_db()
    other.refresh_from_db()
    assert not testimonial.live
    assert other.live  # the command went on with the others
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # off the schedule, not retried daily


# --- expiry ---------------------------------------------------------------------------------


def test_the_daily_command_unpublishes_ended_consents_and_tells_the_editors(world):
    editor_a = world.users["editor of A"]
    other_editor_a = UserFactory(
        email="redaktor2.a@example.se", groups=[world.municipality_a.editors_group]
    )
    publisher = UserFactory(email="publicerare@example.se")
    ended = make(
        quote="Jag fick hjälp att hitta ett boende.",
        first_name="Lina",
        municipality=world.municipality_a,
        publish=False,
    )
    ended.save_revision().publish(user=publisher, skip_permission_checks=True)
    _expire(ended)
    current = make(quote="Praktiken ledde till jobb.", municipality=world.municipality_a)
    no_municipality = _expire(make(quote="Samverkan gör skillnad för unga."))
    mail.outbox.clear()

    call_command("unpublish_expired_testimonials")

    ended.refresh_from_db()
    current.refresh_from_db()
    no_municipality.refresh_from_db()
    assert not ended.live and not no_municipality.live
    assert current.live
    # Wagtail's unpublish, so it is in the history under its own action.
    assert ModelLogEntry.objects.filter(
        object_id=str(ended.pk), action="news.testimonial.consent_ended"
    ).exists()

    by_recipient = {}
    for message in mail.outbox:
        (recipient,) = message.to
        by_recipient.setdefault(recipient, []).append(message)
    about_ended = {r for r, ms in by_recipient.items() if any("boende" in m.body for m in ms)}
    assert about_ended == {editor_a.email, other_editor_a.email, publisher.email}
    assert world.users["staff of A"].email not in by_recipient
    assert "editor.b@example.se" not in by_recipient
    # No municipality: the portal administrators (superusers) are told.
    about_shared = {
        r for r, ms in by_recipient.items() if any("Samverkan gör" in m.body for m in ms)
    }
    assert about_shared == {world.users["superuser"].email}
    message = by_recipient[editor_a.email][0]
    assert "samtycket har upphört" in message.subject
    assert "Rösten ”Jag fick hjälp att hitta ett boende.”" in message.body
    assert "(Lina, Kalmar kommun)" in message.body
    assert (clock.today() - DAY).isoformat() in message.body
    assert f"/admin/snippets/news/testimonial/edit/{ended.pk}/" in message.body

    # Idempotent: the next run finds nothing to do.
    mail.outbox.clear()
    call_command("unpublish_expired_testimonials")
    assert mail.outbox == []
    current.refresh_from_db()
    assert current.live


def test_the_command_refuses_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("unpublish_expired_testimonials", today="igår")


# --- access -----------------------------------------------------------------------------------


@shared
def mixed(world):
    return {
        "live A": make(quote="Live i Kalmar.", municipality=world.municipality_a),
        "live B": make(quote="Live i Södertälje.", municipality=world.municipality_b),
        "draft A": make(
            quote="Utkast i Kalmar.",
            municipality=world.municipality_a,
            publish=False,
            consent=False,
        ),
        "draft B": make(
            quote="Utkast i Södertälje.",
            municipality=world.municipality_b,
            publish=False,
            consent=False,
        ),
        "expired A": _expire(make(quote="Utgånget i Kalmar.", municipality=world.municipality_a)),
    }


def _names(queryset, mixed):
    ids = set(queryset.values_list("pk", flat=True))
    return {name for name, t in mixed.items() if t.pk in ids}


def test_everyone_sees_live_consented_testimonials_on_the_site_only(world, mixed):
    for who in ("anonymous", "staff of A", "editor of A", "partner user", "superuser"):
        assert _names(rules.visible_testimonials(world.users[who]), mixed) == {
            "live A",
            "live B",
        }, who


def test_the_rule_in_the_admin_shows_editors_their_own_drafts_and_expired_ones(world, mixed):
    everything = Voice.objects.all()
    assert _names(access_for(world.users["anonymous"]).visible(everything), mixed) == {
        "live A",
        "live B",
    }
    assert _names(access_for(world.users["staff of A"]).visible(everything), mixed) == {
        "live A",
        "live B",
    }
    assert _names(access_for(world.users["editor of A"]).admin_choices(everything), mixed) == {
        "live A",
        "live B",
        "draft A",
        "expired A",
    }
    assert _names(access_for(world.users["superuser"]).visible(everything), mixed) == set(mixed)


def test_the_admin_listing_of_an_editor_of_a_shows_a_drafts_but_not_bs(client, world, mixed):
    _grant_testimonial_rights(world.municipality_a.editors_group)
    client.force_login(world.users["editor of A"])
    response = client.get("/admin/snippets/news/testimonial/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Utkast i Kalmar." in html
    assert "Utgånget i Kalmar." in html
    # The admin lists what the editor may edit: B's published ones are on the site only.
    assert "Live i Södertälje." not in html
    assert "Utkast i Södertälje." not in html
    # The form offers only the municipality the editor edits.
    response = client.get(ADD_URL)
    choices = list(response.context["form"].fields["municipality"].queryset)
    assert choices == [world.municipality_a]


# --- the Röster page --------------------------------------------------------------------------


def test_the_page_lists_visible_testimonials_as_cards_with_read_more(client, world, mixed, page):
    photo = add_image(Collection.get_first_root_node(), "foto")
    Voice.objects.filter(pk=mixed["live A"].pk).update(
        photo=photo, photo_alt="En ung person framför skolan"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unga, personal och samverkansparter" in html  # the page's intro
    assert "<blockquote><p>Live i Kalmar.</p></blockquote>" in html
    assert "Live i Södertälje." in html
    for hidden in ("Utkast i Kalmar.", "Utkast i Södertälje.", "Utgånget i Kalmar."):
        assert hidden not in html
    assert "anonym" not in html  # no first name: named by role and municipality
    assert "Ung person" in html or "ung person" in html
    assert "Kalmar kommun" in html
    assert 'alt="En ung person framför skolan"' in html
    assert "/bilder/" in html
    detail_url = f"{page.url}{mixed['live A'].pk}/"
    assert f'href="{detail_url}"' in html
    assert "Läs mer" in html

    detail = client.get(detail_url)
    assert detail.status_code == 200
    assert "Hela berättelsen om skolan och boendet." in detail.content.decode()


def test_a_photo_in_a_restricted_collection_is_not_shown_to_visitors(client, world, page):
    photo = add_image(world.municipality_a.collection, "hemlig")
    make(quote="Med foto.", photo=photo, photo_alt="Porträtt", municipality=world.municipality_a)
    html = client.get(page.url).content.decode()
    assert "Med foto." in html
    assert "Porträtt" not in html and "/bilder/" not in html
    client.force_login(world.users["staff of A"])
    assert 'alt="Porträtt"' in client.get(page.url).content.decode()


def test_a_draft_or_expired_testimonial_has_no_detail_page_even_for_its_editor(
    client, world, mixed, page
):
    client.force_login(world.users["editor of A"])
    for name in ("draft A", "expired A"):
        assert client.get(f"{page.url}{mixed[name].pk}/").status_code == 404, name
    assert client.get(f"{page.url}999999/").status_code == 404
    assert client.get(f"{page.url}99999999999999999999999/").status_code == 404
    client.logout()
    # A visitor gets the same answer for a draft as for an address that does not exist.
    draft = client.get(f"{page.url}{mixed['draft A'].pk}/")
    missing = client.get(f"{page.url}999999/")
    assert draft.status_code == missing.status_code
    assert "Utkast i Kalmar." not in draft.content.decode()


def test_the_page_paginates_and_odd_page_numbers_never_fail(client, db, page):
    for n in range(14):
        make(quote=f"Röst nummer {n:02d}.")
    first = client.get(page.url).content.decode()
    assert first.count("<blockquote>") == 12
    assert "Sida 1 av 2" in first
    second = client.get(page.url + "?sida=2").content.decode()
    assert second.count("<blockquote>") == 2
    assert "Röst nummer 00." in second  # newest first: the oldest is on the last page
    for odd in ("abc", "0", "-1", "999", "1e5", "99999999999999999999999"):
        response = client.get(page.url + f"?sida={odd}")
        assert response.status_code == 200, odd
        assert response.content.decode().count("<blockquote>") in (12, 2), odd


def _page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_page_costs_the_same_number_of_queries_at_two_sizes(client, world, page):
    photo = add_image(Collection.get_first_root_node(), "foto")

    def grow(count):
        for n in range(count):
            make(
                quote=f"Röst {Voice.objects.count()}.",
                municipality=world.municipality_a if n % 2 else world.municipality_b,
                photo=photo if n % 3 == 0 else None,
                photo_alt="Ett foto" if n % 3 == 0 else "",
            )

    grow(3)
    small = {}
    small["visitor"] = _page_queries(client, page.url)
    client.force_login(world.users["editor of A"])
    small["editor"] = _page_queries(client, page.url)
    client.logout()
    grow(30)
    large = {}
    large["visitor"] = _page_queries(client, page.url)
    client.force_login(world.users["editor of A"])
    large["editor"] = _page_queries(client, page.url)
    assert small == large


# --- the home page selection -----------------------------------------------------------------


def test_home_selection_is_stable_for_a_day_rotates_through_all_and_hides_the_rest(world, mixed):
    extra = [make(quote=f"Hemsidesröst {n}.") for n in range(5)]
    visible_ids = {mixed["live A"].pk, mixed["live B"].pk} | {t.pk for t in extra}
    visitor = world.users["anonymous"]
    today = clock.today()
    first = rules.home_selection(visitor, today=today)
    assert len(first) == 3
    assert [t.pk for t in first] == [t.pk for t in rules.home_selection(visitor, today=today)]
    seen = set()
    for offset in range(7):
        chosen = rules.home_selection(visitor, today=today + offset * DAY)
        assert len({t.pk for t in chosen}) == 3
        assert {t.pk for t in chosen} <= visible_ids
        seen |= {t.pk for t in chosen}
    assert seen == visible_ids
    assert [t.pk for t in rules.home_selection(visitor, today=today + DAY)] != [t.pk for t in first]
    # Even an editor of A gets no draft or expired testimonial on the home page.
    for offset in range(7):
        chosen = rules.home_selection(world.users["editor of A"], today=today + offset * DAY)
        assert {t.pk for t in chosen} <= visible_ids


def test_home_selection_costs_two_queries_and_the_include_renders_it(world, mixed, page):
    visitor = world.users["anonymous"]
    rules.home_selection(visitor)  # warm the access module's caches
    with CaptureQueriesContext(connection) as queries:
        chosen = rules.home_selection(visitor)
    assert len(queries) == 2
    request = RequestFactory().get("/")
    request.user = visitor
    html = render_to_string(
        "news/includes/testimonials.html",
        {"testimonials": chosen, "testimonials_page": page.url, "request": request},
    )
    assert re.search(r"<h2[^>]*>Röster från projektet</h2>", html)
    assert "Alla röster" in html and f'href="{page.url}"' in html
    assert html.count("<blockquote>") == 2
    assert f'href="{page.url}{mixed["live A"].pk}/"' in html
    assert "Utkast" not in html
    assert render_to_string("news/includes/testimonials.html", {"testimonials": []}).strip() == ""


# --- demo -------------------------------------------------------------------------------------


def test_the_demo_seeds_six_consented_testimonials_and_the_page_once(client, world):
    municipalities = {"kalmar": world.municipality_a, "sodertalje": world.municipality_b}
    seed_testimonials(municipalities)
    seed_testimonials(municipalities)
    page = seed_testimonial_page(home_page())
    assert seed_testimonial_page(home_page()).pk == page.pk
    assert page.slug == "roster" and page.live
    assert Voice.objects.count() == 6
    assert all(not rules.publish_problems(t) for t in Voice.objects.all())
    assert Voice.objects.filter(live=True).count() == 6
    assert Voice.objects.filter(first_name="").count() >= 1
    assert len(set(Voice.objects.values_list("role", flat=True))) == 3
    html = client.get(page.url).content.decode()
    assert html.count("<blockquote>") == 6


def test_an_editor_cannot_open_another_municipalitys_testimonial_by_its_address(
    client, world, mixed
):
    _grant_testimonial_rights(world.municipality_a.editors_group)
    client.force_login(world.users["editor of A"])
    own = mixed["draft A"].pk
    other = mixed["draft B"].pk
    assert client.get(f"/admin/snippets/news/testimonial/edit/{own}/").status_code == 200
    response = client.get(f"/admin/snippets/news/testimonial/edit/{other}/")
    assert response.status_code == 404
    assert "Utkast i Södertälje." not in response.content.decode()
    response = client.post(
        f"/admin/snippets/news/testimonial/edit/{other}/",
        _form_data(world.municipality_a, quote="Ändrad"),
    )
    assert response.status_code == 404
    assert Voice.objects.get(pk=other).quote == "Utkast i Södertälje."
