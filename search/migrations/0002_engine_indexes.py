"""What each database needs for full-text search on `SearchEntry`:

- PostgreSQL: the pg_trgm extension, a GIN index on the swedish tsvector and a trigram
  index on `SearchWord.word` (typo suggestions).
- SQLite: an FTS5 table over title and text that triggers keep in step with the rows.
  `remove_diacritics 0`: å, ä and ö are letters of their own ("får" is not "far").
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_entry_vector ON search_searchentry "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_word_trigram ON search_searchword "
    "USING gin (word gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_word_trigram",
    "DROP INDEX IF EXISTS search_entry_vector",
]

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_entry_fts USING fts5(title, text, content='search_searchentry',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN"
    " INSERT INTO search_entry_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
    "CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN"
    " INSERT INTO search_entry_fts(search_entry_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN"
    " INSERT INTO search_entry_fts(search_entry_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text);"
    " INSERT INTO search_entry_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
