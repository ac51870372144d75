from django.core.management.base import BaseCommand, CommandError

from knowledge.file_check import file_kind, find_mismatches, move_public_files


class Command(BaseCommand):
    help = (
        "List documents and images whose collection's readers differ from the readers of a "
        "page that uses them (wider: a leak; narrower: a broken link for some readers). "
        "Exits with status 1 when any remain. --fix moves public files into the page's "
        "section collection; files in restricted collections are only listed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix", action="store_true", help="Move public files into their section's collection."
        )

    def handle(self, *args, fix=False, **options):
        mismatches = find_mismatches()
        if fix and mismatches:
            for file in move_public_files(mismatches):
                self.stdout.write(
                    f'Moved {file_kind(file)} "{file.title}" (id {file.pk}) '
                    f'into collection "{file.collection.name}".'
                )
            mismatches = find_mismatches()
        for mismatch in mismatches:
            self.stdout.write(mismatch.describe())
        if mismatches:
            raise CommandError(f"{len(mismatches)} file use(s) need attention.", returncode=1)
        self.stdout.write("Every file's collection matches the pages that use it.")
