"""Bulk creation for imports and generated data: many published pages, partner
organisations and their contact people, fast, and ending up as if made one by one.

Creating and publishing one routine the usual way costs about 160 queries and 100 ms
with a few hundred routines (220 ms at 12 000), most of it side work after each of its
three saves (add_child, save_revision, publish): the search entry (with PostgreSQL's
database backend also a pass over the whole index table to refresh title norms, which
is why it grows with the table) and the reference index. Here each page is still added
with Wagtail's tree API (``add_child``: validation, path, numchild, url_path, the
"wagtail.create" log entry), but

* search indexing and reference-index updates are suspended while saving
  (`deferred_indexing`) and written once per chunk in bulk (`index_in_bulk`);
* the revisions are inserted in one statement per chunk and the pages then point at
  them with one bulk update, instead of two more saves per page;
* the "wagtail.publish" log entry and the ``page_published`` / ``published`` signals
  are the same as ``revision.publish()`` gives a new page (their receivers, such as
  files following the page into its section, still run, with indexing back on).

About 43 queries and 30 ms per routine, whatever the size (``python -m bench.bulk_cost``).

The result is what ``parent.add_child(instance=page); page.save_revision().publish()``
leaves: a live page with one revision that is both latest and live, first/last
published dates, its m2m relations and inline rows, reference-index rows and a search
entry. Meant for management commands and scripts: suspending the search handlers is
process-wide while the block runs, so do not use it inside a web request.
"""

import contextlib
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.signals import page_published, published

DEFAULT_CHUNK_SIZE = 500


# --- suspending per-save side work ---------------------------------------------------


def _auto_updated_search_models():
    return [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]


_deferring = ContextVar("bulk_deferring", default=False)


@contextlib.contextmanager
def deferred_indexing():
    """Saves inside the block update neither the search index nor the reference index.

    Disconnects modelsearch's post_save handler (connected per indexed model by
    ``register_signal_handlers``; restored on exit, also after an error), and uses
    portal.page_indexing's switch for portal pages and Wagtail's own for the reference
    index, which also skips deletions: delete nothing inside the block. Index what was
    saved with `index_in_bulk` afterwards.
    """
    from portal.page_indexing import recording_revision

    if _deferring.get():  # nested: the outer block restores the handlers
        yield
        return
    token = _deferring.set(True)
    models = _auto_updated_search_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        # Portal pages are indexed by portal.page_indexing, not modelsearch's handler. Its
        # switch for save_revision's bookkeeping save skips them, and turns Wagtail's
        # reference-index updates off (disable_reference_index_auto_update, which does not
        # nest) for every model.
        with recording_revision():
            yield
    finally:
        _deferring.reset(token)
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


# --- indexing afterwards -------------------------------------------------------------


_indexing_once = ContextVar("bulk_indexing_once", default=False)


@contextlib.contextmanager
def indexed_once():
    """Inside the block each saved object is indexed once, at its end, for search (the
    portal's and Wagtail's) and references, instead of after each of its saves (a page
    is saved three times on its way to being published). For scripts that save many
    objects one by one, such as the demo seed; process-wide like `deferred_indexing`.
    A nested block joins the outer one."""
    if _indexing_once.get():
        yield
        return
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            model = instance.specific_class if isinstance(instance, Page) else type(instance)
            saved.setdefault(model, set()).add(instance.pk)

    token = _indexing_once.set(True)
    post_save.connect(remember, weak=False, dispatch_uid="bulk-indexed-once")
    try:
        with portal_search_collected(), deferred_indexing():
            yield
    finally:
        post_save.disconnect(dispatch_uid="bulk-indexed-once")
        _indexing_once.reset(token)
    for model, pks in saved.items():
        # Some of them existed before the block: their reference rows are replaced.
        index_in_bulk(model, pks, existing=True)


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _references_for(objects):
    """ReferenceIndex rows for newly created objects, as create_or_update_for_object
    writes them for an object that had none."""
    rows = []
    for obj in objects:
        content_types = [
            ContentType.objects.get_for_model(model_or_object, for_concrete_model=False)
            for model_or_object in [obj] + obj._meta.get_parent_list()
        ]
        content_type, base_content_type = content_types[0], content_types[-1]
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=obj.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    return rows


def index_in_bulk(model, pks, *, prefetch=(), existing=False, chunk_size=DEFAULT_CHUNK_SIZE):
    """Write the reference-index rows and search entries of the `model` objects `pks`
    (created under `deferred_indexing`), one chunk of objects at a time.

    `prefetch` names relations the search fields and references read (m2m, inline rows),
    so a chunk costs a fixed number of queries instead of a few per object. With
    `existing`, objects may have had reference rows before: each object's are replaced
    as Wagtail does after a save, at a few queries per object.
    """
    pks = list(pks)
    track_references = ReferenceIndex.is_indexed(model)
    indexed = search_index.class_is_indexed(model)
    backends = list(get_search_backends(with_auto_update=True)) if indexed else []
    for chunk in _chunks(pks, chunk_size):
        objects = list(model.objects.filter(pk__in=chunk).prefetch_related(*prefetch))
        if track_references and existing:
            for obj in objects:
                ReferenceIndex.create_or_update_for_object(obj)
        elif track_references:
            with transaction.atomic():
                ReferenceIndex.objects.bulk_create(_references_for(objects), ignore_conflicts=True)
        for backend in backends:
            backend.add_bulk(model, objects)


# --- pages ---------------------------------------------------------------------------


def _add_and_publish(parent, pages, user):
    """Add the unsaved `pages` under `parent` and make each live with one revision, as
    add_child() then save_revision().publish() would; returns the revisions. Run under
    `deferred_indexing`; the caller indexes and sends the publish signals."""
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for page in pages:
        page.owner = page.owner or user
        # Live from the start, as add_child() then save_revision().publish() leaves it.
        page.live = True
        page.has_unpublished_changes = False
        parent.add_child(instance=page)
        # The revision holds the page as save_revision() serialises it: before publish()
        # sets the published dates and the revision links.
        revisions.append(
            Revision(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=base_content_type,
                object_id=str(page.pk),
                user=user,
                content=page.serializable_data(),
                object_str=str(page),
                created_at=timezone.now(),  # what Revision.save() sets
            )
        )
    Revision.objects.bulk_create(revisions)
    published_at = timezone.now()
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        page.latest_revision_created_at = revision.created_at
        page.draft_title = page.title
        page.first_published_at = page.last_published_at = published_at
    Page.objects.bulk_update(
        pages,
        [
            "latest_revision",
            "live_revision",
            "latest_revision_created_at",
            "draft_title",
            "first_published_at",
            "last_published_at",
        ],
    )
    for page, revision in zip(pages, revisions, strict=True):
        log(
            instance=page,
            action="wagtail.publish",
            user=user,
            revision=revision,
            content_changed=True,
        )
    return revisions


def portal_search_collected():
    from search.indexing import collected

    return collected()


def create_published_pages(parent, pages, *, user=None, prefetch=(), chunk_size=DEFAULT_CHUNK_SIZE):
    """Add the unsaved specific `pages` (m2m fields and inline rows set, as for add_child)
    under `parent` and publish each; returns them saved.

    One transaction per chunk: per page one ``add_child`` (with its validation) and one
    log entry; per chunk one insert of revisions, one bulk update of the pages, then the
    search and reference indexes in bulk (`prefetch`: relations the search fields read,
    e.g. ``("topics", "attachments")``), then ``page_published`` and ``published`` for
    each page. The signals go out after indexing is back on, so what their receivers
    save (files moved into the section's collection) is indexed as usual.
    """
    saved = []
    for chunk in _chunks(list(pages), chunk_size):
        with transaction.atomic():
            with deferred_indexing():
                revisions = _add_and_publish(parent, chunk, user)
            by_model = {}
            for page in chunk:
                by_model.setdefault(type(page), []).append(page.pk)
            for model, pks in by_model.items():
                index_in_bulk(model, pks, prefetch=prefetch, chunk_size=chunk_size)
            # The portal search's entries for the chunk are written together at the end.
            with portal_search_collected():
                for page, revision in zip(chunk, revisions, strict=True):
                    page_published.send(sender=type(page), instance=page, revision=revision)
                    published.send(sender=type(page), instance=page, revision=revision)
        saved.extend(chunk)
    return saved


# --- partner organisations -----------------------------------------------------------


def create_organisations(organisations, *, user=None, chunk_size=DEFAULT_CHUNK_SIZE):
    """Save unsaved `PartnerOrganisation`s (contacts, liaisons, m2m and topics set in
    memory) with their first revision and "wagtail.create" log entry, as the partner
    importer does; one transaction per chunk, indexed in bulk. Each save still
    provisions the organisation's group."""
    from partners.models import PartnerOrganisation

    saved = []
    for chunk in _chunks(list(organisations), chunk_size):
        with transaction.atomic():
            with deferred_indexing():
                for organisation in chunk:
                    organisation.save()
                    organisation.save_revision(user=user, clean=False, log_action="wagtail.create")
            index_in_bulk(
                PartnerOrganisation,
                [organisation.pk for organisation in chunk],
                prefetch=("contacts", "liaisons", "tagged_topics"),
                chunk_size=chunk_size,
            )
        saved.extend(chunk)
    return saved
