from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

EXAMPLES = 20


class Command(BaseCommand):
    help = (
        "The portal's search index: --rebuild writes it again from the content (on "
        "Elasticsearch into a new index that replaces the old one in one step); --check "
        "lists items missing from it, stale in it or no longer searchable, and exits with "
        "status 1 when there are any. Works on Elasticsearch when ELASTICSEARCH_URL is set, "
        "otherwise on the database index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Rebuild the index.")
        parser.add_argument("--check", action="store_true", help="Compare index and content.")

    def handle(self, *args, rebuild=False, check=False, **options):
        if not rebuild and not check:
            raise CommandError("Say --rebuild or --check.")
        on_elasticsearch = bool(settings.ELASTICSEARCH_URL)
        where = "Elasticsearch" if on_elasticsearch else "the database"
        if rebuild:
            self._rebuild(on_elasticsearch, where)
        if check:
            self._check(on_elasticsearch, where)

    def _rebuild(self, on_elasticsearch, where):
        if on_elasticsearch:
            from search.elastic import index
            from search.indexing import all_items

            name, count = index.rebuild(all_items())
            self.stdout.write(f"Indexed {count} item(s) on {where} in {name}.")
        else:
            from search import indexing

            count = indexing.rebuild()
            self.stdout.write(f"Indexed {count} item(s) in {where}.")

    def _check(self, on_elasticsearch, where):
        from search import index_check

        if on_elasticsearch:
            report = index_check.check_elasticsearch()
        else:
            report = index_check.check_database()
        for label, found in (
            ("missing", report.missing),
            ("stale", report.stale),
            ("no longer searchable", report.extra),
        ):
            if not found:
                continue
            self.stdout.write(f"{len(found)} item(s) {label} in the index on {where}:")
            for example in found[:EXAMPLES]:
                self.stdout.write(f"  {example}")
            if len(found) > EXAMPLES:
                self.stdout.write(f"  … and {len(found) - EXAMPLES} more")
        if not report.ok:
            raise CommandError(
                "The search index is out of step; run `manage.py search_index --rebuild`.",
                returncode=1,
            )
        self.stdout.write(f"The search index on {where} is in step with the content.")
