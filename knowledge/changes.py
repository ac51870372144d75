"""Editors' change notes per revision (knowledge.models.PageChange), for other apps."""

from knowledge.models.acknowledgements import PageChange

__all__ = ["PageChange", "is_significant", "notes_for", "significant_since"]


def notes_for(revision_ids):
    """{revision id: note} for the given revisions that have a non-empty note; one query."""
    ids = [i for i in revision_ids if i]
    if not ids:
        return {}
    rows = PageChange.objects.filter(revision_id__in=ids).exclude(note="")
    return dict(rows.values_list("revision_id", "note"))


def is_significant(revision_id):
    if not revision_id:
        return False
    return PageChange.objects.filter(revision_id=revision_id, significant=True).exists()


def significant_since(page_id, revision_id):
    """Whether a revision of the page saved after `revision_id` was marked significant:
    ticked on a draft and published later without ticking again still counts."""
    return PageChange.objects.filter(
        page_id=page_id, revision_id__gt=revision_id, significant=True
    ).exists()
