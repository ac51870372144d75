"""Wagtail's PostgreSQL search engine with fixes 3 and 4 of search/backends/database.py
(DatabaseCompilerMixin); see docs/upstream-bugs.md."""

from wagtail.search.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from search.backends.database import DatabaseCompilerMixin


class PortalPostgresSearchQueryCompiler(DatabaseCompilerMixin, PostgresSearchQueryCompiler):
    pass


class PortalPostgresAutocompleteQueryCompiler(
    DatabaseCompilerMixin, PostgresAutocompleteQueryCompiler
):
    pass


class PortalPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PortalPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PortalPostgresAutocompleteQueryCompiler
