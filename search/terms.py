"""The portal's index terms: what a text is found by, computed here once and stored as
plain space-separated terms for every engine (SQLite's FTS5, PostgreSQL's `simple`
tsvector, Elasticsearch's whitespace analyzer), so all three match alike.

- A word's term is its normal form (`norm`): Snowball's Swedish stem, made to meet across
  the forms Snowball leaves apart (definite -an/-et, a genitive -s, doubled end
  consonants, anmälan/anmälningar, män/man).
- A compound is also found by its parts (`split`): the longest known parts of
  search/data/compound-parts.txt, joined directly or by a linking -s-. A part matches
  only as a part, never inside another word ("tolk" is not in "tolkningar").
- Digits written with spaces or hyphens ("070-174 06 12", "+46 70 174 06 12",
  "556677-8899") are one term of digits, written either way."""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from search import words as sv

# A run of digits with spaces or hyphens inside: a phone or organisation number.
NUMBER = re.compile(r"(?<![\w+])(?:\+\d{2}[ -]?)?\d[\d -]{4,}\d(?![\w])")
MIN_NUMBER_DIGITS = 6
VOWELS = "aeiouyåäö"
# Words whose final -s belongs to the word, not to a genitive.
KEEP_S = ("plats", "kurs", "dans", "puls", "fors", "hals", "vers", "kors", "process")
# Forms Snowball leaves apart that mean the same.
IRREGULAR = {"män": "man", "männen": "man", "gode": "god", "goda": "god"}
ENDINGS = (("anmälning", "anmäl"), ("ansökning", "ansök"), ("varon", "varo"))
MIN_HEAD = 3


def join_numbers(text):
    def digits(match):
        found = re.sub(r"\D", "", match.group(0))
        if match.group(0).startswith("+46"):
            found = "0" + found[2:]
        return found if len(found) >= MIN_NUMBER_DIGITS else match.group(0)

    return NUMBER.sub(digits, text or "")


@lru_cache(maxsize=100_000)
def norm(word):
    """The normal form of one word (lower case)."""
    word = word.lower()
    if word.isdigit() or len(word) < 3:
        return word
    word = IRREGULAR.get(word, word)
    stem = sv.stem(word)
    if stem == word[:-1] and word.endswith("s"):
        if word.endswith(KEEP_S):
            stem = word
        else:  # a genitive: the form without it ("kalmars" → kalmar → kalm)
            return norm(word[:-1])
    for ending, replacement in ENDINGS:
        if stem.endswith(ending):
            stem = stem[: -len(ending)] + replacement
    # Definite forms Snowball keeps whole (only when it removed nothing, so that
    # "samarbete" → samarbet and "samarbetet" → samarbet meet).
    if stem == word and len(word) >= 6:
        if word.endswith(("an", "et")):
            stem = word[:-2]
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        from search.query import STOP_WORDS

        # "familjehemm" → familjehem, but "somm" (sommar) does not become "som".
        if stem[:-1] not in STOP_WORDS:
            stem = stem[:-1]
    return stem


@cache
def _parts():
    """{combining form: the word it stands for}: "skol = skola" in the file, or a word
    that is its own combining form."""
    table = {}
    for line in sv.COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        form, _eq, lemma = (s.strip() for s in line.partition("="))
        table[form] = lemma or form
    return table


@cache
def _heads():
    """Normal forms of the parts a compound may end in (inflected: "frånvaron")."""
    return {norm(lemma) for lemma in _parts().values()}


def _is_head(rest):
    return rest in _parts() or norm(rest) in _heads()


@lru_cache(maxsize=100_000)
def split(word):
    """The known parts of a compound, as the words they stand for, or () when it is
    none: the split with the fewest parts, longest first parts first."""
    word = word.lower()
    return tuple(_split(word)) if len(word) >= 2 * MIN_HEAD else ()


def _split(word, depth=0):
    parts = _parts()
    best = None
    for cut in range(len(word) - MIN_HEAD, MIN_HEAD - 1, -1):
        first = word[:cut]
        if first not in parts:
            continue
        rest = word[cut:]
        for head in (rest, rest[1:] if rest.startswith("s") else None):
            if not head or len(head) < MIN_HEAD:
                continue
            if _is_head(head):
                found = [parts[first], parts.get(head, head)]
            elif depth < 3:
                tail = _split(head, depth + 1)
                found = [parts[first], *tail] if tail else None
            else:
                found = None
            if found and (best is None or len(found) < len(best)):
                best = found
    return best or []


def word_terms(word):
    """The terms one written word is found by: its normal form, then its parts' (and
    theirs: "arbetsmarknadsenheten" is found by arbetsmarknad, enhet, arbete, marknad)."""
    found = [norm(word)]
    waiting = list(split(word))
    while waiting:
        part = waiting.pop(0)
        term = norm(part)
        if term not in found:
            found.append(term)
            waiting.extend(split(part))
    return found


def text_terms(text):
    """The terms of a text for the index: each word's normal form in order (so phrases
    match), then the parts of its compounds (after the words, outside any phrase)."""
    ordered, parts, seen = [], [], set()
    for word in sv.words(join_numbers(text)):
        own, *more = word_terms(word)
        ordered.append(own)
        for term in more:
            if term not in seen:
                seen.add(term)
                parts.append(term)
    return " ".join(ordered + parts)


@dataclass(frozen=True)
class Asked:
    """What one alternative of a query asks for: a phrase of terms (one term for a word),
    or for a compound word, all of its parts instead."""

    phrase: tuple
    parts: tuple = ()


def asked(alternative):
    """An alternative of search.query (a tuple of written words) as terms."""
    words = [w for word in alternative for w in sv.words(join_numbers(word))]
    if len(words) == 1:
        # The compound whole, or its first-level parts (each found inside the text's
        # compounds too, since those are indexed at every level).
        parts = tuple(dict.fromkeys(norm(p) for p in split(words[0])))
        return Asked(phrase=(norm(words[0]),), parts=parts if len(parts) > 1 else ())
    return Asked(phrase=tuple(norm(w) for w in words))


def marks(word, wanted):
    """Whether a written word of a text is one of the `wanted` terms (or holds one)."""
    return any(term in wanted for term in word_terms(word))
