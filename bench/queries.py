"""In-process side of the benchmark, for any Django project (the portal or bakerydemo):
SQL queries per request and the session cookie wrk sends. Runs as a module with the
repository on the path (a script's own folder first on the path would let bench/ shadow
the project's apps), with the project's own Python and settings (DJANGO_SETTINGS_MODULE),
against the same database the served project uses:

    python -m bench.queries login EMAIL [N]    -> ["sessionid=...", ...] (N sessions)
    python -m bench.queries count SPEC.json    -> {"settings": {...}, "urls": [...]}

SPEC.json: {"urls": [{"name": ..., "path": ..., "user": EMAIL or null}, ...]}. Each URL
is requested twice with Django's test Client (logged in with force_login for a user);
the second request is counted (the first fills per-process caches, as the workers'
warm-up does), together with its status and size; then the median time of five more
in-process (one request alone, without the load generator competing for the CPU).
"""

import json
import sys
import time

TIMED_REQUESTS = 5


def setup():
    import django

    django.setup()


def client_for(email):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    return client


def login(email, count=1):
    from django.conf import settings

    name = settings.SESSION_COOKIE_NAME
    return [f"{name}={client_for(email).cookies[name].value}" for _n in range(count)]


def effective_settings():
    from django.conf import settings
    from django.db import connection

    return {
        "settings_module": settings.SETTINGS_MODULE,
        "debug": settings.DEBUG,
        "conn_max_age": connection.settings_dict.get("CONN_MAX_AGE"),
        "conn_health_checks": connection.settings_dict.get("CONN_HEALTH_CHECKS"),
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "session_engine": settings.SESSION_ENGINE.rsplit(".", 1)[-1],
        "database": connection.settings_dict.get("NAME"),
    }


def count(spec):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clients = {}
    results = []
    for url in spec["urls"]:
        user = url.get("user")
        if user not in clients:
            clients[user] = client_for(user)
        client = clients[user]
        client.get(url["path"])
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url["path"])
        # Read now: the next request's request_started signal empties the query log.
        sql = [query["sql"][:300] for query in captured.captured_queries]
        # One request's time alone: the median of a few (a single one can hit a pause).
        times = []
        for _n in range(TIMED_REQUESTS):
            started = time.perf_counter()
            client.get(url["path"])
            times.append(time.perf_counter() - started)
        elapsed = sorted(times)[len(times) // 2]
        results.append(
            {
                "name": url["name"],
                "path": url["path"],
                "status": response.status_code,
                "bytes": len(response.content),
                "queries": len(sql),
                "ms": round(elapsed * 1000, 1),
                "sql": sql,
            }
        )
    return {"settings": effective_settings(), "urls": results}


def main(argv):
    command, argument = argv[1], argv[2]
    setup()
    if command == "login":
        result = login(argument, int(argv[3]) if len(argv) > 3 else 1)
    elif command == "count":
        with open(argument, encoding="utf-8") as spec:
            result = count(json.load(spec))
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
