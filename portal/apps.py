from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        # On import, rich_text registers its link handlers and lookups its integer lookups.
        from portal import (  # noqa: F401
            admin_forms,
            api_pagination,
            cache_version,
            identity_numbers,
            lookups,
            page_indexing,
            privacy,
            rich_text,
            rich_text_editor,
            uploads,
        )
        from portal.accounts import signals

        signals.connect()
        cache_version.connect()
        page_indexing.connect()
        privacy.connect()
        identity_numbers.install_form_check()
        admin_forms.install()
        api_pagination.install()
        uploads.configure_pillow()
        post_migrate.connect(provision_after_migrate, sender=self)


def provision_after_migrate(app_config, using="default", **kwargs):
    """Make the portal administrators' group once the permissions it needs exist."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from portal.models import Municipality
    from portal.provisioning import (
        grant_editor_model_permissions,
        grant_editor_permissions,
        provision_portal_administrators,
    )

    for label in ("wagtailcore", "wagtaildocs", "wagtailimages", "wagtailadmin"):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    provision_portal_administrators()
    # Rights added since the municipalities were provisioned (e.g. films, testimonials).
    provisioned = Municipality.objects.exclude(editors_group=None).exclude(section_page=None)
    provisioned = provisioned.exclude(collection=None).select_related(
        "editors_group", "section_page", "collection"
    )
    for municipality in provisioned:
        grant_editor_permissions(
            municipality.editors_group, municipality.section_page, municipality.collection
        )
    grant_editor_model_permissions([m.editors_group for m in provisioned])
