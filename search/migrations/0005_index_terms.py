"""The index holds terms (search/terms.py) for every engine: SQLite's FTS5 table is made
again over the three terms columns, PostgreSQL's vectors are written from them. Rows
already there get their terms from their title and text (summaries come with the next
`manage.py search_index --rebuild`)."""

from django.db import migrations, models

from search import terms

PARTS_MARK = "\n\x1e "

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]
COLUMNS = "title_terms, summary_terms, body_terms"
NEW = "new.title_terms, new.summary_terms, new.body_terms"
OLD = "old.title_terms, old.summary_terms, old.body_terms"
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE search_entry_fts USING fts5({COLUMNS},"
    " content='search_searchentry', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN"
    f" INSERT INTO search_entry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN"
    f" INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS})"
    f" VALUES ('delete', old.id, {OLD}); END",
    "CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN"
    f" INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS})"
    f" VALUES ('delete', old.id, {OLD});"
    f" INSERT INTO search_entry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
]
SQLITE_OLD = [
    "CREATE VIRTUAL TABLE search_entry_fts USING fts5(title, text, content='search_searchentry',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
]
POSTGRES_VECTORS = (
    "UPDATE search_searchentry SET search_vector ="
    " setweight(to_tsvector('simple', title_terms), 'A')"
    " || setweight(to_tsvector('simple', summary_terms), 'B')"
    " || setweight(to_tsvector('simple', body_terms), 'C'),"
    " title_vector = to_tsvector('simple', title_terms)"
)


def forward(apps, schema_editor):
    entry = apps.get_model("search", "SearchEntry")
    changed = []
    for row in entry.objects.only("pk", "title", "text").iterator():
        row.text = row.text.split(PARTS_MARK)[0]
        row.title_terms = terms.text_terms(row.title)
        row.body_terms = terms.text_terms(row.text)
        changed.append(row)
    entry.objects.bulk_update(changed, ["text", "title_terms", "body_terms"], batch_size=500)
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP + SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_VECTORS)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP + SQLITE_OLD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_title_vector")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_terms",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="summary_terms",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="body_terms",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(forward, backward),
    ]
