"""Settings shared by every environment. Everything that differs between machines
comes from the environment, never from editing this file."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# What is deployed (e.g. the commit): part of every cache key, so that a new release never
# reads the previous one's cached pages and HTML (portal/cache_version.py).
PORTAL_RELEASE = os.environ.get("PORTAL_RELEASE", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo users and content are only ever created where this is true (dev and test).
DEMO_CONTENT_ALLOWED = False

INSTALLED_APPS = [
    "portal",
    "knowledge",
    "partners",
    "news",
    "goals",
    "subscriptions",
    "search",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Trigram lookups for search's typo suggestions on PostgreSQL (search/engines/database.py).
    "django.contrib.postgres",
    "django.contrib.humanize",  # allauth.usersessions' session list uses it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.http_methods.RefuseUnknownMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session middleware: it must see the cookies that one sets.
    "portal.cache_headers.PrivateResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.routing.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.current_reader.CurrentReaderMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Accounts and hardening: session list, MFA for editors, CSP and other headers.
    "portal.session_activity.ThrottledUserSessionsMiddleware",
    "portal.mfa_required.RequireMFAForAdminMiddleware",
    "portal.security_headers.ContentSecurityPolicyMiddleware",
    "portal.security_headers.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.navigation",
                "knowledge.context_processors.search_box",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        # Persistent connections: a new PostgreSQL connection per request costs more than
        # most pages; health checks drop a connection the server closed.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several requests write at once (session activity, admin assets): wait for the lock
    # instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    # SQLite creates the database file but not its folder ("unable to open database file").
    if DATABASES["default"]["NAME"] and not str(DATABASES["default"]["NAME"]).startswith(":"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Language: Swedish first, English available.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # ASCII addresses: "å", "ä", "ö" become a, a, o (not %C3%A5)
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage when a bucket is named, so several app servers
# share it. Credentials: the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. The bucket
# stays private; files are served only through the access-checked views.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "portal.storage.PrivateMediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,  # objects get the bucket's (private) policy
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Optional: after the access check the web server sends the file (nginx X-Accel-Redirect:
# django_sendfile.backends.nginx; Apache X-Sendfile: django_sendfile.backends.xsendfile).
# Read by the image and media views and by Wagtail's document view (which passes a plain
# path, so only these backends); unset = Django streams.
SENDFILE_BACKENDS_FOR_WAGTAIL = (
    "django_sendfile.backends.nginx",
    "django_sendfile.backends.xsendfile",
    "django_sendfile.backends.mod_wsgi",
)
if os.environ.get("SENDFILE_BACKEND"):
    SENDFILE_BACKEND = os.environ["SENDFILE_BACKEND"]
    if SENDFILE_BACKEND not in SENDFILE_BACKENDS_FOR_WAGTAIL:
        raise ImproperlyConfigured(
            f"SENDFILE_BACKEND must be one of {SENDFILE_BACKENDS_FOR_WAGTAIL}"
        )
    SENDFILE_ROOT = os.environ.get("SENDFILE_ROOT", str(MEDIA_ROOT))
    SENDFILE_URL = os.environ.get("SENDFILE_URL", "/internal-media/")

# Cache: in-process by default, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (e-mail, index updates) goes through django-tasks.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Search: the database backend by default, Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "samverkan")
# Wagtail's database backend with its input bugs on odd searches fixed (search/backends).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            # Wagtail's (modelsearch's) backend reads INDEX_PREFIX: its indices are then
            # "<prefix>-wagtailcore_page" …, so environments sharing a cluster stay apart.
            "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}-",
            "TIMEOUT": 10,
        }
    }

# E-mail
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samverkansportalen <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts: django-allauth, e-mail and password, no open sign-up.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "portal.accounts.adapter.PortalAccountAdapter"
ACCOUNT_SESSION_REMEMBER = None

# --- Accounts and hardening (issue 4) ---------------------------------------------------
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    # Our own action, consumed by the invitation accept view.
    "invitation_accept": "20/m/ip",
}
PORTAL_INVITATION_DAYS = int(os.environ.get("PORTAL_INVITATION_DAYS", "7"))
PORTAL_REQUIRE_MFA_FOR_EDITORS = env_bool("PORTAL_REQUIRE_MFA_FOR_EDITORS", True)
# A working day; "remember me" on the login page keeps it this long after the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(60 * 60 * 10)))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Samverkansportalen"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", False)
# Sensitive account actions (MFA changes) ask for the password again unless it was given
# this recently, at log in or on the reauthentication page (PortalAccountAdapter): long
# enough to install an authenticator app right after logging in.
ACCOUNT_REAUTHENTICATION_TIMEOUT = 600
USERSESSIONS_TRACK_ACTIVITY = True
# ... but at most one write per session in this many seconds (portal/session_activity.py).
PORTAL_SESSION_ACTIVITY_SECONDS = int(os.environ.get("PORTAL_SESSION_ACTIVITY_SECONDS", "300"))
# How long a cache in front may keep a visitor's public page (portal/cache_headers.py).
PORTAL_PUBLIC_MAX_AGE = int(os.environ.get("PORTAL_PUBLIC_MAX_AGE", "300"))
# Sessions read from the cache, written through to the database (they survive a restart).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# A logged-in user without admin access sent to the login page must see it (with Wagtail's
# message), not be bounced back to `next`, which looped between /admin/ and the login.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
# Content Security Policy (django-csp 4). The Wagtail admin gets its own, looser policy
# in portal/security_headers.py because its editor still needs inline styles and scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # Films from YouTube (its no-cookie host) and Vimeo, loaded only after a click
        # (templates/blocks/embed_block.html, static/js/click-to-load.js).
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Passwords are changed and reset through allauth only (/konto/), where its rate limits,
# "log out everywhere on change" and the audit log apply.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No Gravatar: it would send a hash of every editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.PortalImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.PortalDocumentForm"
PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_FINDERS = [{"class": "portal.sanitising.SanitisingOEmbedFinder"}]

# Wagtail
WAGTAIL_SITE_NAME = "Samverkansportalen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_FRONTEND_LOGIN_URL = "/konto/login/"
WAGTAILADMIN_LOGIN_URL = "/konto/login/"
# Films: wagtailmedia with our model (captions track, transcript); video only.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "news.Film",
    "AUDIO_EXTENSIONS": [],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "m4v", "ogv"],
    # Checks extension, size and the captions' WebVTT signature (news/film_forms.py).
    "MEDIA_FORM_BASE": "news.film_forms.FilmForm",
}
PORTAL_FILM_MAX_UPLOAD_SIZE = int(os.environ.get("PORTAL_FILM_MAX_UPLOAD_SIZE", 200 * 1024 * 1024))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Access is decided by groups and login only; a shared password cannot say who read what.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}  # documents and images
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "xls", "ods", "pptx", "txt", "csv"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Rich text: no inline images or embeds. Their HTML points straight at the media folder or
# a third party, past the access module; use the image and embed blocks instead.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2",
                "h3",
                "h4",
                "bold",
                "italic",
                "ol",
                "ul",
                "hr",
                "link",
                "document-link",
                "superscript",
                "subscript",
                "strikethrough",
                "blockquote",
            ]
        },
    }
}

# The admin's release check calls a third-party host that our CSP (rightly) blocks.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Pasting a page's URL as an external link would show that page's draft title whoever it
# belongs to; editors choose internal pages with the (access-checked) page chooser.
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = ""

# Goals (goals/masking.py): a count below this, and every figure that would give it away,
# is shown as "färre än 5". Kolada's API (goals/kolada.py) is asked only when a URL is set.
GOALS_MASK_THRESHOLD = int(os.environ.get("GOALS_MASK_THRESHOLD", "5"))
GOALS_KOLADA_API_URL = os.environ.get("GOALS_KOLADA_API_URL", "")

# Read confirmations (knowledge/acknowledgements.py) are kept this many days after they
# were given, then deleted by `manage.py purge_acknowledgements` (and with their user).
KNOWLEDGE_ACKNOWLEDGEMENT_RETENTION_DAYS = int(
    os.environ.get("KNOWLEDGE_ACKNOWLEDGEMENT_RETENTION_DAYS", "1095")
)

# A goal's values grid (goals/entry_views.py) posts three or four fields per municipality,
# indicator and period: a six-municipality tertial goal passes Django's default of 1000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000
