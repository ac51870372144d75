"""A reader's search text, understood once for every backend: its words (at most
MAX_WORDS, stop words dropped unless nothing else is left), each word or phrase with the
synonyms staff gave it (search.models.Synonym)."""

import re
from dataclasses import dataclass

from search import words as sv

MAX_LENGTH = 1000
MAX_WORDS = 12
STOP_WORDS = frozenset(
    "och att det som en ett i på för med av till den är om de har inte vi kan så men eller "
    "vid från hur vad var när jag du han hon man sig sin sina ska skall".split()
)


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    # AND of groups; a group is an OR of alternatives; an alternative is a phrase (words).
    groups: tuple = ()
    corrected_from: str = ""

    @property
    def is_empty(self):
        return not self.groups

    def all_words(self):
        return [w for group in self.groups for alt in group for w in alt]

    def highlight_terms(self):
        """Word starts to mark: each word and its stem (so "rutiner" marks "rutin")."""
        terms = set()
        for word in self.all_words():
            terms.add(word)
            stem = sv.stem(word)
            if len(stem) >= 3:
                terms.add(stem)
        return sorted(terms, key=len, reverse=True)

    def replaced(self, old, new):
        """The same search with one word changed (a typo corrected)."""
        text = " ".join(new if w.lower() == old else w for w in sv.words(self.text))
        return parse(text, corrected_from=self.text)


def _synonym_table():
    from search.models import Synonym
    from search.service import cached_everyone

    def load():
        table = []
        for synonym in Synonym.objects.all():
            terms = [tuple(w.lower() for w in sv.words(t)) for t in synonym.terms()]
            table.append([t for t in terms if t])
        return table

    return cached_everyone("synonyms", load)


QUOTED = re.compile(r'["“”„]([^"“”„]+)["“”„]')


def _phrases(text):
    """Words in quotation marks, found together and in that order."""
    phrases = []
    for quoted in QUOTED.findall(text):
        words = tuple(w.lower() for w in sv.words(quoted))
        if len(words) > 1:
            phrases.append((words,))
    return phrases


def parse(text, corrected_from=""):
    text = (text or "")[:MAX_LENGTH].strip()
    phrases = _phrases(text)[:MAX_WORDS]
    rest = QUOTED.sub(" ", text) if phrases else text
    found = [w.lower() for w in sv.words(rest)][: MAX_WORDS * 4]
    if not found and not phrases:
        return ParsedQuery(text=text)
    only_stop_words = not phrases and all(w in STOP_WORDS for w in found)
    table = _synonym_table()
    groups, seen, i = list(phrases), set(phrases), 0
    while i < len(found) and len(groups) < MAX_WORDS:
        match = None
        for terms in table:
            for term in sorted(terms, key=len, reverse=True):
                if tuple(found[i : i + len(term)]) == term:
                    match = (term, terms)
                    break
            if match:
                break
        if match:
            term, terms = match
            group = tuple([term] + [t for t in terms if t != term])
            i += len(term)
        else:
            word = found[i]
            i += 1
            if word in STOP_WORDS and not only_stop_words:
                continue
            group = ((word,),)
        if group not in seen:
            seen.add(group)
            groups.append(group)
    return ParsedQuery(text=text, groups=tuple(groups), corrected_from=corrected_from)
