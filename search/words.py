"""Swedish words for search: splitting text and queries into words, the compound parts a
word is also found by, the stems SQLite searches by, and highlighting. å, ä and ö are
letters of their own everywhere here (no accent folding)."""

import re
from functools import cache
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Letters and digits (\w without the underscore), hyphens inside words kept apart.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
COMPOUND_PARTS_FILE = Path(__file__).parent / "data" / "compound-parts.txt"
MIN_PART = 4
# Between the text and the compound parts added for search; snippets stop here.
PARTS_MARK = "\n\x1e "


def words(text):
    return WORD.findall(text or "")


@cache
def compound_parts():
    lines = COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({w.strip().lower() for w in lines if w.strip() and not w.startswith("#")}))


def parts_of(word):
    """The listed parts inside a longer word ("samverkansöverenskommelse" → samverkans,
    samverkan, överenskommelse), as Elasticsearch's dictionary_decompounder finds them."""
    word = word.lower()
    return [p for p in compound_parts() if len(p) >= MIN_PART and p != word and p in word]


def with_compound_parts(text, also=""):
    """The text followed by the parts of its (and `also`'s) compounds, so that a part finds
    the whole."""
    extra = []
    seen = set()
    for word in words(f"{also} {text}"):
        for part in parts_of(word):
            if part not in seen:
                seen.add(part)
                extra.append(part)
    return f"{text}{PARTS_MARK}{' '.join(extra)}" if extra else text


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("swedish")


def stem(word):
    """Snowball's Swedish stem (the same algorithm as PostgreSQL's `swedish`)."""
    return _stemmer().stemWord(word.lower())


def highlight(text, terms, width=220):
    """A passage of `text` around the first of `terms` (lower-case word starts), escaped,
    with each matching word in <mark>."""
    text = re.sub(r"\s+", " ", (text or "").split(PARTS_MARK)[0]).strip()
    if not text:
        return ""
    stems = [t for t in terms if t]
    pattern = (
        re.compile(r"\b(" + "|".join(re.escape(t) for t in stems) + r")[^\W_]*", re.I)
        if stems
        else None
    )
    start = 0
    if pattern:
        found = pattern.search(text)
        if found:
            start = max(0, found.start() - width // 3)
            space = text.rfind(" ", 0, start)
            start = space + 1 if start and space != -1 else start
    passage = text[start : start + width]
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    if not pattern:
        return escape(prefix + passage + suffix)
    out, last = [], 0
    for match in pattern.finditer(passage):
        out.append(escape(passage[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(passage[last:]))
    # Every piece of the text went through escape() above; only <mark> is ours.
    return mark_safe(escape(prefix) + "".join(out) + escape(suffix))  # noqa: S308
