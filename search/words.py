"""Swedish words for search: splitting text and queries into words, and Snowball's Swedish
stem that the index terms start from (search/terms.py). å, ä and ö are letters of their
own everywhere here (no accent folding)."""

import re
from functools import cache
from pathlib import Path

# Letters and digits (\w without the underscore), hyphens inside words kept apart.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
COMPOUND_PARTS_FILE = Path(__file__).parent / "data" / "compound-parts.txt"


def words(text):
    return WORD.findall(text or "")


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("swedish")


def stem(word):
    """Snowball's Swedish stem (the same algorithm as PostgreSQL's `swedish`)."""
    return _stemmer().stemWord(word.lower())
