"""Production file serving: the media view in every environment, X-Accel-Redirect/X-Sendfile
offloading, media on S3-compatible storage, and the settings that switch them on."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.test import override_settings
from wagtail.images.views.serve import generate_image_url

from tests.factories import add_document, add_image
from tests.test_settings import PRODUCTION_ENV, ROOT, _manage

FILE_SETTINGS_ENV = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "SENDFILE_BACKEND",
    "SENDFILE_ROOT",
    "SENDFILE_URL",
)


# --- Settings from the environment --------------------------------------------------------


def _production_settings(**env):
    """The file-serving settings that production would run with, read in a fresh process."""
    script = (
        "import json, portal.settings.production as s; "
        "print(json.dumps({'default': s.STORAGES['default'], 'media_root': str(s.MEDIA_ROOT), "
        "'sendfile': {k: getattr(s, k, None) for k in "
        "('SENDFILE_BACKEND', 'SENDFILE_ROOT', 'SENDFILE_URL')}}))"
    )
    full_env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SETTINGS_MODULE"}
    full_env.update(env)
    base_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in FILE_SETTINGS_ENV
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**base_env, **full_env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def test_without_a_bucket_media_stays_on_local_disk_and_django_streams_it():
    result = _production_settings()
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    # No SENDFILE_BACKEND at all: Wagtail's document view then streams (it asks hasattr).
    assert loaded["sendfile"] == {
        "SENDFILE_BACKEND": None,
        "SENDFILE_ROOT": None,
        "SENDFILE_URL": None,
    }


def test_a_bucket_name_puts_media_on_private_object_storage():
    result = _production_settings(
        AWS_STORAGE_BUCKET_NAME="samverkan-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.se",
        AWS_S3_REGION_NAME="eu-north-1",
    )
    assert result.returncode == 0, result.stderr
    default = json.loads(result.stdout)["default"]
    assert default["BACKEND"] == "portal.storage.PrivateMediaStorage"
    assert default["OPTIONS"] == {
        "bucket_name": "samverkan-media",
        "endpoint_url": "https://s3.example.se",
        "region_name": "eu-north-1",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }


def test_sendfile_is_configured_from_the_environment():
    result = _production_settings(SENDFILE_BACKEND="django_sendfile.backends.nginx")
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["sendfile"] == {
        "SENDFILE_BACKEND": "django_sendfile.backends.nginx",
        "SENDFILE_ROOT": loaded["media_root"],
        "SENDFILE_URL": "/internal-media/",
    }


def test_a_sendfile_backend_wagtails_document_view_cannot_use_is_refused_at_start():
    # The "simple" and "development" backends expect a Path; Wagtail passes a string.
    result = _production_settings(SENDFILE_BACKEND="django_sendfile.backends.simple")
    assert result.returncode != 0
    assert "SENDFILE_BACKEND must be one of" in result.stderr


@pytest.mark.once
def test_check_deploy_is_clean_with_object_storage_and_sendfile():
    env = dict(
        PRODUCTION_ENV,
        AWS_STORAGE_BUCKET_NAME="samverkan-media",
        SENDFILE_BACKEND="django_sendfile.backends.nginx",
        SENDFILE_URL="/internal-media/",
    )
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# --- The media view: admin thumbnails and original images, in every environment ------------


@pytest.fixture(autouse=True)
def _fresh_rendition_cache():
    # Wagtail caches renditions by image id, and ids repeat from one test database to the next.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def image_files(world):
    image = world.content["A's image"]
    rendition = image.get_rendition("max-165x165")
    return {
        "original": image.file.url,
        "rendition": rendition.file.url,
        "document": world.content["A's document"].file.url,
    }


def test_media_urls_point_at_the_portal(image_files):
    assert image_files["original"].startswith("/media/original_images/")
    assert image_files["rendition"].startswith("/media/images/")


def test_media_view_serves_images_to_their_readers_without_debug(client, world, image_files):
    client.force_login(world.users["staff of A"])
    original = client.get(image_files["original"])
    assert original.status_code == 200
    assert original["Content-Type"] == "image/png"
    assert b"".join(original.streaming_content).startswith(b"\x89PNG")
    assert original["X-Content-Type-Options"] == "nosniff"
    assert client.get(image_files["rendition"]).status_code == 200


@pytest.mark.parametrize("user", ["staff of B", "partner user"])
def test_media_view_refuses_others_like_a_missing_file(client, world, image_files, user):
    client.force_login(world.users[user])
    assert client.get(image_files["original"]).status_code == 404
    assert client.get(image_files["rendition"]).status_code == 404


def test_media_view_never_serves_documents_or_unknown_files(client, world, image_files):
    client.force_login(world.users["superuser"])
    assert client.get(image_files["document"]).status_code == 404
    assert client.get("/media/original_images/finns-inte.png").status_code == 404
    assert client.get("/media/images/../documents/Kalmar-rutin.pdf").status_code == 404


def test_visitors_get_the_same_answer_for_restricted_and_missing_media(client, image_files):
    for url in (image_files["original"], image_files["document"], "/media/images/x.png"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")


# --- Offloading to the web server ------------------------------------------------------------


def _clear_sendfile_caches():
    from django_sendfile.utils import _get_sendfile
    from wagtail.utils.sendfile import _get_sendfile as wagtail_get_sendfile

    _get_sendfile.cache_clear()
    wagtail_get_sendfile.clear()


@pytest.fixture
def nginx_offloading(settings):
    _clear_sendfile_caches()
    with override_settings(
        SENDFILE_BACKEND="django_sendfile.backends.nginx",
        SENDFILE_ROOT=str(settings.MEDIA_ROOT),
        SENDFILE_URL="/internal-media/",
    ):
        yield
    _clear_sendfile_caches()


def _offloaded_urls(world):
    image = world.content["A's image"]
    rendition = image.get_rendition("width-10")
    return {
        "document": (world.content["A's document"].url, world.content["A's document"].file.name),
        "image via /bilder/": (
            generate_image_url(image, "width-10", "portal_image"),
            rendition.file.name,
        ),
        "original via the media view": (image.file.url, image.file.name),
    }


@pytest.mark.parametrize("what", ["document", "image via /bilder/", "original via the media view"])
def test_with_nginx_the_web_server_sends_the_file(client, world, nginx_offloading, what):
    url, name = _offloaded_urls(world)[what]
    client.force_login(world.users["staff of A"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/internal-media/{name}"
    assert response.content == b""  # nginx reads the file; the worker sent none of it
    assert "private" in response["Cache-Control"]  # nginx keeps Cache-Control


@pytest.mark.parametrize("what", ["document", "image via /bilder/", "original via the media view"])
def test_with_nginx_refused_readers_get_no_redirect_to_the_file(
    client, world, nginx_offloading, what
):
    url, _name = _offloaded_urls(world)[what]
    client.force_login(world.users["staff of B"])
    response = client.get(url)
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response


def test_with_x_sendfile_the_header_names_the_file_on_disk(client, world, settings):
    _clear_sendfile_caches()
    try:
        with override_settings(
            SENDFILE_BACKEND="django_sendfile.backends.xsendfile",
            SENDFILE_ROOT=str(settings.MEDIA_ROOT),
        ):
            client.force_login(world.users["staff of A"])
            image = world.content["A's image"]
            response = client.get(generate_image_url(image, "width-10", "portal_image"))
            assert response.status_code == 200
            assert response["X-Sendfile"].startswith(str(settings.MEDIA_ROOT))
            document = client.get(world.content["A's document"].url)
            assert document["X-Sendfile"] == world.content["A's document"].file.path
    finally:
        _clear_sendfile_caches()


def test_without_sendfile_django_streams_the_file(client, world):
    client.force_login(world.users["staff of A"])
    for url, _name in _offloaded_urls(world).values():
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Accel-Redirect" not in response and "X-Sendfile" not in response
        assert b"".join(response.streaming_content)


# --- Media on S3-compatible object storage (moto's server mode, on localhost) --------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3_bucket(monkeypatch):
    import boto3
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    # The standard AWS variables, as in production; never real credentials.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket="samverkan-media")
    try:
        yield client, endpoint
    finally:
        server.stop()


@pytest.mark.s3
def test_files_on_object_storage_are_served_only_through_the_portal(client, world, s3_bucket):
    s3, endpoint = s3_bucket
    storages = {
        "default": {
            "BACKEND": "portal.storage.PrivateMediaStorage",
            "OPTIONS": {
                "bucket_name": "samverkan-media",
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        collection = world.municipality_a.collection
        document = add_document(collection, "Kalmar-s3.pdf", b"%PDF-1.4 i hinken")
        image = add_image(collection, "hinkbild")
        stored = {o["Key"] for o in s3.list_objects_v2(Bucket="samverkan-media")["Contents"]}
        assert document.file.name in stored and image.file.name in stored
        # Nothing hands out a bucket address: the storage's URLs are the portal's media view.
        assert image.file.url == f"/media/{image.file.name}"
        grants = s3.get_object_acl(Bucket="samverkan-media", Key=document.file.name)["Grants"]
        assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers grant

        image_url = generate_image_url(image, "width-10", "portal_image")
        client.force_login(world.users["staff of A"])
        response = client.get(document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 i hinken"
        rendition = client.get(image_url)
        assert rendition.status_code == 200
        assert b"".join(rendition.streaming_content).startswith(b"\x89PNG")
        original = client.get(image.file.url)
        assert original.status_code == 200
        assert b"".join(original.streaming_content).startswith(b"\x89PNG")

        client.force_login(world.users["staff of B"])
        for url in (document.url, image_url, image.file.url):
            assert client.get(url).status_code == 404
