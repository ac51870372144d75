"""Wagtail's SQLite FTS5 search engine with fixes 1 and 2 of search/backends/database.py
(here) and 3 and 4 (DatabaseCompilerMixin); see docs/upstream-bugs.md."""

from django.db.models import Value
from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Phrase, PlainText

from search.backends.database import DatabaseCompilerMixin


def fts5_string(text):
    """An FTS5 string literal: matched as plain words, whatever characters it holds."""
    return '"' + text.replace("\x00", "").replace('"', '""') + '"'


class QuotedLexeme(Lexeme):
    def as_sql(self, compiler, connection):
        # Upstream escapes ' and \ (SQL-literal habits, not FTS5 rules) but not ".
        return ("%s*" if self.prefix else "%s"), [fts5_string(self.value)]


class FTS5QueryMixin(DatabaseCompilerMixin):
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
