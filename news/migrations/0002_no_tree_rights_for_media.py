"""wagtailmedia's own migrations give Wagtail's default groups ("Editors", "Moderators")
media rights on the root collection, i.e. over every municipality's films. As in
portal.0004, only "Portaladministratörer" may hold rights on the root collection."""

from django.db import migrations

PORTAL_ADMINS_GROUP = "Portaladministratörer"


def remove_root_collection_rights(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(collection__depth=1).exclude(
        group__name=PORTAL_ADMINS_GROUP
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("portal", "0004_no_tree_rights_but_administrators"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(remove_root_collection_rights, migrations.RunPython.noop)]
