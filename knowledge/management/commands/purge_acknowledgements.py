from django.conf import settings
from django.core.management.base import BaseCommand

from knowledge import acknowledgements


class Command(BaseCommand):
    help = (
        "Delete read confirmations older than KNOWLEDGE_ACKNOWLEDGEMENT_RETENTION_DAYS, by age "
        "alone (also those of a page's current version). Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of the setting.",
        )

    def handle(self, *args, days=None, **options):
        days = settings.KNOWLEDGE_ACKNOWLEDGEMENT_RETENTION_DAYS if days is None else days
        deleted = acknowledgements.purge(days=days)
        self.stdout.write(f"Deleted {deleted} confirmation(s) older than {days} days.")
