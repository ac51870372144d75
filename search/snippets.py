"""The passage of a hit shown under its title: from the one field (line of the entry's
text) where the words searched for occur most, never running into the next field, with
each word that matched in <mark> (matched as the search matched it: by its terms, so
"rutiner" marks "rutinen" and "skolfrånvaro" marks "frånvaro"; stop words are not
marked)."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import terms
from search import words as sv

WIDTH = 220


def _marked(line, wanted):
    return [m for m in sv.WORD.finditer(line) if terms.marks(m.group(0), wanted)]


def snippet(text, wanted, width=WIDTH):
    lines = [re.sub(r"\s+", " ", line).strip() for line in (text or "").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    scored = [(len({m.group(0).lower() for m in _marked(line, wanted)}), line) for line in lines]
    best = max(scored, key=lambda pair: pair[0]) if wanted else (0, lines[0])
    line = best[1] if best[0] else lines[0]
    found = _marked(line, wanted) if wanted else []
    start = 0
    if found:
        start = max(0, found[0].start() - width // 3)
        space = line.rfind(" ", 0, start)
        start = space + 1 if start and space != -1 else start
    passage = line[start : start + width]
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(line) else ""
    out, last = [], 0
    for match in _marked(passage, wanted):
        out.append(escape(passage[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(passage[last:]))
    # Every piece of the text went through escape() above; only <mark> is ours.
    return mark_safe(escape(prefix) + "".join(out) + escape(suffix))  # noqa: S308
