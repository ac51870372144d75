"""`manage.py search_index` on the database index: a rebuild, and a check that says what is
missing or stale (status 1) until the index is rebuilt."""

import io

import pytest
from django.core.management import CommandError, call_command

from search.models import SearchEntry


def _run(*args):
    out = io.StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


def test_rebuild_then_check_finds_missing_and_stale_items_until_rebuilt(world):
    rebuilt = _run("--rebuild")
    count = SearchEntry.objects.count()
    assert f"Indexed {count} item(s) in the database." in rebuilt
    assert count >= len(world.content) - 1  # the image is not searched
    assert "in step with the content" in _run("--check")

    public = world.content["public page"]
    SearchEntry.objects.filter(object_id=public.pk, page=public).update(title="Gammal rubrik")
    SearchEntry.objects.filter(title="Kalmar-rutin.pdf").delete()
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("search_index", "--check", stdout=out)
    assert failed.value.returncode == 1
    report = out.getvalue()
    assert "1 item(s) missing" in report and "'Kalmar-rutin.pdf'" in report
    assert "1 item(s) stale" in report and "'Om portalen'" in report

    _run("--rebuild")
    assert "in step with the content" in _run("--check")


def test_the_command_asks_what_to_do(db):
    with pytest.raises(CommandError):
        call_command("search_index")
