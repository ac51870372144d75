"""New compound parts proposed from the content, for someone to accept into
search/data/compound-parts.txt (`manage.py propose_compound_parts`).

A word of the index that the list cannot split yet is proposed as first part + head when
both halves (with or without a linking -s-) occur in the content as words of their own:
"skolsköterska" → "skol(a)" is listed and "sköterska" is a word of a contact's title, so
"sköterska" is proposed, with the compounds it would split. Titles and contact people's
roles are read too (their head nouns are what staff type)."""

from collections import defaultdict
from dataclasses import dataclass, field

from search import terms

MIN_WORD = 8
MIN_PART = 4


@dataclass
class Proposal:
    part: str
    compounds: list = field(default_factory=list)


def _vocabulary():
    from partners.models import ContactPerson
    from search import words as sv
    from search.models import SearchEntry, SearchWord

    found = set(SearchWord.objects.values_list("word", flat=True))
    for text in SearchEntry.objects.values_list("title", flat=True):
        found.update(w.lower() for w in sv.words(text))
    for text in ContactPerson.objects.values_list("title", flat=True):
        found.update(w.lower() for w in sv.words(text))
    return {w for w in found if w.isalpha()}


def proposals(vocabulary=None):
    """Parts not yet listed, each with the compounds of the content it would split, most
    compounds first."""
    vocabulary = _vocabulary() if vocabulary is None else set(vocabulary)
    known = set(terms._parts())
    normal = {terms.norm(w) for w in vocabulary}
    found = defaultdict(set)
    for word in sorted(vocabulary):
        if len(word) < MIN_WORD or terms.split(word) or terms._is_head(word):
            continue
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            first, rest = word[:cut], word[cut:]
            for head in (rest, rest[1:] if rest.startswith("s") else None):
                if not head or len(head) < MIN_PART:
                    continue
                first_ok = first in known or first in vocabulary
                head_ok = head in known or head in vocabulary or terms.norm(head) in normal
                if not (first_ok and head_ok):
                    continue
                for part in (first, head):
                    if part not in known:
                        found[part].add(word)
    # One proposal per word, under its shortest form ("person", not "personer").
    merged = {}
    for part, words in found.items():
        key = terms.norm(part)
        shown, compounds = merged.get(key, (part, set()))
        merged[key] = (min(shown, part, key=len), compounds | words)
    ranked = sorted(merged.values(), key=lambda item: (-len(item[1]), item[0]))
    return [Proposal(part=part, compounds=sorted(words)) for part, words in ranked]


def accept(parts, path=None):
    """Add parts to the list file (once each); returns those added."""
    path = path or terms.sv.COMPOUND_PARTS_FILE
    listed = set(terms._parts())
    added = [p.lower().strip() for p in parts if p.lower().strip() not in listed]
    added = list(dict.fromkeys(a for a in added if a.isalpha()))
    if added:
        text = path.read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        text += "".join(f"{part}\n" for part in added)
        path.write_text(text, encoding="utf-8")
        terms._parts.cache_clear()
        terms._heads.cache_clear()
        terms.split.cache_clear()
    return added
