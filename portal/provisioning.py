"""Creates and renames what a municipality or partner organisation owns.

Every function here is idempotent: running it again on unchanged data writes nothing new,
so the admin, the `add_municipality` command and the demo seed can all call it freely.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from portal.restrictions import restrict_collection_to_groups, restrict_page_to_groups

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["bulk_delete_page"]
ADMIN_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "change_media"),
    ("wagtailmedia", "delete_media"),
]
# Collections themselves (and so their privacy) are managed by superusers only: a section's
# collection is provisioned with the section.
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    # Films (wagtailmedia has no "choose" permission: its chooser lists the films one may
    # change, further limited by the access module in news/film_hooks.py).
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "change_media"),
]


def members_group_name(name):
    return f"{name} – medlemmar"


def editors_group_name(name):
    return f"{name} – redaktörer"


def named_group(current, name):
    """Return `current` renamed to `name`, or the group called `name` (created if missing)."""
    if current is not None:
        if current.name != name:
            current.name = name
            current.save(update_fields=["name"])
        return current
    group, _created = Group.objects.get_or_create(name=name)
    return group


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def home_page():
    from portal.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("The portal has no home page; run `manage.py migrate` first.")
    return home


def ensure_site_tree():
    """Recreate what the migrations put in an empty database: the page root, the home page,
    the default site and the root collection. Used where a database was flushed (e.g.
    transactional browser tests); a no-op when they exist."""
    from wagtail.models import Locale, Page, Site

    from portal.models import HomePage

    Locale.objects.get_or_create(language_code="sv")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Samverkansportalen", slug="start"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Samverkansportalen"},
    )
    return home


def _section_page(municipality):
    from portal.models import MunicipalitySectionPage

    page = MunicipalitySectionPage.objects.filter(municipality=municipality).first()
    if page is None:
        page = home_page().add_child(
            instance=MunicipalitySectionPage(
                title=municipality.name, slug=municipality.slug, municipality=municipality
            )
        )
    elif page.title != municipality.name or page.slug != municipality.slug:
        page.title = page.draft_title = municipality.name
        page.slug = municipality.slug
        page.save()
    return page


def _collection(municipality):
    collection = municipality.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=municipality.name)
    elif collection.name != municipality.name:
        collection.name = municipality.name
        collection.save(update_fields=["name"])
    return collection


def grant_permissions(group, page, page_codenames, collection, collection_permissions):
    """Admin access plus the given rights on a page subtree and a collection (idempotent)."""
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )
    for app_label, codename in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def grant_editor_permissions(group, page, collection):
    grant_permissions(
        group, page, EDITOR_PAGE_PERMISSIONS, collection, EDITOR_COLLECTION_PERMISSIONS
    )


def editor_model_permissions():
    """Model-wide rights (e.g. on an app's snippets) that every municipality's editors get:
    `(app_label, codename)` pairs from the apps' `register_editor_model_permissions` hooks.
    What they may see and change of those models is still the access module's answer."""
    from wagtail import hooks

    return [
        pair for hook in hooks.get_hooks("register_editor_model_permissions") for pair in hook()
    ]


def portal_admin_model_permissions():
    """Model-wide rights the portal administrators get (e.g. the search's synonyms):
    pairs from the apps' `register_portal_admin_model_permissions` hooks."""
    from wagtail import hooks

    return [
        pair
        for hook in hooks.get_hooks("register_portal_admin_model_permissions")
        for pair in hook()
    ]


def grant_editor_model_permissions(groups):
    grant_model_permissions(groups, editor_model_permissions())


def grant_model_permissions(groups, pairs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.snippets.models import create_extra_permissions

    for app_label in {app_label for app_label, _codename in pairs}:
        # Right after migrate the app's own post_migrate may not have run yet.
        create_permissions(apps.get_app_config(app_label), verbosity=0)
        create_extra_permissions(apps.get_app_config(app_label), verbosity=0)  # publish_*
    permissions = [_permission(app_label, codename) for app_label, codename in pairs]
    for group in groups:
        group.permissions.add(*permissions)


def provision_municipality(municipality):
    from portal.models import Municipality

    stored = Municipality.objects.filter(pk=municipality.pk)
    before = stored.values("members_group", "editors_group", "section_page", "collection").get()
    members = named_group(municipality.members_group, members_group_name(municipality.name))
    editors = named_group(municipality.editors_group, editors_group_name(municipality.name))
    page = _section_page(municipality)
    collection = _collection(municipality)
    restrict_page_to_groups(page, [members, editors])
    restrict_collection_to_groups(collection, [members, editors])
    grant_editor_permissions(editors, page, collection)
    grant_editor_model_permissions([editors])

    owned = {
        "members_group": members,
        "editors_group": editors,
        "section_page": page,
        "collection": collection,
    }
    changed = {field: value for field, value in owned.items() if before[field] != value.pk}
    if changed:
        stored.update(**changed)
    for field, value in owned.items():
        setattr(municipality, field, value)
    # Shared spaces naming this municipality list its groups in their restriction.
    for space in municipality.shared_spaces.all():
        sync_shared_space_restriction(space)


def sync_shared_space_restriction(space):
    restrict_page_to_groups(space, space.member_groups())


# --- rights over the whole tree -------------------------------------------------------


def provision_portal_administrators():
    """The one group with rights over the whole page tree and every collection (the
    collaboration's coordinators). Wagtail's default groups get no such rights here."""
    from wagtail.models import Page

    from portal.access import PORTAL_ADMINS_GROUP

    root = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root is None or root_collection is None:  # a flushed database: nothing to give yet
        return None
    group = named_group(None, PORTAL_ADMINS_GROUP)
    grant_permissions(
        group, root, ADMIN_PAGE_PERMISSIONS, root_collection, ADMIN_COLLECTION_PERMISSIONS
    )
    grant_model_permissions([group], portal_admin_model_permissions())
    return group


def groups_with_tree_rights():
    """Groups other than the portal administrators holding rights on the root page, the home
    page or the root collection (there should be none)."""
    from wagtail.models import Page

    from portal.access import PORTAL_ADMINS_GROUP

    top_pages = Page.objects.filter(depth__lte=2)
    names = set(
        GroupPagePermission.objects.filter(page__in=top_pages).values_list("group__name", flat=True)
    )
    names.update(
        GroupCollectionPermission.objects.filter(collection__depth=1).values_list(
            "group__name", flat=True
        )
    )
    names.discard(PORTAL_ADMINS_GROUP)
    return sorted(names)
