"""Uploads through every Wagtail upload path: bad files get a clear error and leave nothing."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

pytestmark = pytest.mark.django_db


def _png(size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def _media_files():
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.users["superuser"])
    return client


def _add_image(client, name, content, multiple=False):
    upload = SimpleUploadedFile(name, content)
    root = Collection.get_first_root_node().pk
    if multiple:
        return client.post("/admin/images/multiple/add/", {"files[]": upload, "collection": root})
    return client.post("/admin/images/add/", {"title": "Bild", "file": upload, "collection": root})


def _add_document(client, name, content, multiple=False):
    upload = SimpleUploadedFile(name, content)
    root = Collection.get_first_root_node().pk
    if multiple:
        return client.post(
            "/admin/documents/multiple/add/", {"files[]": upload, "collection": root}
        )
    return client.post(
        "/admin/documents/add/", {"title": "Dok", "file": upload, "collection": root}
    )


def _truncated_png():
    data = _png((200, 200))
    return data[: len(data) // 2]


def _too_many_pixels():
    return _png((8000, 6000), mode="1")  # 48 Mpx > 40 Mpx, only a few kB


BAD_IMAGES = {
    "corrupt (truncated)": ("trasig.png", _truncated_png, "skadad"),
    "not an image": ("text.png", lambda: b"just some text, not a picture", ""),
    "svg not allowed": ("bild.svg", lambda: b"<svg xmlns='http://www.w3.org/2000/svg'/>", ""),
    "wrong extension": ("bild.jpg", _png, ""),
    "too many pixels": ("stor.png", _too_many_pixels, ""),
    "executable": ("virus.exe", lambda: b"MZ\x90\x00", ""),
}


@pytest.mark.parametrize("multiple", [False, True], ids=["single", "multiple"])
@pytest.mark.parametrize("case", list(BAD_IMAGES))
def test_bad_images_are_rejected_and_leave_nothing(admin_client, case, multiple):
    name, make, text = BAD_IMAGES[case]
    before = _media_files()
    response = _add_image(admin_client, name, make(), multiple=multiple)
    body = response.content.decode()
    if multiple:
        assert response.json()["success"] is False
        assert response.json()["error_message"]
    else:
        assert response.status_code == 200
        assert "error-message" in body or "errorlist" in body
    if text and not multiple:
        assert text in body
    assert get_image_model().objects.count() == 1  # the world's one image
    assert not UploadedFile.objects.exists()
    assert _media_files() == before


def test_image_over_the_byte_limit_is_rejected(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    before = _media_files()
    response = _add_image(admin_client, "bild.png", _png((300, 300), mode="RGB") + b"\0" * 2000)
    assert "för stor" in response.content.decode() or "too large" in response.content.decode()
    assert _media_files() == before


def test_decompression_bomb_is_refused_with_a_message(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10**9  # let it past Wagtail's header check
    PILImage.MAX_IMAGE_PIXELS = 1000
    try:
        before = _media_files()
        response = _add_image(admin_client, "bomb.png", _png((100, 100)))
        assert "för hög upplösning" in response.content.decode()
        assert _media_files() == before
    finally:
        PILImage.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


@pytest.mark.parametrize("multiple", [False, True], ids=["single", "multiple"])
def test_good_image_is_accepted(admin_client, multiple):
    response = _add_image(admin_client, "bra.png", _png(), multiple=multiple)
    assert response.status_code in (200, 302)
    assert get_image_model().objects.count() == 2


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BAD_DOCUMENTS = {
    "executable": ("program.exe", b"MZ\x90\x00", "kan inte laddas upp"),
    "html": ("sida.html", b"<script>alert(1)</script>", "kan inte laddas upp"),
    "svg": ("bild.svg", b"<svg onload=alert(1)/>", "kan inte laddas upp"),
    "pdf that is not a pdf": ("rutin.pdf", b"MZ\x90\x00 not a pdf", "stämmer inte"),
    "docx that is not a zip": ("rutin.docx", b"%PDF-1.4 hello", "stämmer inte"),
    "doc that is not OLE": ("rutin.doc", b"plain text", "stämmer inte"),
    "binary as txt": ("anteckning.txt", b"\x00\x01\x02\x03binary", "stämmer inte"),
    "empty": ("tom.pdf", b"", ""),
    "double extension": ("rutin.pdf.exe", b"MZ", "kan inte laddas upp"),
}


@pytest.mark.parametrize("multiple", [False, True], ids=["single", "multiple"])
@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_bad_documents_are_rejected_and_leave_nothing(admin_client, case, multiple):
    name, content, text = BAD_DOCUMENTS[case]
    before_count = get_document_model().objects.count()
    before = _media_files()
    response = _add_document(admin_client, name, content, multiple=multiple)
    if multiple:
        assert response.json()["success"] is False
        if text:
            assert text in response.json()["error_message"]
    else:
        assert response.status_code == 200
        if text:
            assert text in response.content.decode()
    assert get_document_model().objects.count() == before_count
    assert not UploadedFile.objects.exists()
    assert _media_files() == before


def test_document_over_the_size_limit_is_rejected(admin_client, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = 100
    before = _media_files()
    response = _add_document(admin_client, "stor.pdf", PDF + b" " * 200)
    assert "dokument får vara högst" in response.content.decode()
    assert _media_files() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rutin.pdf", PDF),
        ("lista.csv", "namn;telefon\nVäxeln;0480-450000\n".encode()),
        ("text.txt", "Åäö".encode("cp1252")),
        ("mall.docx", b"PK\x03\x04" + b"\0" * 50),
    ],
)
def test_good_documents_are_accepted(admin_client, name, content):
    before_count = get_document_model().objects.count()
    response = _add_document(admin_client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.count() == before_count + 1
    assert os.path.exists(get_document_model().objects.latest("pk").file.path)
