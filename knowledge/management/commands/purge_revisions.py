"""Wagtail's purge_revisions, keeping the revisions that read confirmations are for.

Acknowledgements and the version readers confirm point at a revision with RESTRICT, which
Wagtail's command does not expect (it skips only PROTECT); this command, found before
Wagtail's (knowledge comes first in INSTALLED_APPS), leaves those revisions out."""

from django.db.models import RestrictedError
from wagtail.management.commands import purge_revisions as wagtail_purge


class Command(wagtail_purge.Command):
    def handle(self, *args, **options):
        # Wagtail's loop catches the name ProtectedError from its module: let it catch
        # RestrictedError too, and count those revisions as kept.
        original = wagtail_purge.ProtectedError
        wagtail_purge.ProtectedError = (original, RestrictedError)
        try:
            return super().handle(*args, **options)
        finally:
            wagtail_purge.ProtectedError = original
