"""Settings for serving wagtail/bakerydemo (BAKERYDEMO_DIR) beside the portal: its own
production settings, answering plain HTTP on loopback like the portal does in the
benchmark (bakerydemo hard-codes SECURE_SSL_REDIRECT = True)."""

from bakerydemo.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
