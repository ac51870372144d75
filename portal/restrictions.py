"""Writes Wagtail's own privacy records (the single source of truth for who may see what).

Reading them is the access module's job; this module only keeps them equal to a set of
groups, idempotently, so provisioning can run any number of times.
"""

from wagtail.models import CollectionViewRestriction, PageViewRestriction


def _sync(restriction_model, owner_field, owner, groups):
    from portal.privacy import provisioning

    with provisioning():
        return _write(restriction_model, owner_field, owner, list(groups))


def _write(restriction_model, owner_field, owner, groups):
    restrictions = restriction_model.objects.filter(**{owner_field: owner})
    restriction = restrictions.filter(restriction_type=restriction_model.GROUPS).first()
    # One group restriction is the whole rule: drop login/password ones that would widen it.
    restrictions.exclude(restriction_type=restriction_model.GROUPS).delete()
    if restriction is None:
        restriction = restriction_model.objects.create(
            restriction_type=restriction_model.GROUPS, **{owner_field: owner}
        )
    if set(restriction.groups.values_list("pk", flat=True)) != {g.pk for g in groups}:
        restriction.groups.set(groups)
    return restriction


def restrict_page_to_groups(page, groups):
    return _sync(PageViewRestriction, "page", page, groups)


def restrict_collection_to_groups(collection, groups):
    return _sync(CollectionViewRestriction, "collection", collection, groups)
