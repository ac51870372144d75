"""Test runs: fast hashing, in-memory e-mail, media in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "test-only-not-secret")
DEBUG = False
DEMO_CONTENT_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="samverkan-media-")
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ACCOUNT_RATE_LIMITS = False

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Most admin tests log in without a second factor; tests/accounts switches this back on.
PORTAL_REQUIRE_MFA_FOR_EDITORS = False
# One connection per test worker anyway; persistent ones only trip the live server's threads.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Test databases are thrown away: PostgreSQL need not wait for the disk on each commit
# (creating each worker's database runs hundreds of migrations).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
