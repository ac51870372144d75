"""A reader's search text, understood once for every backend: its words (at most
MAX_WORDS, stop words dropped unless nothing else is left), each word or phrase with the
synonyms staff gave it (search.models.Synonym)."""

import re
from dataclasses import dataclass

from search import terms
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
        """The terms to mark in a snippet: those of each word searched for (and of its
        synonyms), stop words left out unless nothing else was asked."""
        wanted = set()
        for word in self.all_words():
            if word in STOP_WORDS and not self.only_stop_words:
                continue
            wanted.update(terms.word_terms(word))
        return frozenset(wanted)

    @property
    def only_stop_words(self):
        return all(w in STOP_WORDS for w in self.all_words())

    def keeping(self, groups):
        """The same search with only some of its groups (words)."""
        return ParsedQuery(text=self.text, groups=tuple(groups), corrected_from=self.corrected_from)

    def words_of(self, groups):
        """The words of some groups as the reader wrote them (their first alternative)."""
        return " ".join(" ".join(group[0]) for group in groups)

    def replaced(self, old, new):
        """The same search with one word changed (a typo corrected)."""
        return self.replaced_all({old: new})

    def replaced_all(self, changes):
        """The same search with some words changed (typos corrected)."""
        text = " ".join(changes.get(w.lower(), w) for w in sv.words(terms.join_numbers(self.text)))
        return parse(text, corrected_from=self.corrected_from or self.text)


def _synonym_table():
    from search.models import Synonym
    from search.service import cached_everyone

    def load():
        table = []
        for synonym in Synonym.objects.all():
            found = [tuple(w.lower() for w in sv.words(t)) for t in synonym.terms()]
            table.append([t for t in found if t])
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
    # "070-174 06 12" is one number, as in the index.
    found = [w.lower() for w in sv.words(terms.join_numbers(rest))][: MAX_WORDS * 4]
    if not found and not phrases:
        return ParsedQuery(text=text)
    only_stop_words = not phrases and all(w in STOP_WORDS for w in found)
    table = _synonym_table()
    groups, seen, i = list(phrases), set(phrases), 0
    while i < len(found) and len(groups) < MAX_WORDS:
        match = None
        for same in table:
            for term in sorted(same, key=len, reverse=True):
                # By normal form: "sommarjobbet" is "sommarjobb" too.
                asked = tuple(terms.norm(w) for w in found[i : i + len(term)])
                if asked == tuple(terms.norm(w) for w in term):
                    match = (tuple(found[i : i + len(term)]), same)
                    break
            if match:
                break
        if match:
            term, same = match
            group = tuple([term] + [t for t in same if t != term])
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
