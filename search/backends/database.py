"""Wagtail's database search backend with three input bugs fixed in one place (see
docs/upstream-bugs.md). Wagtail still picks the engine for the connection; the SQLite FTS5
and PostgreSQL engines are replaced by the subclasses below. Elasticsearch is configured
separately and untouched.

1. SQLite: a search restricted to fields (every admin listing whose viewset sets
   ``search_fields``, e.g. ``["name"]`` on partner organisations, topics and
   municipalities) put the model's field names into the FTS5 column filter
   (``{name} : …``), but the FTS table only has the columns ``title``, ``body`` and
   ``autocomplete``: "no such column: name". Each field is mapped to the column its
   text is indexed in.
2. SQLite: search terms were wrapped in double quotes without doubling the quotes inside
   them, so ``"`` made an unterminated FTS5 string. Terms are quoted the way FTS5
   defines (``""`` inside ``"…"``), without NUL characters, which end an FTS5 query.
3. Both: the check that every filter on the searched queryset is a declared FilterField
   expects a plain column and crashed (AttributeError) on a filter over an annotation,
   such as the documents and images listings' "usage count" filter combined with a
   search. The database engines apply the queryset's own WHERE clause in SQL, so such a
   filter is fine for them and is let through.
"""

from django.db.models import Value
from django.db.models.expressions import Col
from django.db.models.functions.datetime import Extract
from django.db.models.lookups import Lookup
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Phrase, PlainText


class SQLFiltersMixin:
    """For engines that filter the queryset in SQL: let filters on anything but a column
    (which upstream's check cannot read) through; the database applies them."""

    def _get_filters_from_where_node(self, where_node, check_only=False):
        if (
            check_only
            and isinstance(where_node, Lookup)
            and not isinstance(where_node.lhs, Col | Extract)
        ):
            return None
        return super()._get_filters_from_where_node(where_node, check_only=check_only)


def fts5_string(text):
    """An FTS5 string literal: matched as plain words, whatever characters it holds."""
    return '"' + text.replace("\x00", "").replace('"', '""') + '"'


class QuotedLexeme(Lexeme):
    def as_sql(self, compiler, connection):
        # Upstream escapes ' and \ (SQL-literal habits, not FTS5 rules) but not ".
        return ("%s*" if self.prefix else "%s"), [fts5_string(self.value)]


class FTS5QueryMixin(SQLFiltersMixin):
    """Quoted terms, restricted to the FTS columns that hold the requested fields."""

    def column_for(self, field_name):
        # modelsearch's ObjectIndexer writes SearchFields named "title" to the title
        # column and every other SearchField to body.
        return "title" if field_name == "title" else "body"

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = QuotedLexeme(terms.pop(), prefix=self.LAST_TERM_IS_PREFIX)
            for term in terms:
                if query.operator.upper() == "AND":
                    lexemes &= QuotedLexeme(term)
                else:
                    lexemes |= QuotedLexeme(term)
            return SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            return SearchQueryExpression(Value(fts5_string(query.query_string)))
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        # Upstream's search() passes self.fields straight to the FTS5 column filter (its
        # only use there); give it the columns for the length of the call.
        requested_fields = self.fields
        if requested_fields:
            self.fields = sorted({self.column_for(name) for name in requested_fields})
        try:
            return super().search(config, start, stop, score_field=score_field)
        finally:
            self.fields = requested_fields


class PortalSQLiteSearchQueryCompiler(FTS5QueryMixin, SQLiteSearchQueryCompiler):
    pass


class PortalSQLiteAutocompleteQueryCompiler(FTS5QueryMixin, SQLiteAutocompleteQueryCompiler):
    def column_for(self, field_name):
        # Every AutocompleteField is written to the one autocomplete column.
        return "autocomplete"


class PortalSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PortalSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = PortalSQLiteAutocompleteQueryCompiler


class PortalPostgresSearchQueryCompiler(SQLFiltersMixin, PostgresSearchQueryCompiler):
    pass


class PortalPostgresAutocompleteQueryCompiler(SQLFiltersMixin, PostgresAutocompleteQueryCompiler):
    pass


class PortalPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PortalPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PortalPostgresAutocompleteQueryCompiler


FIXED_BACKENDS = {
    SQLiteSearchBackend: PortalSQLiteSearchBackend,
    PostgresSearchBackend: PortalPostgresSearchBackend,
}


def SearchBackend(params):  # noqa: N802 (the name Wagtail's backend loader looks for)
    """Wagtail's engine for the connection, replaced by its fixed subclass if it has one."""
    backend = database_backend(params)
    fixed_class = FIXED_BACKENDS.get(type(backend))
    return fixed_class(params) if fixed_class else backend
