"""Files follow the page that uses them, whatever the page type; uploads land in the
editor's collection; `check_file_collections` lists files wider or narrower than their pages."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from tests.factories import add_document, add_image, add_page
from tests.knowledge.factories import add_index, add_routine

ROOT = Collection.get_first_root_node


def _download(client, user, document):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def _uses(kind, document, image):
    """A page body that uses the document or image in one of the ways editors can."""
    return {
        "document block": [("document", {"document": document, "label": ""})],
        "rich-text link": [
            ("paragraph", f'<p><a linktype="document" id="{document.pk}">Blankett</a></p>')
        ],
        "image block": [("image", {"image": image, "alt_text": "Entrén"})],
    }[kind]


@pytest.mark.parametrize("kind", ["document block", "rich-text link", "image block"])
def test_a_root_file_on_a_content_page_in_a_section_is_refused_to_visitors(client, world, kind):
    document = add_document(ROOT(), "Kalmar-blankett.pdf")
    image = add_image(ROOT(), "kalmar-entre")
    assert _download(client, None, document).status_code == 200  # public before
    add_page(world.content["A's section"], title="Om HVB", body=_uses(kind, document, image))
    document.refresh_from_db()
    image.refresh_from_db()
    moved = image if kind == "image block" else document
    assert moved.collection == world.municipality_a.collection
    if moved is document:
        visitor = _download(client, None, document)
        assert visitor.status_code == 302 and "/konto/login/" in visitor["Location"]
        assert _download(client, world.users["staff of B"], document).status_code == 404
        assert _download(client, world.users["staff of A"], document).status_code == 200


def test_files_move_on_publish_not_on_draft_save(client, world):
    page = add_page(world.content["A's section"], title="Utkast")
    document = add_document(ROOT(), "Utkast.pdf")
    draft = page.get_latest_revision_as_object()
    draft.body = [("document", {"document": document, "label": ""})]
    revision = draft.save_revision()
    document.refresh_from_db()
    assert document.collection == ROOT()
    revision.publish()
    document.refresh_from_db()
    assert document.collection == world.municipality_a.collection


def test_files_on_shared_spaces_follow_the_space(client, world):
    document = add_document(ROOT(), "Yta.pdf")
    space = world.content["shared space A + partner"]
    add_page(space, title="Ytans sida", body=[("document", {"document": document})])
    document.refresh_from_db()
    assert document.collection != ROOT()
    assert _download(client, world.users["partner user"], document).status_code == 200
    assert _download(client, world.users["staff of B"], document).status_code == 404


def test_public_pages_and_restricted_files_leave_files_where_they_are(world):
    public_doc = add_document(ROOT(), "Allman.pdf")
    b_doc = add_document(world.municipality_b.collection, "Sodertalje.pdf")
    add_page(None, title="Publik", body=[("document", {"document": public_doc})])
    add_page(world.content["A's section"], title="Lånad", body=[("document", {"document": b_doc})])
    public_doc.refresh_from_db()
    b_doc.refresh_from_db()
    assert public_doc.collection == ROOT()
    assert b_doc.collection == world.municipality_b.collection


# --- uploads ---------------------------------------------------------------------------


def _pdf(name="Blankett.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 blankett", content_type="application/pdf")


def _png(name="bild.png"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (11, 79, 108)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


UPLOADS = {
    "document": ("/admin/documents/add/", {"title": "Blankett", "file": _pdf}),
    "document, multiple": ("/admin/documents/multiple/add/", {"files[]": _pdf}),
    "document, chooser": (
        "/admin/documents/chooser/create/",
        {"document-chooser-upload-title": "B", "document-chooser-upload-file": _pdf},
    ),
    "image": ("/admin/images/add/", {"title": "Bild", "file": _png}),
    "image, multiple": ("/admin/images/multiple/add/", {"files[]": _png}),
    "image, chooser": (
        "/admin/images/chooser/create/",
        {"image-chooser-upload-title": "B", "image-chooser-upload-file": _png},
    ),
}


@pytest.mark.parametrize("upload", list(UPLOADS))
def test_an_editors_upload_lands_in_their_collection(client, world, upload):
    url, fields = UPLOADS[upload]
    client.force_login(world.users["editor of A"])
    data = {name: value() if callable(value) else value for name, value in fields.items()}
    response = client.post(url, data)
    assert response.status_code in (200, 302), response.content[:500]
    model = get_image_model() if upload.startswith("image") else get_document_model()
    uploaded = model.objects.order_by("-pk").first()
    assert uploaded.collection == world.municipality_a.collection


@pytest.mark.parametrize("url", ["/admin/documents/add/", "/admin/images/add/"])
def test_the_upload_form_preselects_the_editors_collection_over_root(client, world, url):
    """Someone who may also add to Root (e.g. an approver) gets their own collection first."""
    approvers = Group.objects.create(name="Godkännare")
    for app_label, codename in [("wagtaildocs", "add_document"), ("wagtailimages", "add_image")]:
        GroupCollectionPermission.objects.create(
            group=approvers,
            collection=ROOT(),
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    editor = world.users["editor of A"]
    editor.groups.add(approvers)
    client.force_login(editor)
    form = client.get(url).context["form"]
    assert form["collection"].value() == world.municipality_a.collection_id


# --- the check -------------------------------------------------------------------------


def _check(*args):
    out = io.StringIO()
    try:
        call_command("check_file_collections", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


def test_check_passes_when_files_match_their_pages(world):
    document = add_document(ROOT(), "Ok.pdf")
    add_page(world.content["A's section"], title="Ok", body=[("document", {"document": document})])
    output, status = _check()
    assert status == 0 and "matches the pages" in output


def test_check_lists_wider_and_narrower_files_and_fixes_the_public_ones(world):
    leaked = add_document(ROOT(), "Lackt.pdf")
    add_page(
        world.content["A's section"], title="Sida i A", body=[("document", {"document": leaked})]
    )
    # Someone moves the file back to Root in the admin: public again, on a restricted page.
    get_document_model().objects.filter(pk=leaked.pk).update(collection=ROOT())
    shared_bank = add_index(None, title="Kunskapsbanken", slug="kunskapsbanken")
    a_only = world.content["A's document"]
    routine = add_routine(shared_bank, title="Gemensam rutin", attachments=[a_only])
    wider = f'"Lackt.pdf" (id {leaked.pk}) in collection "Root" is wider than page "Sida i A"'
    narrower = (
        f'"Kalmar-rutin.pdf" (id {a_only.pk}) in collection "Kalmar kommun" is narrower than '
        f'page "Gemensam rutin" (id {routine.pk}'
    )

    output, status = _check()
    assert status == 1 and wider in output and narrower in output

    output, status = _check("--fix")
    leaked.refresh_from_db()
    assert leaked.collection == world.municipality_a.collection
    assert f'Moved document "Lackt.pdf" (id {leaked.pk}) into collection "Kalmar kommun"' in output
    # A file in a restricted collection is only listed: someone has to decide where it goes.
    assert status == 1 and wider not in output and narrower in output
    a_only.refresh_from_db()
    assert a_only.collection == world.municipality_a.collection
