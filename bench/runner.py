"""The performance benchmark (issue 13, item 6); `bash bench/run` starts it.

For each size N (generated routines on top of the demo) it: brings its own PostgreSQL
database to N routines with matching contacts (bench.generate), serves the portal with
gunicorn (production settings) and a bare Django view (bench/bare.py) on loopback, counts
SQL queries per URL in-process (bench/queries.py), then drives every URL with wrk for a
fixed time at each connection count and reads the workers' memory. Optionally the same
for wagtail/bakerydemo's blog (BAKERYDEMO_DIR). Prints a table per size, a markdown
table for docs/performance.md and the issue's targets; results.json and results.md go to
the work folder. Settings: `bash bench/run --help`.
"""

# A local benchmark driver: it starts our own commands (gunicorn, wrk, manage.py) with
# arguments it builds, talks HTTP to loopback only and keeps its files in a work folder.
# ruff: noqa: S108, S310, S603, S607

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
LUA = BENCH / "wrk_report.lua"
LUA_SESSIONS = BENCH / "wrk_sessions.lua"

STAFF_USER = "personal.kalmar@demo.samverkan.se"
KB_INDEX = "/kunskapsbanken/"
# (name, path, logged in?) -- demo pages that exist at every size, so sizes compare.
PORTAL_URLS = [
    ("visitor home", "/", False),
    ("staff home", "/", True),
    ("kb index p1", KB_INDEX, True),
    ("kb index deep", None, True),  # the last page, found at run time
    ("routine", "/kalmar/kunskapsbank/remiss-bup/", True),
    ("directory filtered", "/partnerkatalog/?kind=skola&municipality=kalmar", True),
    ("organisation", "/partnerkatalog/bup-kalmar-lan/", True),
    ("news index", "/nyheter/", True),
    ("news post", "/nyheter/utbildning-traumamedvetet/", True),
]
# bakerydemo's pages (visitors) and which of ours each is compared with (issue 26).
BAKERY_URLS = [
    ("bakery blog index", "/blog/"),
    ("bakery blog page", None),  # the first post linked from /blog/, found at run time
    ("bakery bread index", "/breads/"),
]
COMPARED = [
    ("kb index p1", "bakery blog index"),
    ("routine", "bakery blog page"),
    ("news post", "bakery blog page"),
    ("news index", "bakery blog index"),
    ("directory filtered", "bakery bread index"),
]
WORKER_RSS_LIMIT_MB = 170
RETIRE_CACHE = (
    "import django; django.setup(); from portal import cache_version; cache_version.bump()"
)
PROTECTED_DATABASES = ("test",)
PROTECTED_PREFIXES = ("samverkan_ci_",)


def env_default(name, default):
    return os.environ.get(name, default)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bash bench/run",
        description="Samverkansportalen performance benchmark (see docs/performance.md). "
        "Every option can also be given as the environment variable in brackets.",
    )
    add = parser.add_argument
    add(
        "--sizes",
        default=env_default("BENCH_SIZES", "0,1000,10000,50000"),
        help="generated routines per step, 0 = the demo alone [BENCH_SIZES]",
    )
    add(
        "--duration",
        default=env_default("BENCH_DURATION", "60s"),
        help="wrk time per URL and connection count [BENCH_DURATION]",
    )
    add(
        "--connections",
        default=env_default("BENCH_CONNECTIONS", "8,32"),
        help="wrk connection counts, each optionally with its own time: 8:30s,32:60s "
        "[BENCH_CONNECTIONS]",
    )
    add("--threads", type=int, default=int(env_default("BENCH_THREADS", "2")))
    add("--workers", type=int, default=int(env_default("BENCH_WORKERS", "2")))
    add("--timeout", default=env_default("BENCH_WRK_TIMEOUT", "2s"), help="wrk's --timeout")
    add(
        "--warmup",
        default=env_default("BENCH_WARMUP", "2s"),
        help="wrk warm-up per URL; 0 for none [BENCH_WARMUP]",
    )
    add("--db", default=env_default("BENCH_DB", "samverkan_bench"))
    add("--pg", default=env_default("BENCH_PG", "postgres://postgres@127.0.0.1:5432"))
    add(
        "--fresh",
        default=env_default("BENCH_FRESH", "1"),
        help="1: drop and recreate the database; 0: reuse it and add what is missing",
    )
    add("--port", type=int, default=int(env_default("BENCH_PORT", "8801")))
    add("--workdir", default=env_default("BENCH_WORKDIR", "/tmp/samverkan-bench"))
    add("--redis-url", default=env_default("BENCH_REDIS_URL", ""), help="REDIS_URL to serve with")
    add(
        "--bulk-cost",
        default=env_default("BENCH_BULK_COST", "0"),
        help="1: at each size also measure creating routines one by one vs knowledge.bulk "
        "(bench.bulk_cost, rolled back) [BENCH_BULK_COST]",
    )
    add("--bakerydemo", default=env_default("BAKERYDEMO_DIR", ""), help="[BAKERYDEMO_DIR]")
    add("--bakerydemo-db", default=env_default("BAKERYDEMO_DB", "bakerydemo_bench"))
    args = parser.parse_args(argv)
    args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    args.durations = {}
    for item in args.connections.split(","):
        if item.strip():
            connections, _colon, duration = item.strip().partition(":")
            args.durations[int(connections)] = duration or args.duration
    args.connections = sorted(args.durations)
    args.fresh = args.fresh.strip().lower() in {"1", "true", "yes", "on"}
    args.bulk_cost = args.bulk_cost.strip().lower() in {"1", "true", "yes", "on"}
    args.workdir = Path(args.workdir)
    args.bakerydemo = Path(args.bakerydemo) if args.bakerydemo else None
    for name in (args.db, args.bakerydemo_db):
        if name in PROTECTED_DATABASES or name.startswith(PROTECTED_PREFIXES):
            parser.error(f"refusing to use the database {name!r}")
    return args


def say(message=""):
    print(message, flush=True)


# --- environments --------------------------------------------------------------------


def _base_env():
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    return env


def portal_env(args, *, serve):
    env = _base_env()
    env.update(
        PYTHONPATH=str(REPO),
        DATABASE_URL=f"{args.pg}/{args.db}",
        PORTAL_VAR_DIR=str(args.workdir / "var"),
        MEDIA_ROOT=str(args.workdir / "media"),
        STATIC_ROOT=str(args.workdir / "static"),
        LOG_LEVEL="WARNING",
    )
    if serve:
        # Production settings as deployed, on plain HTTP behind no proxy. The database
        # connection age is the settings' own default unless DATABASE_CONN_MAX_AGE is set.
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=args.secret_key,
            ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
            SECURE_SSL_REDIRECT="false",
        )
        if args.redis_url:
            env["REDIS_URL"] = args.redis_url
    else:
        # Demo content is refused under production settings; seed with dev settings.
        env.update(DJANGO_SETTINGS_MODULE="portal.settings.dev", DEBUG="0")
    return env


def bakery_env(args):
    env = _base_env()
    env.update(
        # bench.queries and bench.bakery_settings are imported as modules of this
        # repository; bakerydemo's own packages all live under `bakerydemo.`.
        PYTHONPATH=f"{REPO}:{args.bakerydemo}",
        DJANGO_SETTINGS_MODULE="bench.bakery_settings",
        DATABASE_URL=f"{args.pg}/{args.bakerydemo_db}",
        DJANGO_SECRET_KEY=args.secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def run(argv, env, cwd=REPO, log=None, capture=False):
    started = time.perf_counter()
    result = subprocess.run(
        [str(a) for a in argv],
        env=env,
        cwd=cwd,
        text=True,
        stdout=subprocess.PIPE if capture else log,
        stderr=subprocess.STDOUT if log and not capture else None,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(map(str, argv))}")
    return (result.stdout if capture else None), time.perf_counter() - started


# --- PostgreSQL ----------------------------------------------------------------------


def pg_admin(args, *statements, database="postgres", params=None):
    import psycopg

    with psycopg.connect(f"{args.pg}/{database}", autocommit=True) as connection:
        rows = []
        for statement in statements:
            cursor = connection.execute(statement, params)
            rows = cursor.fetchall() if cursor.description else rows
        return rows


def database_exists(args, name):
    return bool(pg_admin(args, "SELECT 1 FROM pg_database WHERE datname = %s", params=[name]))


def recreate_database(args, name):
    pg_admin(args, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')


# --- servers -------------------------------------------------------------------------


class Server:
    """One gunicorn master we start and stop ourselves (by its pid)."""

    def __init__(self, name, argv, env, cwd, port, log_path):
        self.name, self.argv, self.env, self.cwd, self.port = name, argv, env, cwd, port
        self.log_path = log_path
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        log = open(self.log_path, "a")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [str(a) for a in self.argv],
            env=self.env,
            cwd=self.cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} did not start; see {self.log_path}")
            try:
                http_get(self.base_url + "/", timeout=5)
                return self
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"{self.name} did not answer within 90 s; see {self.log_path}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def worker_rss_mb(self):
        """Resident memory of each worker (children of our master), from /proc."""
        sizes = []
        master = self.process.pid
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == str(master) and "VmRSS" in fields:
                sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
        return sorted(sizes)


def gunicorn(args, python, module, port, env, cwd, log_name):
    argv = [
        Path(python).parent / "gunicorn",
        module,
        "--workers",
        args.workers,
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    return Server(log_name, argv, env, cwd, port, args.workdir / f"{log_name}.log")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http_get(url, cookie=None, timeout=30):
    """(status, body) without following redirects."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


# --- measuring -----------------------------------------------------------------------


def wrk(args, url, connections, duration, cookies=None):
    argv = [
        "wrk",
        "--threads",
        min(args.threads, connections),
        "--connections",
        connections,
        "--duration",
        duration,
        "--timeout",
        args.timeout,
        "--latency",
        "--script",
        LUA_SESSIONS if cookies else LUA,
        url,
    ]
    if cookies:
        argv += ["--", cookies]
    out, _elapsed = run(argv, env=dict(os.environ), capture=True)
    line = next(line for line in out.splitlines() if line.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = data["duration_us"] / 1e6
    errors = {
        key.removeprefix("errors_"): value
        for key, value in data.items()
        if key.startswith("errors_")
    }
    return {
        "requests": data["requests"],
        "rps": data["requests"] / seconds if seconds else 0.0,
        "p50_ms": data["p50_us"] / 1000,
        "p90_ms": data["p90_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "max_ms": data["max_us"] / 1000,
        "errors": sum(errors.values()),
        "error_detail": {key: value for key, value in errors.items() if value},
    }


def count_queries(python, env, cwd, urls, spec_path):
    spec_path.write_text(json.dumps({"urls": urls}))
    out, _ = run(
        [python, "-m", "bench.queries", "count", spec_path], env=env, cwd=cwd, capture=True
    )
    return json.loads(out.strip().splitlines()[-1])


def session_cookies(python, env, cwd, email, count, path):
    """A file of `count` session cookies of the user `email`, one per line, for wrk."""
    out, _ = run(
        [python, "-m", "bench.queries", "login", email, count], env=env, cwd=cwd, capture=True
    )
    path.write_text("\n".join(json.loads(out.strip().splitlines()[-1])) + "\n")
    return path


def measure_urls(args, server, target, urls, cookies, counted, size, bare_rps):
    """wrk each URL at each connection count; rows for the results table."""
    rows = []
    queries = {row["name"]: row for row in counted["urls"]}
    first_cookie = cookies.read_text().split("\n", 1)[0] if cookies else None
    for name, path, logged_in in urls:
        url = server.base_url + path
        use = cookies if logged_in else None
        status, _body = http_get(url, first_cookie if logged_in else None)
        if args.warmup.rstrip("s") not in ("", "0"):  # --warmup 0: none (the smoke test)
            wrk(args, url, 2, args.warmup, use)
        for connections in args.connections:
            result = wrk(args, url, connections, args.durations[connections], use)
            rss = server.worker_rss_mb()
            row = {
                "size": size,
                "target": target,
                "name": name,
                "path": path,
                "connections": connections,
                "status": status,
                "queries": queries[name]["queries"],
                "alone_ms": queries[name].get("ms"),
                "rss_mb": [round(r, 1) for r in rss],
                "vs_bare": (result["rps"] / bare_rps[connections]) if bare_rps else None,
                **result,
            }
            rows.append(row)
            say(format_row(row))
    return rows


# --- output --------------------------------------------------------------------------

COLUMNS = (
    f"{'URL':<20} {'conns':>5} {'req/s':>8} {'x bare':>7} {'p50 ms':>7} {'p95 ms':>7} "
    f"{'p99 ms':>7} {'errors':>6} {'queries':>7} {'alone ms':>8} {'worker RSS MB':>14}"
)


def _number(value, empty="-"):
    return empty if value is None else f"{value:.1f}"


def format_row(row):
    ratio = f"{row['vs_bare']:.3f}" if row["vs_bare"] is not None else "-"
    errors = str(row["errors"]) + ("" if row["status"] == 200 else f" ({row['status']}!)")
    rss = "/".join(f"{r:.0f}" for r in row["rss_mb"])
    return (
        f"{row['name']:<20} {row['connections']:>5} {row['rps']:>8.1f} {ratio:>7} "
        f"{row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f} {row['p99_ms']:>7.1f} {errors:>6} "
        f"{row['queries'] if row['queries'] is not None else '-':>7} "
        f"{_number(row['alone_ms']):>8} {rss:>14}"
    )


def markdown(rows):
    lines = [
        "| N | URL | conns | req/s | × bare | p50 ms | p95 ms | p99 ms | errors "
        "| queries | alone ms | worker RSS MB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        size = f"{row['size']:,}".replace(",", " ")
        ratio = f"{row['vs_bare']:.3f}" if row["vs_bare"] is not None else "–"
        errors = str(row["errors"]) + ("" if row["status"] == 200 else f" (HTTP {row['status']})")
        lines.append(
            f"| {size} | {row['name']} | {row['connections']} | {row['rps']:.1f} | {ratio} "
            f"| {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['p99_ms']:.1f} | {errors} "
            f"| {row['queries'] if row['queries'] is not None else '–'} "
            f"| {_number(row['alone_ms'], '–')} "
            f"| {'/'.join(f'{r:.0f}' for r in row['rss_mb'])} |"
        )
    return "\n".join(lines)


def sizes_table(sizes):
    lines = [
        "| N | knowledge pages | organisations | contact people | staff's index pages "
        "| generation s | load before |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for info in sizes:
        lines.append(
            f"| {info['size']} | {info['knowledge_pages']} | {info['organisations']} "
            f"| {info['contacts']} | {info['reader_index_pages']} "
            f"| {info['generation_seconds']} | {info['load_before']} |"
        )
    return "\n".join(lines)


def bulk_cost_table(costs):
    if not costs:
        return []
    lines = [
        "| routines in the database | path | queries per routine | ms per routine |",
        "|---:|---|---:|---:|",
    ]
    for cost in costs:
        for path in cost["paths"]:
            lines.append(
                f"| {cost['routines']} | {path['path']} | {path['queries']:.1f} "
                f"| {path['ms']:.1f} |"
            )
    return [*lines, ""]


def first(rows, size, name, connections):
    wanted = (size, name, connections)
    return next((r for r in rows if (r["size"], r["name"], r["connections"]) == wanted), None)


def _over(rows, field):
    """ ": over for routine 120 ms, ..." naming the rows that missed a latency target."""
    if not rows:
        return ""
    return ": over for " + ", ".join(f"{r['name']} {r[field]:.0f} ms" for r in rows)


def targets(args, rows):
    """The issue's targets, checked against this run's rows: (verdict, text) pairs."""
    checks = []
    portal = [r for r in rows if r["target"] == "portal"]
    bakery = [r for r in rows if r["target"] == "bakerydemo"]
    low, high = min(args.connections), max(args.connections)

    def check(ok, text):
        checks.append(("PASS" if ok else "FAIL", text))

    def check_against_bakery(size, ours, theirs, connections):
        mine = first(portal, size, ours, connections)
        other = first(bakery, size, theirs, connections)
        if mine and other and other["rps"]:
            ratio = mine["rps"] / other["rps"]
            how = "measured in the same step"
        else:
            # bakerydemo measured in another step: compare throughput relative to the bare
            # view of each one's own step.
            other = next(
                (r for r in bakery if (r["name"], r["connections"]) == (theirs, connections)), None
            )
            if not (mine and other and other["vs_bare"]):
                return
            ratio = mine["vs_bare"] / other["vs_bare"]
            how = f"relative to the bare view (bakerydemo measured at N={other['size']})"
        check(
            ratio >= 2,
            f"N={size}: {ours} {mine['rps']:.1f} req/s = {ratio:.2f}x {theirs} "
            f"at {connections} connections, {how} (>= 2x)",
        )

    for size in sorted({r["size"] for r in portal}):
        at = [r for r in portal if r["size"] == size]
        visitor = [r for r in at if r["name"] == "visitor home" and r["connections"] == low]
        for row in visitor:
            check(row["queries"] <= 5, f"N={size}: visitor home {row['queries']} queries (<= 5)")
        staff = {
            r["name"]: r for r in at if r["name"] != "visitor home" and r["connections"] == low
        }
        worst = max(staff.values(), key=lambda r: r["queries"], default=None)
        if worst:
            check(
                worst["queries"] <= 15,
                f"N={size}: logged-in pages at most {worst['queries']} queries "
                f"({worst['name']}) (<= 15)",
            )
        if 8 in args.connections:
            slow = [r for r in at if r["connections"] == 8 and r["p95_ms"] >= 100]
            check(not slow, f"N={size}: p95 < 100 ms at 8 connections" + _over(slow, "p95_ms"))
        if high >= 32:
            failed = [r for r in at if r["connections"] == high and r["errors"]]
            check(
                not failed,
                f"N={size}: no errors at {high} connections for {args.durations[high]}"
                + (
                    ": " + ", ".join(f"{r['name']} {r['errors']}" for r in failed) if failed else ""
                ),
            )
            slow = [r for r in at if r["connections"] == high and r["p99_ms"] >= 1000]
            check(not slow, f"N={size}: p99 < 1 s at {high} connections" + _over(slow, "p99_ms"))
        heavy = [r for r in at if r["rss_mb"] and max(r["rss_mb"]) > WORKER_RSS_LIMIT_MB]
        check(
            not heavy,
            f"N={size}: worker memory at most {WORKER_RSS_LIMIT_MB} MB"
            + (f": {max(max(r['rss_mb']) for r in heavy):.0f} MB" if heavy else ""),
        )
        below = [r for r in at if r["vs_bare"] is not None and r["vs_bare"] < 0.1]
        check(
            not below,
            f"N={size}: throughput >= 1/10 of the bare view"
            + (
                ": below for "
                + ", ".join(f"{r['name']}@{r['connections']} {r['vs_bare']:.3f}" for r in below)
                if below
                else ""
            ),
        )
        for ours, theirs in COMPARED:
            for connections in args.connections:
                check_against_bakery(size, ours, theirs, connections)
    if 0 in {r["size"] for r in portal}:
        for size in sorted({r["size"] for r in portal} - {0}):
            for connections in args.connections:
                demo = first(portal, 0, "kb index p1", connections)
                now = first(portal, size, "kb index p1", connections)
                if demo and now and now["vs_bare"]:
                    # Time per request relative to the bare view measured in the same step,
                    # so that a busier machine during one step does not count.
                    ratio = demo["vs_bare"] / now["vs_bare"]
                    text = (
                        f"N={size}: kb index time {ratio:.2f}x its demo-size time at "
                        f"{connections} connections, relative to the bare view "
                        f"(raw req/s {demo['rps']:.1f} -> {now['rps']:.1f})"
                    )
                    if size == 10000:
                        check(ratio <= 1.2, text + " (<= 1.2x)")
                    else:
                        checks.append(("info", text))
    return checks


def header(args, settings, bakery_settings=None):
    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        f"date: {datetime.datetime.now().isoformat(timespec='minutes')}   commit: {commit}",
        f"machine: {os.cpu_count()} x {cpu}, load before: {os.getloadavg()[0]:.2f}",
        f"portal: {settings['settings_module']}, CONN_MAX_AGE={settings['conn_max_age']} "
        f"(health checks {settings['conn_health_checks']}), "
        f"cache={settings['cache']}, sessions={settings['session_engine']}, "
        f"gunicorn {args.workers} sync workers",
        f"wrk: {args.threads} threads, per URL "
        + ", ".join(f"{c} connections for {d}" for c, d in args.durations.items())
        + f", timeout {args.timeout}, warm-up {args.warmup}",
    ]
    if bakery_settings:
        lines.append(
            f"bakerydemo: {bakery_settings['settings_module']}, "
            f"CONN_MAX_AGE={bakery_settings['conn_max_age']}, cache={bakery_settings['cache']}"
        )
    return lines


# --- the steps -----------------------------------------------------------------------


def prepare_portal(args):
    python = sys.executable
    data = portal_env(args, serve=False)
    log = open(args.workdir / "setup.log", "a")  # noqa: SIM115
    if args.fresh or not database_exists(args, args.db):
        say(f"==> database {args.db}: creating")
        recreate_database(args, args.db)
    _, seconds = run([python, "manage.py", "migrate", "--noinput"], data, log=log)
    say(f"    migrated ({seconds:.0f} s)")
    _, seconds = run([python, "manage.py", "seed_demo"], data, log=log)
    say(f"    demo seeded ({seconds:.0f} s)")
    _, seconds = run(
        [python, "manage.py", "collectstatic", "--noinput"], portal_env(args, serve=True), log=log
    )
    say(f"    static files collected ({seconds:.0f} s)")


def prepare_bakerydemo(args):
    directory = args.bakerydemo
    python = directory / ".venv" / "bin" / "python"
    log = open(args.workdir / "bakerydemo-setup.log", "a")  # noqa: SIM115
    if not python.exists():
        say(f"==> bakerydemo: creating {directory / '.venv'}")
        base_python = os.environ.get("BAKERYDEMO_PYTHON", "python3")
        run([base_python, "-m", "venv", directory / ".venv"], dict(os.environ), log=log)
        run(
            [
                python,
                "-m",
                "pip",
                "install",
                "--quiet",
                "-r",
                directory / "requirements" / "base.txt",
                # What its production settings use, and a server. django-tasks 0.9 (the
                # newest Wagtail 7.2 allows) fails on Python 3.11 when it saves a page.
                "psycopg[binary]>=3.2.2,<3.3",
                "whitenoise==6.6.0",
                "django-redis==5.4.0",
                "gunicorn",
                "django-tasks==0.8.1",
            ],
            dict(os.environ),
            log=log,
        )
    env = bakery_env(args)
    if not database_exists(args, args.bakerydemo_db):
        say(f"==> bakerydemo: database {args.bakerydemo_db}")
        recreate_database(args, args.bakerydemo_db)
        run([python, "manage.py", "migrate", "--noinput"], env, cwd=directory, log=log)
        run([python, "manage.py", "load_initial_data"], env, cwd=directory, log=log)
    run([python, "manage.py", "collectstatic", "--noinput"], env, cwd=directory, log=log)
    return python


def bakery_blog_page(server):
    status, body = http_get(server.base_url + "/blog/")
    if status != 200:
        raise SystemExit(f"bakerydemo /blog/ answered {status}")
    match = re.search(r'href="(/blog/[^"/?#]+/)"', body)
    if not match:
        raise SystemExit("no blog page linked from bakerydemo's /blog/")
    return match.group(1)


def measure_size(args, size, results, bakery_python):
    say()
    say(f"==> N = {size} generated routines")
    load = os.getloadavg()[0]
    generate = [sys.executable, "-m", "bench.generate", "--routines", size]
    out, seconds = run(
        generate + ["--stats-for", STAFF_USER], portal_env(args, serve=False), capture=True
    )
    with open(args.workdir / "setup.log", "a") as log:
        log.write(out)
    stats = json.loads(out.split("BENCH_JSON ", 1)[1].splitlines()[0])
    if args.bulk_cost:
        out, _seconds = run(
            [sys.executable, "-m", "bench.bulk_cost", "--count", "100"],
            portal_env(args, serve=False),
            capture=True,
        )
        cost = json.loads(out.split("BENCH_JSON ", 1)[1].splitlines()[0])
        results["bulk_cost"].append(cost)
        say(
            "    creating a routine: "
            + ", ".join(
                f"{p['path']} {p['queries']:.0f} queries {p['ms']:.0f} ms" for p in cost["paths"]
            )
        )
    # Fresh statistics, as autovacuum would have them after an import.
    pg_admin(args, "VACUUM ANALYZE", database=args.db)
    stats.update(size=size, generation_seconds=round(seconds, 1), load_before=round(load, 2))
    results["sizes"].append(stats)
    say(
        f"    content in place ({seconds:.0f} s): {stats['knowledge_pages']} knowledge pages, "
        f"{stats['organisations']} organisations, {stats['contacts']} contact people; "
        f"load average before: {load:.2f}"
    )
    deep = stats["reader_index_pages"]

    serve = portal_env(args, serve=True)
    # The content changed under the dev settings' cache: retire what the served portal's
    # cache (file folder or Redis) holds from the previous size, as a bump in production would.
    run([sys.executable, "-c", RETIRE_CACHE], serve)
    portal = gunicorn(args, sys.executable, "portal.wsgi", args.port, serve, REPO, "portal")
    bare = gunicorn(
        args, sys.executable, "bench.bare:application", args.port + 1, serve, REPO, "bare"
    )
    servers = [portal.start(), bare.start()]
    try:
        cookies = session_cookies(
            sys.executable,
            serve,
            REPO,
            STAFF_USER,
            max(args.connections),
            args.workdir / "sessions.txt",
        )
        urls = [
            (name, path or f"{KB_INDEX}?sida={deep}", logged_in)
            for name, path, logged_in in PORTAL_URLS
        ]
        counted = count_queries(
            sys.executable,
            serve,
            REPO,
            [{"name": n, "path": p, "user": STAFF_USER if li else None} for n, p, li in urls],
            args.workdir / "queries-spec.json",
        )
        results["settings"] = counted["settings"]
        results["queries"][str(size)] = counted["urls"]
        if not results["header_printed"]:
            for line in header(args, counted["settings"]):
                say("    " + line)
            results["header_printed"] = True
        say(f"    shared bank index for the staff user: {deep} pages (deep page = the last)")
        say()
        say(COLUMNS)
        bare_counted = {"urls": [{"name": "bare view", "queries": 0}]}
        bare_rows = measure_urls(
            args, bare, "bare", [("bare view", "/", False)], None, bare_counted, size, None
        )
        bare_rps = {row["connections"]: row["rps"] for row in bare_rows}
        results["rows"] += bare_rows
        results["rows"] += measure_urls(
            args, portal, "portal", urls, cookies, counted, size, bare_rps
        )
        if bakery_python:
            # In every step, beside the portal: the machine's state changes between steps.
            results["rows"] += measure_bakerydemo(args, bakery_python, size, bare_rps, results)
    finally:
        for server in servers:
            server.stop()


def measure_bakerydemo(args, python, size, bare_rps, results):
    env = bakery_env(args)
    server = gunicorn(
        args, python, "bakerydemo.wsgi", args.port + 2, env, args.bakerydemo, "bakerydemo"
    ).start()
    try:
        page = bakery_blog_page(server)
        urls = [(name, path or page, False) for name, path in BAKERY_URLS]
        counted = count_queries(
            python,
            env,
            args.bakerydemo,
            [{"name": n, "path": p, "user": None} for n, p, _li in urls],
            args.workdir / "bakery-spec.json",
        )
        results["bakery_settings"] = counted["settings"]
        results["queries"]["bakerydemo"] = counted["urls"]
        return measure_urls(args, server, "bakerydemo", urls, None, counted, size, bare_rps)
    finally:
        server.stop()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    args.secret_key = secrets.token_urlsafe(48)
    say(
        f"Samverkansportalen benchmark: sizes {args.sizes}, per URL "
        + ", ".join(f"{c} connections for {d}" for c, d in args.durations.items())
        + f"; work folder {args.workdir}"
    )
    prepare_portal(args)
    bakery_python = prepare_bakerydemo(args) if args.bakerydemo else None
    results = {
        "rows": [],
        "queries": {},
        "sizes": [],
        "bulk_cost": [],
        "header_printed": False,
    }
    for size in args.sizes:
        measure_size(args, size, results, bakery_python)

    rows = results["rows"]
    summary = header(args, results["settings"], results.get("bakery_settings"))
    checks = targets(args, rows)
    report = "\n".join(
        [
            "```",
            *summary,
            "```",
            "",
            markdown(rows),
            "",
            sizes_table(results["sizes"]),
            "",
            *bulk_cost_table(results["bulk_cost"]),
            "Targets (issues 13 and 26):",
            "",
            *(f"- {verdict}: {text}" for verdict, text in checks),
            "",
        ]
    )
    say()
    say("==> Results (markdown, for docs/performance.md)")
    say()
    say(report)
    (args.workdir / "results.md").write_text(report)
    (args.workdir / "results.json").write_text(
        json.dumps(
            {
                "args": sys.argv[1:],
                "summary": summary,
                "rows": rows,
                "queries": results["queries"],
                "sizes": results["sizes"],
                "bulk_cost": results["bulk_cost"],
                "targets": checks,
            },
            indent=1,
            default=str,
        )
    )
    say()
    say(f"results: {args.workdir / 'results.md'}, {args.workdir / 'results.json'}")


if __name__ == "__main__":
    main()
