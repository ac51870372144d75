"""Media on S3-compatible object storage (django-storages), kept private.

The bucket is never read by browsers: every file goes through the portal's access-checked
views (/dokument/, /bilder/ and the media view). So the URL the storage hands out, which
Wagtail's admin uses for thumbnails and original images, is the portal's media URL, not
a (presigned) bucket address that anyone holding it could open.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateMediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))
