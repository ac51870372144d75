"""Search and reference indexing of portal pages: once per real change, not per save.

Creating and publishing a page saves its row three times (created, revision recorded,
published), and Wagtail re-indexes the page for search and references after each. The
middle save (`save_revision`) only records the new revision on the row: the row's content,
which both indexes read back from the database, is unchanged, so it is skipped here.
Portal pages turn modelsearch's automatic update off (`search_auto_update = False`) and
are indexed through modelsearch's own handlers, called from here except for that save.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save

_recording_revision = ContextVar("portal_recording_revision", default=False)


@contextmanager
def recording_revision():
    from wagtail.signal_handlers import disable_reference_index_auto_update

    if _recording_revision.get():
        # Already inside: Wagtail's switch does not nest, so leave it to the outer block.
        yield
        return
    token = _recording_revision.set(True)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _recording_revision.reset(token)


def _saved(sender, instance, **kwargs):
    if _recording_revision.get():
        return
    from modelsearch.signal_handlers import post_save_signal_handler

    post_save_signal_handler(instance, **kwargs)


def connect():
    from modelsearch import index
    from modelsearch.signal_handlers import post_delete_signal_handler

    from portal.models.pages import BasePortalPage

    for model in index.get_indexed_models():
        if issubclass(model, BasePortalPage):
            uid = f"portal-page-index-{model._meta.label}"
            post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(
                post_delete_signal_handler, sender=model, dispatch_uid=f"{uid}-delete"
            )
