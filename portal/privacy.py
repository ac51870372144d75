"""Privacy is provisioned, not edited.

Sections, shared spaces and the shared knowledge bank get their view restriction from
provisioning only (see `register_provisioned_privacy` in portal/access.py). In the admin
nobody is offered their privacy dialog (`PortalPagePermissionTester`), and if their
restriction is changed any other way (a script, the shell, a future admin view) the change
is written back as soon as its transaction commits.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from wagtail.models import Page, PagePermissionTester

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


def _restore_later(page_id):
    if _provisioning.get() or page_id is None:
        return

    def restore():
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return
        write_back = provisioned_privacy_of(page.specific)
        if write_back is not None:
            with provisioning():
                write_back()

    transaction.on_commit(restore)


def on_restriction_saved_or_deleted(sender, instance, **kwargs):
    _restore_later(instance.page_id)


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and hasattr(instance, "page_id"):
        _restore_later(instance.page_id)


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import PageViewRestriction

    post_save.connect(on_restriction_saved_or_deleted, sender=PageViewRestriction)
    post_delete.connect(on_restriction_saved_or_deleted, sender=PageViewRestriction)
    m2m_changed.connect(on_restriction_groups_changed, sender=PageViewRestriction.groups.through)
