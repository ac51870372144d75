"""Answering with a stored file once the caller has checked that the reader may have it.

With `SENDFILE_BACKEND` set (nginx's X-Accel-Redirect or Apache's X-Sendfile, through
django-sendfile2) and the file on local disk, the web server sends the bytes from an
internal location and the worker is free at once. Otherwise (the default, or media on
object storage, which has no local path) Django streams the file from the storage.
Wagtail's document view reads the same `SENDFILE_*` settings, so documents and images
are offloaded alike.
"""

import mimetypes

from django.conf import settings
from django.http import FileResponse, Http404
from django_sendfile import sendfile


def local_path(field_file):
    """The file's path on this machine, or None when the storage has no paths (S3)."""
    try:
        return field_file.storage.path(field_file.name)
    except NotImplementedError:
        return None


def offloading_enabled():
    return bool(getattr(settings, "SENDFILE_BACKEND", None))


def stored_file_response(request, field_file, content_type=None):
    """An inline response with the file's bytes (or the web server's instruction to send them)."""
    name = field_file.name
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    path = local_path(field_file)
    if path and offloading_enabled():
        response = sendfile(request, path, mimetype=content_type, attachment_filename=False)
    else:
        try:
            handle = field_file.storage.open(name, "rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(handle, content_type=content_type)
    # As Wagtail's own file views: never run as a page, never sniffed into one.
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
