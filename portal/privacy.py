"""Privacy is provisioned, not edited.

Sections, shared spaces and the shared knowledge bank, and their collections, get their
view restriction from provisioning only (see `register_provisioned_privacy` in
portal/access.py). In the admin nobody is offered their privacy dialog
(`PortalPagePermissionTester`, and the collection dialog in portal/admin_urls.py), and if
their restriction is changed any other way (a script, the shell, a future admin view, from
either side of the groups relation) the change is written back as soon as its transaction
commits.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PagePermissionTester,
    PageViewRestriction,
)

from portal.access import access_for, provisioned_privacy_of

_provisioning = ContextVar("portal_provisioning_privacy", default=False)


@contextmanager
def provisioning():
    """Restriction writes inside this block are provisioning's own: leave them alone."""
    token = _provisioning.set(True)
    try:
        yield
    finally:
        _provisioning.reset(token)


class PortalPagePermissionTester(PagePermissionTester):
    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and access_for(self.user).may_set_privacy(
            self.page
        )


def _owner(restriction_model):
    """The field naming what a restriction protects: `page` or `collection`."""
    return "page" if restriction_model is PageViewRestriction else "collection"


def _restore_later(owner_model, owner_id):
    if _provisioning.get() or owner_id is None:
        return

    def restore():
        owner = owner_model.objects.filter(pk=owner_id).first()
        if owner is None:
            return
        write_back = provisioned_privacy_of(owner.specific if owner_model is Page else owner)
        if write_back is not None:
            with provisioning():
                write_back()

    transaction.on_commit(restore)


def on_restriction_saved_or_deleted(sender, instance, **kwargs):
    owner = _owner(sender)
    _restore_later(Page if owner == "page" else Collection, getattr(instance, f"{owner}_id"))


def _groups_changed(restriction_model):
    owner = _owner(restriction_model)
    owner_model = Page if owner == "page" else Collection

    def handler(sender, instance, action, reverse, pk_set, **kwargs):
        if reverse:
            # Changed from the group's side: the restrictions are in pk_set (or, when
            # cleared, all of the group's, read before the clear).
            if action == "pre_clear":
                instance._portal_cleared_restrictions = list(
                    restriction_model.objects.filter(groups=instance).values_list(
                        f"{owner}_id", flat=True
                    )
                )
                return
            if action == "post_clear":
                owner_ids = getattr(instance, "_portal_cleared_restrictions", [])
            elif action in ("post_add", "post_remove"):
                owner_ids = restriction_model.objects.filter(pk__in=pk_set).values_list(
                    f"{owner}_id", flat=True
                )
            else:
                return
        elif action in ("post_add", "post_remove", "post_clear"):
            owner_ids = [getattr(instance, f"{owner}_id")]
        else:
            return
        for owner_id in set(owner_ids):
            _restore_later(owner_model, owner_id)

    return handler


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in (PageViewRestriction, CollectionViewRestriction):
        uid = f"portal-privacy-{model.__name__}"
        post_save.connect(on_restriction_saved_or_deleted, sender=model, dispatch_uid=uid)
        post_delete.connect(on_restriction_saved_or_deleted, sender=model, dispatch_uid=uid)
        m2m_changed.connect(
            _groups_changed(model), sender=model.groups.through, dispatch_uid=uid, weak=False
        )
