"""Production settings come from the environment and pass Django's deployment checks."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x7#kQ2!vN9@pL4$wR8^zT1&mB6*cY3(dF5)gH0_jK2+eU7=sA9-oI4",
    "ALLOWED_HOSTS": "samverkan.example.se",
    "DATABASE_URL": "sqlite:///:memory:",
}


def _manage(*args, env=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.once
def test_check_deploy_is_clean_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"), [("SECRET_KEY", "SECRET_KEY"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS")]
)
def test_production_refuses_to_start_without_secrets_and_hosts(missing, message):
    env = dict(PRODUCTION_ENV)
    env[missing] = ""
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.fixture
def migrated_sqlite_file(tmp_path, django_db_setup, django_db_blocker):
    """A database file with every migration applied: on SQLite a copy of this worker's
    test database, taken while no test has written to it (migrating a new file costs
    half a minute), else an empty file that the test's `migrate` fills."""
    path = tmp_path / "prod.sqlite3"
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
    return path


@pytest.mark.once
def test_seed_demo_refuses_production(migrated_sqlite_file):
    env = dict(PRODUCTION_ENV, DATABASE_URL=f"sqlite:///{migrated_sqlite_file}")
    migrate = _manage("migrate", "--noinput", env=env)
    assert migrate.returncode == 0
    result = _manage("seed_demo", env=env)
    assert result.returncode != 0
    assert "never created under production settings" in result.stderr
