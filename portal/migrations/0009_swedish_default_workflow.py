"""Wagtail's migrations create the default workflow and its task with the English name
"Moderators approval"; the admin shows that name to portal administrators beside Swedish
ones. The workflow is detached from the tree (0004); only its name changes here."""

from django.db import migrations

ENGLISH = "Moderators approval"
SWEDISH = "Godkännande av moderatorer"


def rename(apps, schema_editor, old=ENGLISH, new=SWEDISH):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=SWEDISH, new=ENGLISH)


class Migration(migrations.Migration):
    dependencies = [("portal", "0008_field_verbose_names")]

    operations = [migrations.RunPython(rename, rename_back)]
