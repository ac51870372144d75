"""Full-text matching on `SearchEntry` rows, by database, over the index terms that
search/terms.py computes for both (so SQLite and PostgreSQL find the same): PostgreSQL's
`simple` tsvector of the terms (title A, summary B, text C; ranked with the document's
length taken into account) with pg_trgm for typo suggestions, or SQLite's FTS5 over the
same terms (bm25). Both take the same `ParsedQuery` and return the rows that match,
ranked (annotation ``rank``, higher first)."""

import difflib

from django.db import connection
from django.db.models import Case, F, OuterRef, When
from django.db.models.expressions import RawSQL

from search import terms
from search.models import SearchEntry, SearchWord

# Title, summary and text: how much a term found in each counts.
WEIGHTS = {"title": 10.0, "summary": 4.0, "body": 1.0}
# Two typos are corrected in words this long, one in shorter ones.
TWO_EDITS_FROM = 7


def engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()


def _edits(a, b):
    """Damerau-Levenshtein distance, stopping early above 2."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(word):
    return 2 if len(word) >= TWO_EDITS_FROM else 1


def expression(parsed, term, both, either, phrase, prefix_last=False, prefix=None):
    """The parsed query in an engine's syntax: AND of groups, OR of alternatives, and for a
    compound word its whole term OR all of its parts. `term`, `phrase`, `prefix` write one
    term, a phrase and a typed start; `both`/`either` join a list."""
    groups = []
    for index, group in enumerate(parsed.groups):
        alternatives = []
        last = prefix_last and index == len(parsed.groups) - 1
        for alt in group:
            wanted = terms.asked(alt)
            if not wanted.phrase:
                continue
            if last and len(alt) == 1:
                # Autocomplete: what was typed as a start, as written and normalised.
                typed = alt[0].lower()
                starts = dict.fromkeys([typed, wanted.phrase[0]])
                alternatives.append(either([prefix(start) for start in starts]))
            elif len(wanted.phrase) > 1:
                alternatives.append(phrase(wanted.phrase))
            elif wanted.parts:
                whole = term(wanted.phrase[0])
                alternatives.append(either([whole, both([term(p) for p in wanted.parts])]))
            else:
                alternatives.append(term(wanted.phrase[0]))
        if alternatives:
            groups.append(either(alternatives))
    return both(groups) if groups else None


class BaseEngine:
    def candidates(self, word):
        raise NotImplementedError

    def corrections(self, word, limit=3):
        """Words of the index up to two typos away from `word` (one for short words: a
        missing, extra, changed or swapped letter each), closest first."""
        most = allowed_edits(word)
        found = [c for c in self.candidates(word) if c != word and _edits(word, c) <= most]
        found.sort(key=lambda c: _edits(word, c))
        return found[:limit]

    def is_known(self, word):
        return SearchWord.objects.filter(word=word).exists()


def _pg_either(items):
    items = list(items)
    return items[0] if len(items) == 1 else "(" + " | ".join(items) + ")"


def _pg_both(items):
    items = list(items)
    return items[0] if len(items) == 1 else "(" + " & ".join(items) + ")"


class PostgresEngine(BaseEngine):
    # Terms are normalised already (search/terms.py): PostgreSQL only splits on spaces.
    config = "simple"
    # ts_rank's weights for D, C, B, A (text C, summary B, title A) and its length
    # normalisation (1: divided by 1 + log of the length), so that a long page with
    # a term once in passing does not outrank the short item that is about it.
    weights = [0.0, WEIGHTS["body"] / 10, WEIGHTS["summary"] / 10, WEIGHTS["title"] / 10]
    normalization = 1

    def _tsquery(self, parsed, prefix_last=False):
        from django.contrib.postgres.search import SearchQuery

        raw = expression(
            parsed,
            term=lambda t: f"'{t}'",
            both=_pg_both,
            either=_pg_either,
            phrase=lambda p: "(" + " <-> ".join(f"'{t}'" for t in p) + ")",
            prefix_last=prefix_last,
            prefix=lambda t: f"'{t}':*",
        )
        return SearchQuery(raw or "''", search_type="raw", config=self.config)

    def match(self, queryset, parsed, prefix_last=False):
        column = "title_vector" if prefix_last else "search_vector"
        return queryset.filter(**{column: self._tsquery(parsed, prefix_last=prefix_last)})

    def ranked(self, queryset, parsed, prefix_last=False):
        from django.contrib.postgres.search import SearchRank

        query = self._tsquery(parsed, prefix_last=prefix_last)
        if prefix_last:
            return queryset.annotate(rank=SearchRank(F("title_vector"), query))
        return queryset.annotate(
            rank=SearchRank(
                F("search_vector"), query, weights=self.weights, normalization=self.normalization
            )
        )

    def topic_ids(self):
        from django.contrib.postgres.expressions import ArraySubquery

        through = SearchEntry.topics.through
        # Only pages have topics: no lookup for the (many) other entries.
        return Case(
            When(
                page__isnull=False,
                then=ArraySubquery(
                    through.objects.filter(searchentry_id=OuterRef("pk")).values("topic_id")
                ),
            ),
            default=None,
        )

    @staticmethod
    def topic_list(value):
        return value or ()

    def write_vectors(self, entry_ids):
        from django.contrib.postgres.search import SearchVector

        SearchEntry.objects.filter(pk__in=entry_ids).update(
            search_vector=SearchVector("title_terms", weight="A", config=self.config)
            + SearchVector("summary_terms", weight="B", config=self.config)
            + SearchVector("body_terms", weight="C", config=self.config),
            title_vector=SearchVector("title_terms", config=self.config),
        )

    def candidates(self, word):
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            SearchWord.objects.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity")
            .values_list("word", flat=True)[:20]
        )


def _fts_either(items):
    items = list(items)
    return items[0] if len(items) == 1 else "(" + " OR ".join(items) + ")"


def _fts_both(items):
    items = list(items)
    return items[0] if len(items) == 1 else "(" + " AND ".join(items) + ")"


class SQLiteEngine(BaseEngine):
    def expression(self, parsed, prefix_last=False):
        found = expression(
            parsed,
            term=lambda t: f'"{t}"',
            both=_fts_both,
            either=_fts_either,
            phrase=lambda p: '"' + " ".join(p) + '"',
            prefix_last=prefix_last,
            prefix=lambda t: f'"{t}"*',
        )
        found = found or '""'
        # Autocomplete suggests titles: it looks in titles only.
        return f"title_terms : ({found})" if prefix_last else found

    def match(self, queryset, parsed, prefix_last=False):
        expression = self.expression(parsed, prefix_last=prefix_last)
        matching = RawSQL(
            "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s", [expression]
        )
        return queryset.filter(pk__in=matching)

    def ranked(self, queryset, parsed, prefix_last=False):
        # bm25 is lower for better matches (and takes the length into account); title,
        # summary and text weighed as WEIGHTS. Joined, not a subquery per row: that ran
        # the MATCH again for every matching row (a prefix such as "sam" took 19 s at
        # 10 000 entries, bench/search_speed.py). The ORM cannot join a virtual table, hence
        # extra().
        weights = ", ".join(str(WEIGHTS[name]) for name in ("title", "summary", "body"))
        return queryset.extra(  # noqa: S610 - fixed SQL, the expression is a parameter
            select={"rank": f"-bm25(search_entry_fts, {weights})"},
            tables=["search_entry_fts"],
            where=["search_entry_fts.rowid = search_searchentry.id", "search_entry_fts MATCH %s"],
            params=[self.expression(parsed, prefix_last=prefix_last)],
        )

    def topic_ids(self):
        return RawSQL(
            "(CASE WHEN search_searchentry.page_id IS NULL THEN NULL ELSE"
            " (SELECT group_concat(topic_id) FROM search_searchentry_topics"
            " WHERE searchentry_id = search_searchentry.id) END)",
            [],
        )

    @staticmethod
    def topic_list(value):
        return tuple(int(pk) for pk in value.split(",")) if value else ()

    def write_vectors(self, entry_ids):
        """Triggers keep the FTS5 table in step (search/migrations/0005)."""

    def candidates(self, word):
        near = SearchWord.objects.filter(
            word__startswith=word[:1], word__regex=rf"^.{{{len(word) - 2},{len(word) + 2}}}$"
        ).values_list("word", flat=True)
        return difflib.get_close_matches(word, list(near[:5000]), n=20, cutoff=0.7)
