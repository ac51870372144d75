"""Where one page view spends its time: cProfile over repeated requests, in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
    DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=<50+ random characters> \\
    ALLOWED_HOSTS=testserver SECURE_SSL_REDIRECT=false \\
        python -m bench.hotspots /kunskapsbanken/ --user personal.kalmar@demo.samverkan.se

Requests the path twice unmeasured (per-process caches, as a warm worker has them), then
profiles `--repeat` more and prints the functions with the most cumulative time per
request, and the SQL statements of one request. A tool for finding the next thing to
make cheaper; `bench/run` gives the figures.
"""

import argparse
import cProfile
import io
import os
import pstats
import time


def main():
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots")
    parser.add_argument("path")
    parser.add_argument("--user", default="", help="e-mail of the user to log in as")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if args.user:
        client.force_login(get_user_model().objects.get(email=args.user))
    for _n in range(2):
        response = client.get(args.path)
    print(f"status {response.status_code}, {len(response.content)} bytes")
    with CaptureQueriesContext(connection) as captured:
        client.get(args.path)
    print(f"{len(captured.captured_queries)} queries:")
    for query in captured.captured_queries:
        print(f"  {query['time']}s {query['sql'][: int(os.environ.get('SQL_CHARS', 160))]}")

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _n in range(args.repeat):
        client.get(args.path)
    profiler.disable()
    elapsed = (time.perf_counter() - started) / args.repeat
    print(f"{elapsed * 1000:.1f} ms per request (profiled, {args.repeat} requests)")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
