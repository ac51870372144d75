"""Production: everything from the environment, secure cookies, HSTS, a database task queue."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to at least 50 random characters.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the hosts this portal answers on.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Accounts and hardening: behind the reverse proxy, rate limits and the audit log need the
# client's address from X-Forwarded-For (number of proxies in front of the app).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "1"))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Every worker must see the same cache: it holds sessions and the version key that retires
# cached access answers when privacy changes (portal/cache_version.py). Without Redis, a
# folder that all workers on this host share; with more than one host, set REDIS_URL.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PORTAL_CACHE_DIR", str(VAR_DIR / "cache")),  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
