"""The admin is a channel like any other: what an editor may see, choose or change there is
answered by the access module. Editors of A and B, a shared-bank approver and a partner user
against privacy, choosers (by id and by search), snippet choosers, edit forms' choices and
reports."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, PageViewRestriction, WorkflowPage

from knowledge.approvers import SHARED_BANK_APPROVERS_GROUP
from portal.access import PORTAL_ADMINS_GROUP, access_for, forget_access
from portal.provisioning import groups_with_tree_rights
from tests.factories import UserFactory, add_document, add_page
from tests.knowledge.factories import add_agreement, add_index
from tests.partners.fixtures import directory  # noqa: F401

B_MARKER = "Södertäljes-hemliga-rutin"
DRAFT_MARKER = "Ej-publicerat-utkast"
REVISION_MARKER = "Ändrad-rubrik-ej-publicerad"


@pytest.fixture
def admin_world(world, directory):  # noqa: F811
    """The access matrix plus what an editor of A must never see in the admin."""
    editor_b = UserFactory(email="editor.b@example.se", groups=[world.municipality_b.editors_group])
    section_b = world.content["B's section"]
    b_page = add_page(section_b, title=B_MARKER, slug="b-rutin")
    # A draft outside every section, by someone else.
    draft = add_page(None, title=DRAFT_MARKER, slug="utkast")
    draft.unpublish()
    # A live public page with an unpublished new title.
    public = world.content["public page"]
    public.title = REVISION_MARKER
    public.save_revision()
    # The shared knowledge bank and its approver.
    shared_bank = add_index(None, title="Gemensam kunskapsbank", slug="gemensam")
    approver = UserFactory(
        email="granskare@example.se", groups=[Group.objects.get(name=SHARED_BANK_APPROVERS_GROUP)]
    )
    # A's own knowledge bank with an agreement an editor of A may edit.
    bank_a = add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb")
    agreement = add_agreement(
        bank_a,
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
        title="Överenskommelse om praktik",
        partner_organisations=[directory.orgs["BUP Kalmar län"]],
        contact_people=[directory.contacts["Åsa Lind"]],
    )
    world.users.update({"editor of B": editor_b, "approver": approver})
    world.content.update(
        {
            "B's page": b_page,
            "draft": draft,
            "shared bank": shared_bank,
            "A's agreement": agreement,
            "B's document": add_document(world.municipality_b.collection, "Sodertalje-avtal.pdf"),
        }
    )
    return world


def _html(response):
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]  # a chooser modal
    return response.content.decode()


# --- privacy is provisioned, not edited ---------------------------------------------------


def test_nobody_widens_a_sections_privacy_in_the_admin(client, admin_world):
    section = admin_world.content["A's section"]
    for user in ("editor of A", "superuser"):
        client.force_login(admin_world.users[user])
        for restriction_type in ("none", "login"):
            response = client.post(
                f"/admin/pages/{section.pk}/privacy/", {"restriction_type": restriction_type}
            )
            assert response.status_code in (302, 403)
            restriction = PageViewRestriction.objects.get(page=section)
            assert restriction.restriction_type == PageViewRestriction.GROUPS
    client.logout()
    assert client.get(section.url).status_code == 302  # visitors still asked to log in


def test_the_privacy_dialog_is_offered_inside_sections_only(client, admin_world):
    editor = admin_world.users["editor of A"]
    section = admin_world.content["A's section"].specific
    inside = admin_world.content["page deep under A"].specific
    assert not section.permissions_for_user(editor).can_set_view_restrictions()
    assert inside.permissions_for_user(editor).can_set_view_restrictions()
    superuser = admin_world.users["superuser"]
    assert not section.permissions_for_user(superuser).can_set_view_restrictions()
    client.force_login(editor)
    assert client.get(f"/admin/pages/{section.pk}/privacy/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{inside.pk}/privacy/").status_code == 200


def test_editors_may_narrow_privacy_inside_their_section(client, admin_world):
    page = admin_world.content["page deep under A"]
    client.force_login(admin_world.users["editor of A"])
    response = client.post(
        f"/admin/pages/{page.pk}/privacy/",
        {"restriction_type": "groups", "groups": [admin_world.municipality_a.editors_group.pk]},
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=page).exists()
    assert not access_for(admin_world.users["staff of A"]).can_view_page(page)
    assert access_for(admin_world.users["editor of A"]).can_view_page(page)


@pytest.mark.parametrize(
    ("thing", "outsider"),
    [
        ("A's section", "staff of B"),
        ("shared space A + partner", "staff of B"),
        ("shared bank", "partner user"),
    ],
)
def test_a_provisioned_restriction_changed_elsewhere_is_written_back(
    admin_world, thing, outsider, django_capture_on_commit_callbacks
):
    page = admin_world.content[thing]
    outsider = admin_world.users[outsider]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=page).delete()
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert restriction.groups.exists()
    assert not access_for(outsider).can_view_page(page)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.add(*outsider.groups.all())
    forget_access(outsider)
    assert not access_for(outsider).can_view_page(page)


# --- no rights over the whole tree but the administrators' --------------------------------


def test_no_group_but_the_portal_administrators_holds_tree_rights(admin_world):
    assert groups_with_tree_rights() == []
    admins = Group.objects.get(name=PORTAL_ADMINS_GROUP)
    assert GroupPagePermission.objects.filter(group=admins, page__depth=1).count() >= 3
    for name in ("Moderators", "Editors"):
        assert not GroupPagePermission.objects.filter(group__name=name).exists()
    # No workflow hangs over the whole tree (Wagtail's default one was on the root page).
    assert not WorkflowPage.objects.filter(page__depth__lte=2).exists()


def test_a_moderator_can_no_longer_open_another_municipalitys_section(client, admin_world):
    moderator = UserFactory(email="mod@example.se", groups=[Group.objects.get(name="Moderators")])
    client.force_login(moderator)
    section_b = admin_world.content["B's section"]
    assert client.get(f"/admin/pages/{section_b.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{section_b.pk}/privacy/").status_code in (302, 403)


def test_portal_administrators_work_on_the_whole_tree(client, admin_world):
    coordinator = UserFactory(
        email="samordnare@example.se", groups=[Group.objects.get(name=PORTAL_ADMINS_GROUP)]
    )
    access = access_for(coordinator)
    assert access.is_portal_admin
    assert access.can_view_page(admin_world.content["B's section"])
    client.force_login(coordinator)
    section_b = admin_world.content["B's section"]
    assert client.get(f"/admin/pages/{section_b.pk}/edit/").status_code == 200


def test_the_shared_bank_approver_works_on_the_shared_bank_only(client, admin_world):
    client.force_login(admin_world.users["approver"])
    bank = admin_world.content["shared bank"]
    assert client.get(f"/admin/pages/{bank.pk}/edit/").status_code == 200
    section_b = admin_world.content["B's section"]
    assert client.get(f"/admin/pages/{section_b.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/choose-page/{section_b.pk}/").status_code == 404


# --- choosers -----------------------------------------------------------------------------


def test_the_page_chooser_does_not_open_another_section(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    section_b = admin_world.content["B's section"]
    response = client.get(f"/admin/choose-page/{section_b.pk}/")
    assert response.status_code == 404
    assert B_MARKER not in _html(response)
    missing = client.get("/admin/choose-page/999999/")
    assert missing.status_code == 404
    section_a = admin_world.content["A's section"]
    own = client.get(f"/admin/choose-page/{section_a.pk}/")
    assert own.status_code == 200


def test_page_chooser_search_names_nothing_of_others(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    for query in (B_MARKER, DRAFT_MARKER, REVISION_MARKER, "Om portalen"):
        response = client.get("/admin/choose-page/search/", {"q": query})
        assert response.status_code == 200
        html = _html(response)
        for marker in (B_MARKER, DRAFT_MARKER, REVISION_MARKER):
            assert marker not in html


def test_page_chooser_shows_the_published_title_of_pages_outside_the_editors_section(
    client, admin_world
):
    client.force_login(admin_world.users["editor of A"])
    home = admin_world.content["public page"].get_parent()
    response = client.get(f"/admin/choose-page/{home.pk}/")
    html = _html(response)
    assert "Om portalen" in html
    assert REVISION_MARKER not in html


def test_chosen_pages_by_id_name_only_choosable_pages(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    ids = [admin_world.content["B's page"].pk, admin_world.content["draft"].pk]
    response = client.get("/admin/choose-page/chosen-multiple/", {"id": ids + ["abc"]})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["result"] == []


def test_the_organisation_chooser_offers_only_visible_organisations(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    url = "/admin/snippets/choose/partners/partnerorganisation/"
    html = _html(client.get(url))
    assert "BUP Kalmar län" in html
    assert "Södertälje gymnasieskola" not in html
    searched = client.get(f"{url}results/", {"q": "Södertälje"})
    assert searched.status_code == 200
    assert "Södertälje gymnasieskola" not in _html(searched)
    skola = admin_world_orgs("Södertälje gymnasieskola")
    chosen = client.get(f"{url}chosen/{skola.pk}/")
    assert chosen.status_code == 404


def admin_world_orgs(name):
    from partners.models import PartnerOrganisation

    return PartnerOrganisation.objects.get(name=name)


def test_the_contact_chooser_offers_only_people_the_editor_may_see(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    html = _html(client.get("/admin/contact_person_chooser/"))
    assert "Åsa Lind" in html and "Kim Kalmarsson" in html
    for hidden in ("Sanna Söder", "Sofia Skola", "Per Berg"):
        assert hidden not in html


def test_document_chooser_shows_no_other_sections_documents(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    html = _html(client.get("/admin/documents/chooser/"))
    assert "Sodertalje-avtal" not in html
    for url in ("/admin/documents/chooser/results/", "/admin/images/chooser/results/"):
        response = client.get(url, {"q": "Sodertalje"})
        assert response.status_code == 200
        assert "Sodertalje-avtal" not in _html(response)


def test_a_type_limited_page_chooser_starts_inside_the_editors_reach(client, admin_world):
    client.force_login(admin_world.users["editor of B"])
    response = client.get("/admin/choose-page/", {"page_type": "knowledge.agreementpage"})
    assert response.status_code == 200
    assert "Kalmars kunskapsbank" not in _html(response)
    assert "Överenskommelse om praktik" not in _html(response)


def test_the_privacy_dialog_names_only_the_editors_own_groups(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    page = admin_world.content["page deep under A"]
    html = _html(client.get(f"/admin/pages/{page.pk}/privacy/"))
    assert admin_world.municipality_a.editors_group.name in html
    assert admin_world.municipality_b.members_group.name not in html
    assert "Partner – Södertälje gymnasieskola" not in html


# --- edit forms' choices ------------------------------------------------------------------


def test_agreement_form_offers_only_what_the_editor_may_see(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    agreement = admin_world.content["A's agreement"]
    response = client.get(f"/admin/pages/{agreement.pk}/edit/")
    assert response.status_code == 200
    html = _html(response)
    assert "Åsa Lind" in html  # chosen and visible
    assert "BUP Kalmar län" in html
    for hidden in ("Sanna Söder", "Sofia Skola", "Per Berg", "Södertälje gymnasieskola"):
        assert hidden not in html
    assert "editor.b@example.se" not in html
    assert "staff.b@example.se" not in html
    assert "partner@example.se" not in html


def test_a_value_already_chosen_stays_when_the_form_is_saved(admin_world):
    from portal.admin_forms import limit_choices

    agreement = admin_world.content["A's agreement"]
    form_class = agreement.get_edit_handler().get_form_class()
    form = form_class(instance=agreement, for_user=admin_world.users["editor of A"])
    limit_choices(form, admin_world.users["editor of A"])
    chosen = set(form.fields["contact_people"].queryset.values_list("name", flat=True))
    assert "Åsa Lind" in chosen
    assert "Sofia Skola" not in chosen


# --- reports ------------------------------------------------------------------------------


def test_page_types_usage_is_for_portal_administrators(client, admin_world):
    client.force_login(admin_world.users["editor of A"])
    assert client.get("/admin/reports/page-types-usage/").status_code == 404
    assert "page-types-usage" not in _html(client.get("/admin/reports/site-history/"))
    client.force_login(admin_world.users["superuser"])
    assert client.get("/admin/reports/page-types-usage/").status_code == 200


def test_content_health_does_not_name_another_sections_document(client, admin_world):
    from knowledge.models import KnowledgeAttachment

    agreement = admin_world.content["A's agreement"]
    KnowledgeAttachment.objects.create(page=agreement, document=admin_world.content["B's document"])
    client.force_login(admin_world.users["editor of A"])
    html = _html(client.get("/admin/kunskapsbanken/innehallshalsa/"))
    assert "Sodertalje-avtal" not in html
    assert admin_world.municipality_b.collection.name not in html


def test_partner_users_have_no_admin(client, admin_world):
    client.force_login(admin_world.users["partner user"])
    response = client.get("/admin/choose-page/")
    assert response.status_code in (302, 403)


# --- every admin URL kind of the other side -----------------------------------------------


def _page_urls(page):
    revision = page.latest_revision
    # Search for the title's last word, so the echoed query is not the whole title.
    word = page.title.replace("-", " ").split()[-1]
    return [
        f"/admin/pages/{page.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/usage/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{page.pk}/privacy/",
        f"/admin/pages/{page.pk}/copy/",
        f"/admin/pages/{page.pk}/move/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/choose-page/{page.pk}/",
        f"/admin/choose-page/chosen-multiple/?id={page.pk}",
        f"/admin/choose-page/search/?q={word}",
        f"/admin/pages/search/?q={word}",
        "/admin/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/page-types-usage/",
        "/admin/kunskapsbanken/innehallshalsa/",
    ]


@pytest.mark.parametrize(
    ("user", "other_side"),
    [
        ("editor of A", "B's page"),
        ("editor of B", "A's agreement"),
        ("approver", "B's page"),
        ("partner user", "A's agreement"),
    ],
)
def test_no_admin_url_shows_anything_of_the_other_side(client, admin_world, user, other_side):
    page = admin_world.content[other_side]
    marker = page.title
    client.force_login(admin_world.users[user])
    for url in _page_urls(page):
        response = client.get(url)
        assert response.status_code < 500, url
        body = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            body = json.dumps(json.loads(body), ensure_ascii=False)
        assert marker not in body, url


def test_people_who_have_left_are_shown_to_nobody_not_even_superusers(admin_world):
    from partners.models import ContactPerson

    for user in ("superuser", "editor of A", "staff of A"):
        names = access_for(admin_world.users[user]).visible(ContactPerson.objects.all())
        assert "Per Berg" not in set(names.values_list("name", flat=True))


def test_chooser_blocks_refuse_what_the_saving_user_may_not_choose(admin_world):
    from django.core.exceptions import ValidationError
    from wagtail.blocks import PageChooserBlock
    from wagtail.documents.blocks import DocumentChooserBlock

    from portal.current_reader import reading_as

    own_document = add_document(admin_world.municipality_a.collection, "Kalmar-avtal.pdf")
    with reading_as(admin_world.users["editor of A"]):
        assert DocumentChooserBlock().clean(own_document) == own_document
        with pytest.raises(ValidationError):
            DocumentChooserBlock().clean(admin_world.content["B's document"])
        with pytest.raises(ValidationError):
            PageChooserBlock().clean(admin_world.content["B's page"])


def test_a_provisioned_collection_restriction_changed_elsewhere_is_written_back(
    client, admin_world, django_capture_on_commit_callbacks
):
    from wagtail.models import CollectionViewRestriction

    collection = admin_world.municipality_a.collection
    outsider = admin_world.users["staff of B"]
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.filter(collection=collection).delete()
    assert not access_for(outsider).can_view_document(admin_world.content["A's document"])

    # Changed from the group's side of the relation.
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    with django_capture_on_commit_callbacks(execute=True):
        admin_world.municipality_b.members_group.collectionviewrestriction_set.add(restriction)
    forget_access(outsider)
    assert not access_for(outsider).can_view_document(admin_world.content["A's document"])

    client.force_login(admin_world.users["superuser"])
    response = client.post(
        f"/admin/collections/{collection.pk}/privacy/", {"restriction_type": "none"}
    )
    assert response.status_code in (302, 403)  # the admin turns a refusal into a redirect
    assert CollectionViewRestriction.objects.filter(collection=collection).exists()
