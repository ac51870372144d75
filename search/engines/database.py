"""Full-text matching on `SearchEntry` rows, by database: PostgreSQL's `swedish`
configuration (stemming) with pg_trgm for typo suggestions, or SQLite's FTS5 (Snowball's
Swedish stem as a prefix, since FTS5 has no Swedish stemmer). Both take the same
`ParsedQuery` and return the rows that match, ranked (annotation ``rank``, higher first)."""

import difflib

from django.db import connection
from django.db.models import Case, F, Func, OuterRef, TextField, Value, When
from django.db.models.expressions import RawSQL

from search import words as sv
from search.models import SearchEntry, SearchWord

# Words this long are also found as the start of longer ones (by their stem).
PREFIX_FROM = 4


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


class BaseEngine:
    def candidates(self, word):
        raise NotImplementedError

    def corrections(self, word, limit=3):
        """Words of the index one typo away from `word` (a missing, extra, changed or
        swapped letter), closest first."""
        found = [c for c in self.candidates(word) if c != word and _edits(word, c) <= 1]
        return found[:limit]

    def is_known(self, word):
        return SearchWord.objects.filter(word=word).exists()


def _spaced(column):
    """Dots, hyphens, slashes, underscores and angle brackets as spaces: PostgreSQL's parser
    would read "kalmar-rutin.pdf" as one file name, and skip text after a "<tag>"."""
    return Func(
        F(column),
        Value("[-./_@<>]+"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


class PostgresEngine(BaseEngine):
    config = "swedish"

    def _title_tsquery(self, parsed):
        """Autocomplete, on `title_vector` (the title stemmed and as written): each word as
        a prefix, the last also as typed (`simple`), so that a start that is a stop word
        on its own ("vår", "över", "en") still finds "vårdnadshavare", "överenskommelse"."""
        from django.contrib.postgres.search import SearchQuery

        def raw(alt, config):
            words = [f"{w}:*" if len(w) >= PREFIX_FROM else w for w in alt]
            return SearchQuery(" <-> ".join(words), search_type="raw", config=config)

        combined = None
        for index, group in enumerate(parsed.groups):
            alternatives = None
            for alt in group:
                query = raw(alt, self.config)
                if index == len(parsed.groups) - 1 and len(alt) == 1:
                    typed = f"{alt[0]}:*"
                    query = SearchQuery(typed, search_type="raw", config="simple") | SearchQuery(
                        typed, search_type="raw", config=self.config
                    )
                alternatives = query if alternatives is None else alternatives | query
            combined = alternatives if combined is None else combined & alternatives
        return combined

    def _tsquery(self, parsed, prefix_last=False):
        from django.contrib.postgres.search import SearchQuery

        if prefix_last:
            return self._title_tsquery(parsed)
        combined = None
        for index, group in enumerate(parsed.groups):
            alternatives = None
            for alt in group:
                if prefix_last and index == len(parsed.groups) - 1 and len(alt) == 1:
                    # Autocomplete: the last word as a prefix ("rut" → rutin, rutiner).
                    query = SearchQuery(f"{alt[0]}:*", search_type="raw", config=self.config)
                elif len(alt) == 1 and len(alt[0]) >= PREFIX_FROM:
                    # The stem as a prefix: "praktikplats" (stem praktikplat) also finds
                    # "praktikplatser" (stem praktikplats), as on SQLite.
                    query = SearchQuery(f"{alt[0]}:*", search_type="raw", config=self.config)
                else:
                    search_type = "phrase" if len(alt) > 1 else "plain"
                    query = SearchQuery(" ".join(alt), search_type=search_type, config=self.config)
                alternatives = query if alternatives is None else alternatives | query
            combined = alternatives if combined is None else combined & alternatives
        return combined

    def match(self, queryset, parsed, prefix_last=False):
        column = "title_vector" if prefix_last else "search_vector"
        return queryset.filter(**{column: self._tsquery(parsed, prefix_last=prefix_last)})

    def ranked(self, queryset, parsed, prefix_last=False):
        from django.contrib.postgres.search import SearchRank

        column = "title_vector" if prefix_last else "search_vector"
        query = self._tsquery(parsed, prefix_last=prefix_last)
        return queryset.annotate(rank=SearchRank(F(column), query))

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
            search_vector=SearchVector(_spaced("title"), weight="A", config=self.config)
            + SearchVector(_spaced("text"), weight="B", config=self.config),
            title_vector=SearchVector(_spaced("title"), config=self.config)
            + SearchVector(_spaced("title"), config="simple"),
        )

    def candidates(self, word):
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            SearchWord.objects.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity")
            .values_list("word", flat=True)[:20]
        )


class SQLiteEngine(BaseEngine):
    @staticmethod
    def _term(word, prefix=False):
        if prefix:
            return f'"{word}"*'
        # Snowball's stem as a prefix: "rutiner" → rutin* finds rutin, rutinen, rutiner.
        # Short words only as they are ("får" is not "fara").
        return f'"{sv.stem(word)}"*' if len(word) >= PREFIX_FROM else f'"{word}"'

    def expression(self, parsed, prefix_last=False):
        groups = []
        for index, group in enumerate(parsed.groups):
            alternatives = []
            for alt in group:
                if len(alt) > 1:
                    alternatives.append('"' + " ".join(alt) + '"')
                else:
                    last = prefix_last and index == len(parsed.groups) - 1
                    alternatives.append(self._term(alt[0], prefix=last))
            either = "(" + " OR ".join(alternatives) + ")"
            # Autocomplete suggests titles: it looks in titles only.
            groups.append(f"title : {either}" if prefix_last else either)
        return " AND ".join(groups)

    def match(self, queryset, parsed, prefix_last=False):
        expression = self.expression(parsed, prefix_last=prefix_last)
        matching = RawSQL(
            "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s", [expression]
        )
        return queryset.filter(pk__in=matching)

    def ranked(self, queryset, parsed, prefix_last=False):
        # bm25 is lower for better matches; the title counts ten times the text. Joined,
        # not a subquery per row: that ran the MATCH again for every matching row (a
        # prefix such as "sam" took 19 s at 10 000 entries, bench/search.py). The ORM
        # cannot join a virtual table, hence extra().
        return queryset.extra(  # noqa: S610 - fixed SQL, the expression is a parameter
            select={"rank": "-bm25(search_entry_fts, 10.0, 1.0)"},
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
        """Triggers keep the FTS5 table in step (search/migrations/0002)."""

    def candidates(self, word):
        near = SearchWord.objects.filter(
            word__startswith=word[:1], word__regex=rf"^.{{{len(word) - 1},{len(word) + 1}}}$"
        ).values_list("word", flat=True)
        return difflib.get_close_matches(word, list(near[:5000]), n=20, cutoff=0.7)
