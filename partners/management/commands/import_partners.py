from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from partners import importer


class Command(BaseCommand):
    help = (
        "Import partner organisations and contact people from a CSV file with the columns of "
        "the directory's CSV export. Every row is checked first; if any row is wrong, nothing "
        "is imported. Organisations are matched by name and updated, contacts by name."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8, semicolon-separated)")
        parser.add_argument(
            "--dry-run", action="store_true", help="only check the file, change nothing"
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from error
        try:
            rows, column_count = importer.read_rows(data)
        except importer.ImportFileError as error:
            raise CommandError(self._failure(error.errors)) from error
        plans, errors = importer.validate(rows, column_count)
        if errors:
            raise CommandError(self._failure(errors))
        contacts = sum(len(plan.contacts) for plan in plans)
        if dry_run:
            self.stdout.write(
                _(
                    "The file is valid: %(organisations)s organisations, %(contacts)s contacts. "
                    "Nothing was imported (dry run)."
                )
                % {"organisations": len(plans), "contacts": contacts}
            )
            return
        result = importer.apply(plans)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Imported: %(created)s new and %(updated)s updated organisations, "
                    "%(contacts_created)s new and %(contacts_updated)s updated contacts."
                )
                % {
                    "created": result.organisations_created,
                    "updated": result.organisations_updated,
                    "contacts_created": result.contacts_created,
                    "contacts_updated": result.contacts_updated,
                }
            )
        )

    @staticmethod
    def _failure(errors):
        return "\n".join([_("Nothing was imported. Fix these errors and try again:"), *errors])
