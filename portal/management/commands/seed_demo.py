from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each app that has demo content adds its module here; each exposes seed().
DEMO_MODULES = [
    "portal.demo",
    "portal.demo_privacy",
    "partners.demo",
    "knowledge.demo",
    "news.demo",
    "goals.demo",
    "knowledge.demo_acknowledgements",
    "subscriptions.demo",
    "portal.accounts.demo",
]


class Command(BaseCommand):
    help = "Load demo municipalities, pages and users. Idempotent. Refused in production."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo content is never created under production settings.")
        from knowledge.bulk import indexed_once
        from portal.demo import DEMO_PASSWORD

        users = []
        # Each object is indexed once at the end rather than after each of its saves.
        with transaction.atomic(), indexed_once():
            for path in DEMO_MODULES:
                result = import_module(path).seed()
                if path == "portal.demo":
                    users = result
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for user, role in users:
            self.stdout.write(f"  {user.email:<42} {role}")
