"""Wagtail's default groups ("Moderators", "Editors") come with add/change/publish on the
root page and every permission on the root collection: rights over every municipality's
section. Only the provisioned "Portaladministratörer" group may hold such rights (made by
provisioning after migrate, see portal.apps); this removes them from every other group,
and detaches the default workflow from the root page."""

from django.db import migrations

PORTAL_ADMINS_GROUP = "Portaladministratörer"


def remove_tree_rights(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission.objects.filter(page__depth__lte=2).exclude(
        group__name=PORTAL_ADMINS_GROUP
    ).delete()
    GroupCollectionPermission.objects.filter(collection__depth=1).exclude(
        group__name=PORTAL_ADMINS_GROUP
    ).delete()
    # Wagtail's "Moderators approval" workflow hangs on the root page, so its moderators
    # would see (and approve) drafts of every section. Workflows are set per section.
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(page__depth__lte=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_accounts_hardening"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(remove_tree_rights, migrations.RunPython.noop)]
