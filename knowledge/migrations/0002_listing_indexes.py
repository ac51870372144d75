"""Indexes for the orderings the knowledge bank's lists use (issue 13): "soon due" sorts by
next review; the index sorts by title; "recently updated" by last publication. The last two
are columns of Wagtail's page table, which no model of ours declares, hence plain SQL (the
same statement on SQLite and PostgreSQL)."""

from django.db import migrations, models

PAGE_INDEXES = [
    ("portal_page_title_idx", "title"),
    ("portal_page_last_published_idx", "last_published_at"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="knowledgepage",
            name="next_review",
            field=models.DateField(
                blank=True, db_index=True, editable=False, null=True, verbose_name="next review"
            ),
        ),
        *[
            migrations.RunSQL(
                f'CREATE INDEX IF NOT EXISTS {name} ON "wagtailcore_page" ("{column}")',
                f"DROP INDEX IF EXISTS {name}",
            )
            for name, column in PAGE_INDEXES
        ],
    ]
