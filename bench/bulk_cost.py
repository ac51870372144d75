"""Queries and time per routine: one by one (the tests' add_routine: add_child, then
save_revision().publish(), every save indexed) against knowledge.bulk.

    python -m bench.bulk_cost [--count 200]

Runs against the database in DATABASE_URL (the benchmark's, after seeding) inside a
transaction that is rolled back, so nothing stays. Both paths create the same generated
routines (bench.generate) in the shared bank; the bulk figure includes the indexing at
the end. The one-by-one cost grows with the size of the search index (PostgreSQL's
database backend refreshes title norms over the whole table on every save), so the
figures hold for the database's current size, which is printed.
"""

import argparse
import json
import sys
import time

from bench.generate import build_routine, demo_context, setup_django


class _Rollback(Exception):
    pass


def _routines(context, count, first_number):
    from knowledge import clock
    from partners.models import ContactPerson

    contacts = list(ContactPerson.objects.select_related("organisation").order_by("pk")[:count])
    if not contacts:
        raise SystemExit("No contact people: seed the demo first.")
    today = clock.today()
    pages = []
    for offset in range(count):
        number = first_number + offset
        _bank, page = build_routine(number, context, contacts[offset % len(contacts)], today)
        page.slug = f"kostnad-{number}"
        pages.append(page)
    return pages


def one_by_one(parent, pages):
    for page in pages:
        parent.add_child(instance=page)
        page.save_revision().publish()


def bulk(parent, pages):
    from knowledge.bulk import create_published_pages

    create_published_pages(parent, pages, prefetch=("topics", "attachments"))


class QueryCounter:
    """Counts statements (CaptureQueriesContext keeps only the last 9000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(label, create, parent, pages):
    from django.db import connection, transaction

    counter = QueryCounter()
    try:
        with transaction.atomic():
            with connection.execute_wrapper(counter):
                started = time.perf_counter()
                create(parent, pages)
                elapsed = time.perf_counter() - started
            raise _Rollback
    except _Rollback:
        pass
    return {
        "path": label,
        "queries": counter.count / len(pages),
        "ms": elapsed * 1000 / len(pages),
    }


def run(count):
    from knowledge.models import RoutinePage

    context = demo_context()
    parent = context["banks"]["shared"]
    size = RoutinePage.objects.count()
    results = []
    for label, create in (("one by one", one_by_one), ("knowledge.bulk", bulk)):
        # Fresh, unsaved pages each time (saving fills in ids and paths).
        pages = _routines(context, count, first_number=900_000)
        parent.refresh_from_db()
        results.append(measure(label, create, parent, pages))
    return size, results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args(argv)
    setup_django()
    size, results = run(args.count)
    print("BENCH_JSON " + json.dumps({"routines": size, "count": args.count, "paths": results}))
    print(f"Creating {args.count} routines in a database with {size} routines:")
    print(f"  {'path':<16} {'queries/routine':>16} {'ms/routine':>11}")
    for row in results:
        print(f"  {row['path']:<16} {row['queries']:>16.1f} {row['ms']:>11.1f}")
    before, after = results
    print(f"  speed-up: {before['ms'] / after['ms']:.1f}x")


if __name__ == "__main__":
    sys.exit(main())
