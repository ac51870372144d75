"""Kolada's figures into the goals: from a file in Kolada's API format, or fetched.

manage.py import_kolada FILE [--goal ID]
manage.py import_kolada --fetch [--goal ID]   (needs GOALS_KOLADA_API_URL)
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from goals import kolada


class Command(BaseCommand):
    help = "Import Kolada values (API v2 JSON) for indicators bound to a Kolada KPI id."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A JSON file in Kolada's API format.")
        parser.add_argument("--goal", type=int, help="Only this goal page (its id).")
        parser.add_argument(
            "--fetch",
            action="store_true",
            help="Fetch from GOALS_KOLADA_API_URL instead of reading a file.",
        )

    def handle(self, *args, **options):
        from goals.models import GoalPage

        if bool(options["file"]) == bool(options["fetch"]):
            raise CommandError("Give either a FILE or --fetch.")
        if options["goal"] is not None:
            goal = GoalPage.objects.filter(id=options["goal"]).first()
            if goal is None:
                raise CommandError(f"There is no goal with id {options['goal']}.")
            goals, strict = [goal], True
        else:
            goals, strict = list(GoalPage.objects.live().order_by("path")), False

        if options["fetch"]:
            base = getattr(settings, "GOALS_KOLADA_API_URL", "")
            if not base:
                raise CommandError(
                    "GOALS_KOLADA_API_URL is not set: set it (e.g. https://api.kolada.se/v2) "
                    "or import a downloaded file."
                )
            try:
                entries = kolada.fetch_entries(base, goals, opener=self.opener())
            except kolada.KoladaError as error:
                raise CommandError("\n".join(error.errors)) from error
            except OSError as error:  # URLError, HTTPError, timeouts
                raise CommandError(f"Kolada could not be reached: {error}") from error
            result = kolada.import_entries(entries, goals, strict=strict)
        else:
            path = Path(options["file"])
            try:
                raw = path.read_bytes()
            except OSError as error:
                raise CommandError(f"Cannot read {path}: {error}") from error
            result = kolada.import_file(raw, goals, strict=strict)

        for note in result.notes:
            self.stdout.write(str(note))
        if result.errors:
            raise CommandError("Nothing was saved.\n" + "\n".join(str(e) for e in result.errors))
        self.stdout.write(self.style.SUCCESS(result.summary()))

    def opener(self):
        """urllib's urlopen; the tests patch it."""
        import urllib.request

        return urllib.request.urlopen
