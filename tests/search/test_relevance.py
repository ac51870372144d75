"""The relevance set (relevance_cases.py) over the demo content, on each database engine:
what staff type must find what they mean, first. The figures are the issue's targets;
`python -m bench.relevance` prints them per kind of query, for this set and a held-out
one."""

import pytest
from django.core.management import call_command

from search.relevance import evaluate
from tests.search.relevance_cases import CASES
from tests.shared import shared

SUCCESS_AT_1 = 0.9
RECALL_AT_10 = 0.85
ZERO_RESULTS = 0.05


@shared
def demo():
    """The demo content, as `seed_demo` loads it."""
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def figures(demo):
    return evaluate(CASES)


def test_the_set_is_large_and_varied():
    kinds = {case.kind for case in CASES}
    assert len(CASES) >= 60
    assert {"compound", "inflection", "boundary", "contact", "some-words", "typo"} <= kinds


def test_staff_find_what_they_mean_first(figures):
    misses = "\n".join(
        f"{o.case.query!r}: rank {o.rank}, got {o.titles[:3]}" for o in figures.failures()
    )
    print(figures.table("relevance set"))
    assert figures.success_at_1 >= SUCCESS_AT_1, misses
    assert figures.recall_at_10 >= RECALL_AT_10, misses
    assert figures.zero_rate <= ZERO_RESULTS, misses


def test_a_part_never_finds_a_word_it_is_only_inside(figures):
    assert figures.wrong == []
