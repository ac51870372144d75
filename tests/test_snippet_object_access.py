"""Every admin view of one snippet (edit, delete, history, usage, copy, unpublish, revisions,
bulk delete) opens only what the viewset's listing holds for the user, and answers 404, as
for a missing object, for anything else (portal/snippet_viewsets.py).

Testimonials are the sharp case: a published one is on the site for everybody, but in the
admin only editors of its municipality (and portal administrators) may open it, so nobody
else reads or changes its unpublished draft."""

import pytest
from django.urls import reverse

from knowledge.models import Topic
from news.models import Testimonial as Voice
from partners.models import PartnerOrganisation
from portal.models import Municipality
from search.models import Synonym
from tests.news.test_testimonials import _form_data, _grant_testimonial_rights, make

BASE = "/admin/snippets/news/testimonial"
B_QUOTE = "Utkast i Södertälje som ingen annan ska läsa."
A_QUOTE = "Utkast i Kalmar som redaktören skriver på."
PUBLIC_QUOTE = "En röst som alla får läsa."
PUBLIC_DRAFT = "Ett utkast som ännu inte är publicerat."


def _object_urls(pk):
    """The views of one testimonial, reached with GET."""
    return {
        "edit": f"{BASE}/edit/{pk}/",
        "delete": f"{BASE}/delete/{pk}/",
        "history": f"{BASE}/history/{pk}/",
        "history results": f"{BASE}/history-results/{pk}/",
        "usage": f"{BASE}/usage/{pk}/",
        "copy": f"{BASE}/copy/{pk}/",
        "unpublish": f"{BASE}/unpublish/{pk}/",
        "revisions compare": f"{BASE}/history/{pk}/revisions/compare/earliest...latest/",
    }


@pytest.fixture
def voices(world):
    _grant_testimonial_rights(world.municipality_a.editors_group)
    own = make(quote=A_QUOTE, municipality=world.municipality_a, publish=False, consent=False)
    own.save_revision(log_action=True)
    other = make(quote=B_QUOTE, municipality=world.municipality_b, publish=False, consent=False)
    other.save_revision(log_action=True)
    live_b = make(quote="Publicerad röst i Södertälje.", municipality=world.municipality_b)
    # Published for everybody, with a draft nobody outside the portal administrators
    # (it has no municipality) may read yet.
    public = make(quote=PUBLIC_QUOTE)
    public.quote = PUBLIC_DRAFT
    public.save_revision(log_action=True)
    assert Voice.objects.get(pk=public.pk).quote == PUBLIC_QUOTE
    return {"own": own, "other": other, "live B": live_b, "public": public}


def _editor(client, world):
    client.force_login(world.users["editor of A"])
    return client


def test_an_editor_gets_404_from_every_view_of_another_municipalitys_draft(client, world, voices):
    client = _editor(client, world)
    for view, url in _object_urls(voices["other"].pk).items():
        response = client.get(url)
        assert response.status_code == 404, view
        assert B_QUOTE not in response.content.decode(), view


def test_an_editor_cannot_change_delete_or_unpublish_another_municipalitys_testimonial(
    client, world, voices
):
    client = _editor(client, world)
    other, live_b = voices["other"], voices["live B"]
    response = client.post(
        f"{BASE}/edit/{other.pk}/", _form_data(world.municipality_a, quote="Ändrad")
    )
    assert response.status_code == 404
    assert client.post(f"{BASE}/delete/{other.pk}/").status_code == 404
    assert client.post(f"{BASE}/unpublish/{live_b.pk}/").status_code == 404
    revision = other.latest_revision
    revert = f"{BASE}/history/{other.pk}/revisions/{revision.pk}/revert/"
    assert client.get(revert).status_code == 404
    unschedule = f"{BASE}/history/{other.pk}/revisions/{revision.pk}/unschedule/"
    assert client.get(unschedule).status_code == 404
    assert Voice.objects.get(pk=other.pk).quote == B_QUOTE
    live_b.refresh_from_db()
    assert live_b.live


def test_an_editor_never_reads_the_draft_of_a_published_testimonial_of_nobody(
    client, world, voices
):
    client = _editor(client, world)
    public = voices["public"]
    for view, url in _object_urls(public.pk).items():
        response = client.get(url)
        assert response.status_code == 404, view
        assert PUBLIC_DRAFT not in response.content.decode(), view
    revert = f"{BASE}/history/{public.pk}/revisions/{public.latest_revision.pk}/revert/"
    response = client.get(revert)
    assert response.status_code == 404
    assert PUBLIC_DRAFT not in response.content.decode()
    response = client.post(
        f"{BASE}/edit/{public.pk}/", _form_data(world.municipality_a, quote="Kapad")
    )
    assert response.status_code == 404
    public.refresh_from_db()
    assert public.quote == PUBLIC_QUOTE
    assert public.latest_revision.content["quote"] == PUBLIC_DRAFT
    # It stays on the site for everybody, the editor too.
    from news.testimonials import visible_testimonials

    assert visible_testimonials(world.users["editor of A"]).filter(pk=public.pk).exists()


def test_an_editor_opens_every_view_of_their_own_municipalitys_testimonial(client, world, voices):
    client = _editor(client, world)
    for view, url in _object_urls(voices["own"].pk).items():
        assert client.get(url).status_code == 200, view
    assert A_QUOTE in client.get(f"{BASE}/edit/{voices['own'].pk}/").content.decode()


def test_a_superuser_opens_every_view_of_every_testimonial(client, world, voices):
    client.force_login(world.users["superuser"])
    for name, testimonial in voices.items():
        for view, url in _object_urls(testimonial.pk).items():
            assert client.get(url).status_code == 200, (name, view)
    response = client.get(f"{BASE}/edit/{voices['public'].pk}/")
    assert PUBLIC_DRAFT in response.content.decode()


def test_the_editors_listing_holds_their_own_municipalitys_testimonials_only(client, world, voices):
    client = _editor(client, world)
    html = client.get(f"{BASE}/").content.decode()
    assert A_QUOTE in html
    for name in ("other", "live B", "public"):
        assert voices[name].quote not in html, name
    html = client.get(f"{BASE}/results/", {"q": "röst"}).content.decode()
    assert "Publicerad röst i Södertälje." not in html and PUBLIC_QUOTE not in html
    # The chooser (no page uses it yet) offers what the editor may see: published ones as
    # the site shows them, and their own drafts; never another's draft or unpublished text.
    html = client.get("/admin/snippets/choose/news/testimonial/").json()["html"]
    assert A_QUOTE[:60] in html and PUBLIC_QUOTE in html
    assert B_QUOTE[:60] not in html and PUBLIC_DRAFT not in html


def test_bulk_delete_takes_only_what_the_listing_holds(client, world, voices):
    client = _editor(client, world)
    url = reverse("wagtail_bulk_action", args=("news", "testimonial", "delete"))
    response = client.get(url, {"id": [voices["other"].pk]})
    assert response.status_code == 404
    assert B_QUOTE not in response.content.decode()
    response = client.get(url, {"id": "all"})
    assert response.status_code == 200
    html = response.content.decode()
    assert A_QUOTE in html
    assert B_QUOTE not in html and PUBLIC_QUOTE not in html

    response = client.post(url + f"?id={voices['own'].pk}&id={voices['other'].pk}")
    assert response.status_code == 302
    assert not Voice.objects.filter(pk=voices["own"].pk).exists()
    assert Voice.objects.filter(pk=voices["other"].pk).exists()


def test_an_odd_key_in_an_object_address_is_a_404(client, world, voices):
    client.force_login(world.users["superuser"])
    for key in ("abc", "99999999999999999999999999", "1%2F2"):
        url = f"{BASE}/history/{key}/revisions/compare/earliest...latest/"
        assert client.get(url).status_code == 404, key
    url = reverse("wagtail_bulk_action", args=("news", "testimonial", "delete"))
    assert client.get(url, {"id": "abc"}).status_code == 404


# --- the other access-checked snippet viewsets ----------------------------------------------


@pytest.fixture
def snippets(world):
    return {
        "partners/partnerorganisation": world.partner,
        "knowledge/topic": Topic.objects.create(name="Skola"),
        "portal/municipality": world.municipality_b,
        "search/synonym": Synonym.objects.create(words="EKB, ensamkommande barn"),
    }


def _snippet_urls(model, pk):
    base = f"/admin/snippets/{model}"
    return [
        f"{base}/",
        f"{base}/edit/{pk}/",
        f"{base}/delete/{pk}/",
        f"{base}/history/{pk}/",
        f"{base}/usage/{pk}/",
        f"{base}/copy/{pk}/",
    ]


def test_portal_administrators_open_every_view_of_the_other_snippets(client, world, snippets):
    client.force_login(world.users["superuser"])
    for model, obj in snippets.items():
        for url in _snippet_urls(model, obj.pk):
            assert client.get(url).status_code == 200, url


def test_users_without_rights_are_refused_the_other_snippets(client, world, snippets):
    # Wagtail answers a missing permission with a redirect to the dashboard (its 403), a
    # user without the admin with one to the login; an object outside the listing is a 404.
    client.force_login(world.users["staff of A"])
    for model, obj in snippets.items():
        for url in _snippet_urls(model, obj.pk):
            response = client.get(url)
            assert response.status_code == 302, url
            assert "login/" in response["Location"], url
    client.force_login(world.users["editor of A"])
    for model, obj in snippets.items():
        for url in _snippet_urls(model, obj.pk)[1:]:
            response = client.get(url)
            if model == "search/synonym":
                # Synonyms are the portal administrators' alone: a missing object.
                assert response.status_code == 404, url
                assert "EKB" not in response.content.decode()
            else:
                assert response.status_code == 302, url
                assert response["Location"] == "/admin/", url
    # Nothing was changed on the way.
    assert PartnerOrganisation.objects.filter(pk=world.partner.pk).exists()
    assert Municipality.objects.filter(pk=world.municipality_b.pk).exists()


def test_every_view_of_one_object_of_every_access_checked_viewset_is_checked(db):
    from wagtail.snippets.models import get_snippet_models

    from portal.snippet_viewsets import AccessCheckedSnippetViewSet, AdminQuerysetObjectMixin

    viewsets = [
        model.snippet_viewset
        for model in get_snippet_models()
        if isinstance(model.snippet_viewset, AccessCheckedSnippetViewSet)
    ]
    assert {viewset.model for viewset in viewsets} >= {
        Voice,
        PartnerOrganisation,
        Topic,
        Municipality,
        Synonym,
    }
    for viewset in viewsets:
        object_views = [p for p in viewset.get_urlpatterns() if "pk" in str(p.pattern)]
        assert len(object_views) >= 6, viewset
        for pattern in object_views:
            view_class = pattern.callback.view_class
            assert issubclass(view_class, AdminQuerysetObjectMixin), (viewset, pattern)
            assert pattern.callback.view_initkwargs["admin_queryset"] == viewset.get_queryset
