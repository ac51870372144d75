"""How well the portal's search finds things, per database engine (issue 22):

    python -m bench.relevance                      # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m bench.relevance

(a script, not a test). On a throwaway test database of the engine in DATABASE_URL
(SQLite when unset), it migrates, loads the demo content (`seed_demo`) and runs the
suite's relevance set (tests/search/relevance_cases.py) and the held-out set
(bench/relevance_heldout.py) through `search.service.search`, printing success@1,
recall@10, MRR and the zero-result rate per kind of query, the queries that missed
(`--misses`), and the p50/p95 time per search."""

import argparse
import os
import statistics
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the queries that missed")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench.relevance_heldout import CASES as HELD_OUT
    from search.relevance import evaluate
    from tests.search.relevance_cases import CASES as SUITE

    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        call_command("seed_demo", verbosity=0)
        print(f"engine: {connection.vendor} ({name})")
        for title, cases in (("suite set", SUITE), ("held-out set", HELD_OUT)):
            start = time.perf_counter()
            figures = evaluate(cases)
            took = time.perf_counter() - start
            print()
            print(figures.table(title))
            print(f"{'':<12} mean {1000 * took / len(cases):.1f} ms per search")
            if figures.wrong:
                print("found but must not be:", figures.wrong)
            if args.misses:
                for outcome in figures.failures():
                    print(
                        f"  MISS [{outcome.case.kind}] {outcome.case.query!r}: "
                        f"rank {outcome.rank}, recall {outcome.recall:.2f}, "
                        f"got {outcome.titles[:3]}"
                    )
        times = []
        for case in SUITE:
            from django.contrib.auth import get_user_model

            from search.relevance import READERS
            from search.service import search

            user = get_user_model().objects.get(email=READERS[case.reader])
            start = time.process_time()
            search(user, case.query)
            times.append(1000 * (time.process_time() - start))
        times.sort()
        print(
            f"\nCPU per search (suite set, warm): p50 {statistics.median(times):.1f} ms,"
            f" p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms"
        )
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
