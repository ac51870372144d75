"""Answering with a stored file once the caller has checked that the reader may have it.

With `SENDFILE_BACKEND` set (nginx's X-Accel-Redirect or Apache's X-Sendfile, through
django-sendfile2) and the file on local disk, the web server sends the bytes from an
internal location and the worker is free at once. Otherwise (the default, or media on
object storage, which has no local path) Django streams the file from the storage.
Wagtail's document view reads the same `SENDFILE_*` settings, so documents and images
are offloaded alike.

Streamed files answer HTTP range requests (RFC 9110 §14): a film cannot be sought without
them. One range `bytes=a-b`, `bytes=a-` or `bytes=-n` gets 206 with `Content-Range`; a range
starting past the end gets 416; anything else (several ranges, garbage, an `If-Range`,
which we cannot check without validators) gets the whole file, as the RFC allows. With
offloading, the web server answers ranges itself.
"""

import mimetypes
import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django_sendfile import sendfile

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
UNSATISFIABLE = "unsatisfiable"
CHUNK_SIZE = 64 * 1024


def local_path(field_file):
    """The file's path on this machine, or None when the storage has no paths (S3)."""
    try:
        return field_file.storage.path(field_file.name)
    except NotImplementedError:
        return None


def offloading_enabled():
    return bool(getattr(settings, "SENDFILE_BACKEND", None))


def parse_range(header, size):
    """The one byte range `header` asks for as (first, last), inclusive; `UNSATISFIABLE`
    when it lies wholly past the end of a file of `size` bytes; None when the header is
    absent, malformed or asks for several ranges (then the whole file is the answer)."""
    match = _RANGE.match((header or "").strip())
    if not match:
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        if last and int(last) < start:
            return None  # `bytes=9-3` is invalid: ignored
        if start >= size:
            return UNSATISFIABLE
        end = int(last) if last else size - 1
        return start, min(end, size - 1)
    if last:
        suffix = int(last)
        if suffix == 0 or size == 0:
            return UNSATISFIABLE
        return max(size - suffix, 0), size - 1
    return None  # `bytes=-`


def _read_range(handle, start, length):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _streamed_response(request, handle, content_type):
    """The whole file (200) or the one range asked for (206, or 416)."""
    size = handle.size
    wanted = None
    if request.method in ("GET", "HEAD") and "If-Range" not in request.headers:
        wanted = parse_range(request.headers.get("Range"), size)
    if wanted is None:
        response = FileResponse(handle, content_type=content_type)
    elif wanted == UNSATISFIABLE:
        handle.close()
        response = HttpResponse(status=416, content_type=content_type)
        response["Content-Range"] = f"bytes */{size}"
    else:
        start, end = wanted
        length = end - start + 1
        response = StreamingHttpResponse(
            _read_range(handle, start, length), status=206, content_type=content_type
        )
        response["Content-Length"] = str(length)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response


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
        response = _streamed_response(request, handle, content_type)
    # As Wagtail's own file views: never run as a page, never sniffed into one.
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
