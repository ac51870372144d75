"""Files of knowledge pages live in their section's collection and follow its readers."""

import pytest
from wagtail.models import Collection

from portal.access import access_for
from tests.factories import add_document, add_image
from tests.knowledge.factories import add_routine
from tests.test_access_matrix import USERS

OF_A = {"staff of A", "editor of A", "superuser"}
STAFF = {"staff of A", "staff of B", "editor of A", "superuser"}
SPACE = OF_A | {"partner user"}
# Which users may download a file attached to a routine in each bank.
EXPECTED = {"A": OF_A, "shared": STAFF, "space": SPACE}


def _attached(banks, bank):
    document = add_document(Collection.get_first_root_node(), f"Bilaga-{bank}.pdf")
    routine = add_routine(banks[bank], title=f"Rutin i {bank}", attachments=[document])
    document.refresh_from_db()
    return routine, document


@pytest.mark.parametrize("bank", ["A", "shared", "space"])
def test_attachment_moves_into_the_sections_collection(world, banks, bank):
    routine, document = _attached(banks, bank)
    if bank == "A":
        assert document.collection == world.municipality_a.collection
    else:
        assert document.collection != Collection.get_first_root_node()
        assert (
            document.collection.name == banks[bank].get_parent().title
            if bank == "space"
            else (document.collection.name == "Kunskapsbanken")
        )


def _download_answer_is_right(client, world, user, bank, routine, document):
    response = client.get(document.url)
    page_response = client.get(routine.url)
    if user in EXPECTED[bank]:
        right = (
            response.status_code == 200
            and b"".join(response.streaming_content).startswith(b"%PDF")
            and page_response.status_code == 200
        )
    elif user in ("anonymous", "inactive user"):
        right = response.status_code == 302 and "/konto/login/" in response["Location"]
    else:
        right = response.status_code == 404 and page_response.status_code == 404
    return right and (
        access_for(world.users[user]).can_view_document(document) is (user in EXPECTED[bank])
    )


# One test per kind of user (one world and set of banks each); a failure names the banks.
@pytest.mark.parametrize("user", USERS)
def test_attachment_download_follows_the_page_readers(client, world, banks, user):
    # Every page and file first: the access answers are then read once, as on a request.
    attached = {bank: _attached(banks, bank) for bank in ("A", "shared", "space")}
    if user != "anonymous":
        client.force_login(world.users[user])
    wrong = [
        bank
        for bank, (routine, document) in attached.items()
        if not _download_answer_is_right(client, world, user, bank, routine, document)
    ]
    assert wrong == []


def test_files_already_in_a_restricted_collection_stay_there(world, banks):
    document = add_document(world.municipality_b.collection, "Sodertalje.pdf")
    add_routine(banks["A"], attachments=[document])
    document.refresh_from_db()
    assert document.collection == world.municipality_b.collection


def test_shared_space_collection_follows_the_space_members(world, banks):
    from tests.factories import PartnerOrganisationFactory, UserFactory

    _routine, document = _attached(banks, "space")
    integra = PartnerOrganisationFactory(name="Integra")
    newcomer = UserFactory(groups=[integra.group])
    assert not access_for(newcomer).can_view_document(document)
    space = world.content["shared space A + partner"]
    space.partner_organisations = [world.partner, integra]
    space.save_revision().publish()
    newcomer = type(newcomer).objects.get(pk=newcomer.pk)
    assert access_for(newcomer).can_view_document(document)


def test_new_municipality_can_read_the_shared_bank(
    world, banks, django_capture_on_commit_callbacks
):
    from tests.factories import MunicipalityFactory, UserFactory

    _routine, document = _attached(banks, "shared")
    with django_capture_on_commit_callbacks(execute=True):
        norrtalje = MunicipalityFactory(name="Norrtälje kommun")
    staff = UserFactory(groups=[norrtalje.members_group])
    assert access_for(staff).can_view_page(banks["shared"])
    assert access_for(staff).can_view_document(document)


@pytest.mark.parametrize("user", USERS)
def test_image_renditions_are_served_only_to_readers(client, world, user):
    from wagtail.images.views.serve import generate_image_url

    image = add_image(world.municipality_a.collection, "hemmet")
    url = generate_image_url(image, "width-10", "portal_image")
    if user != "anonymous":
        client.force_login(world.users[user])
    response = client.get(url)
    if user in OF_A:
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert "private" in response["Cache-Control"]
    elif user in ("anonymous", "inactive user"):
        assert response.status_code == 302
    else:
        assert response.status_code == 404


def test_image_view_refuses_forged_signatures(client, world):
    image = add_image(Collection.get_first_root_node(), "allman")
    # Visitors are asked to log in at every file address, existing or not.
    assert client.get(f"/bilder/fel/{image.pk}/width-10/x.png").status_code == 302
    client.force_login(world.users["staff of A"])
    assert client.get(f"/bilder/fel/{image.pk}/width-10/x.png").status_code == 404


def test_image_blocks_link_through_the_checked_view(client, world, banks):
    image = add_image(Collection.get_first_root_node(), "bild")
    routine = add_routine(
        banks["A"],
        steps=[("image", {"image": image, "alt_text": "Entrén", "caption": ""})],
    )
    image.refresh_from_db()
    assert image.collection == world.municipality_a.collection
    client.force_login(world.users["staff of A"])
    html = client.get(routine.url).content.decode()
    assert '<img src="/bilder/' in html and 'alt="Entrén"' in html
