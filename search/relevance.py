"""Measuring how well the portal's search finds things: a set of queries, each with the
items a reader must get first and every item that is relevant, judged by reading the
content before searching. Used by the suite's relevance test (tests/search/) and by
`python -m bench.relevance`, which prints the figures per engine."""

from dataclasses import dataclass

READERS = {
    # Sees every section and space: the set measures finding, not access.
    "admin": "admin@demo.samverkan.se",
    "kalmar": "personal.kalmar@demo.samverkan.se",
}


@dataclass(frozen=True)
class Case:
    query: str
    # Titles of the items any of which counts as a success at rank 1.
    first: tuple
    # Titles of every relevant item (those in `first` included or not: both are counted).
    relevant: tuple = ()
    # What the query tests: compound, inflection, boundary, contact, some-words, ranking,
    # typo, english, synonym, plain.
    kind: str = "plain"
    # Titles that must not be found (a part matched inside another word).
    absent: tuple = ()
    reader: str = "admin"

    @property
    def all_relevant(self):
        return tuple(dict.fromkeys((*self.first, *self.relevant)))


@dataclass
class Outcome:
    case: Case
    titles: list

    @property
    def rank(self):
        """1-based rank of the first relevant item, or None."""
        wanted = set(self.case.all_relevant)
        return next((i for i, t in enumerate(self.titles, 1) if t in wanted), None)

    @property
    def success(self):
        return bool(self.titles) and self.titles[0] in self.case.first

    @property
    def recall(self):
        wanted = set(self.case.all_relevant)
        return len(wanted & set(self.titles[:10])) / len(wanted)

    @property
    def wrong(self):
        """Items found that must not be (a part matched inside another word)."""
        return [t for t in self.titles if t in self.case.absent]


@dataclass
class Figures:
    outcomes: list

    def _mean(self, values):
        values = list(values)
        return sum(values) / len(values) if values else 0.0

    @property
    def success_at_1(self):
        return self._mean(o.success for o in self.outcomes)

    @property
    def recall_at_10(self):
        return self._mean(o.recall for o in self.outcomes)

    @property
    def mrr(self):
        return self._mean(1 / o.rank if o.rank else 0 for o in self.outcomes)

    @property
    def zero_rate(self):
        return self._mean(not o.titles for o in self.outcomes)

    @property
    def wrong(self):
        return [(o.case.query, t) for o in self.outcomes for t in o.wrong]

    def by_kind(self):
        kinds = {}
        for outcome in self.outcomes:
            kinds.setdefault(outcome.case.kind, []).append(outcome)
        return {kind: Figures(outcomes) for kind, outcomes in sorted(kinds.items())}

    def failures(self):
        return [o for o in self.outcomes if not o.success or o.recall < 1]

    def table(self, title):
        lines = [
            f"{title}: {len(self.outcomes)} queries",
            f"{'kind':<12} {'n':>3} {'success@1':>9} {'recall@10':>9} {'MRR':>6} {'zero':>6}",
        ]
        rows = [*self.by_kind().items(), ("all", self)]
        for kind, figures in rows:
            lines.append(
                f"{kind:<12} {len(figures.outcomes):>3} {figures.success_at_1:>9.2f}"
                f" {figures.recall_at_10:>9.2f} {figures.mrr:>6.2f} {figures.zero_rate:>6.2f}"
            )
        return "\n".join(lines)


def evaluate(cases):
    """Run every case through the portal's search as its reader; the first page's
    titles (10) per case."""
    from django.contrib.auth import get_user_model

    from search.service import search

    users = {name: get_user_model().objects.get(email=email) for name, email in READERS.items()}
    outcomes = []
    for case in cases:
        results = search(users[case.reader], case.query)
        outcomes.append(Outcome(case=case, titles=[hit.title for hit in results.hits]))
    return Figures(outcomes)
