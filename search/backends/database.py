"""Wagtail's database search backend with three input bugs fixed in one place (see
docs/upstream-bugs.md). Wagtail still picks the engine for the connection; its SQLite FTS5
and PostgreSQL engines are replaced by our subclasses in `sqlite.py` and `postgres.py`
(each imported only on its own database: Wagtail defines the SQLite index table only
there). Elasticsearch is configured
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
4. Both: every word of a query becomes one more level of nested expressions; on
   PostgreSQL a thousand characters of words exceeded Python's recursion limit. Only
   the first MAX_TERMS words (and phrases) are searched for.
"""

from django.db.models.expressions import Col
from django.db.models.functions.datetime import Extract
from django.db.models.lookups import Lookup
from django.utils.module_loading import import_string
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import And, Or, PlainText

MAX_TERMS = 32


def bounded(query):
    """The query with at most MAX_TERMS words in each text and parts in each And/Or."""
    if isinstance(query, PlainText):
        words = query.query_string.split()[:MAX_TERMS]
        return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    if isinstance(query, And | Or):
        return type(query)([bounded(subquery) for subquery in query.subqueries[:MAX_TERMS]])
    return query


class DatabaseCompilerMixin:
    """Fixes 3 and 4, for the engines that filter the queryset in SQL."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = bounded(self.query)

    def _get_filters_from_where_node(self, where_node, check_only=False):
        # Let filters on anything but a column (upstream's check reads `.target`)
        # through: the database applies the queryset's own WHERE clause.
        if (
            check_only
            and isinstance(where_node, Lookup)
            and not isinstance(where_node.lhs, Col | Extract)
        ):
            return None
        return super()._get_filters_from_where_node(where_node, check_only=check_only)


FIXED_BACKENDS = {
    "SQLiteSearchBackend": "search.backends.sqlite.PortalSQLiteSearchBackend",
    "PostgresSearchBackend": "search.backends.postgres.PortalPostgresSearchBackend",
}


def SearchBackend(params):  # noqa: N802 (the name Wagtail's backend loader looks for)
    """Wagtail's engine for the connection, replaced by its fixed subclass if it has one."""
    backend = database_backend(params)
    fixed = FIXED_BACKENDS.get(type(backend).__name__)
    return import_string(fixed)(params) if fixed else backend
