"""Files whose readers differ from the readers of the pages that use them.

Readers are worked out from Wagtail's privacy records, as `portal.access` does: a page or
collection is readable by whoever passes every restriction on it and its ancestors. A file is
*wider* than its page when someone who may not read the page may open the file (a leak: its
id and name travel with the page, and anyone may fetch it); *narrower* when some readers of
the page cannot open it (a broken link for them). Which pages use which files comes from
Wagtail's reference index (`manage.py rebuild_references_index` refreshes it).
"""

from dataclasses import dataclass

from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)

from knowledge.documents import file_models
from portal.access import restriction_records

LOGGED_IN = "logged in"  # any logged-in user passes; otherwise a frozenset of group ids


def _restrictions(restriction_model):
    """[(path, constraint)] for every restriction of this kind."""
    constraints = []
    for restriction_type, path, groups in restriction_records(restriction_model):
        if restriction_type == BaseViewRestriction.LOGIN:
            constraints.append((path, LOGGED_IN))
        else:
            # Shared passwords never pass (switched off): a group set nobody is in.
            groups_of = groups if restriction_type == BaseViewRestriction.GROUPS else ()
            constraints.append((path, frozenset(groups_of)))
    return constraints


def _readers(constraints, path):
    return [constraint for owner_path, constraint in constraints if path.startswith(owner_path)]


def someone_reads_one_but_not_other(one, other):
    """Can a user pass every constraint in `one` and fail one in `other`? Users may be in
    any groups, so this asks whether such a combination exists, not who has it today."""
    for constraint in other:
        if constraint == LOGGED_IN:
            if not one:
                return True  # an anonymous visitor
        elif all(c == LOGGED_IN or (c - constraint) for c in one):
            return True  # logged in, in none of `constraint`, in one group of each of `one`
    return False


def file_kind(file):
    from wagtail.images.models import AbstractImage
    from wagtailmedia.models import AbstractMedia

    if isinstance(file, AbstractMedia):
        return "film"
    return "image" if isinstance(file, AbstractImage) else "document"


@dataclass
class Mismatch:
    file: object
    page: object
    wider: bool  # True: readable by people who may not read the page

    def describe(self):
        kind = "wider than" if self.wider else "narrower than"
        return (
            f'{file_kind(self.file)} "{self.file.title}" (id {self.file.pk}) in '
            f'collection "{self.file.collection.name}" is {kind} page "{self.page.title}" '
            f"(id {self.page.pk}, {self.page.url_path})"
        )


def find_mismatches():
    """Every (file, page) pair whose readers differ, wider ones first."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    models = {ReferenceIndex._get_base_content_type(m).pk: m for m in file_models()}
    uses = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type_id__in=list(models)
    ).values_list("object_id", "to_content_type_id", "to_object_id")
    pairs = {(int(page_id), models[ct], int(file_id)) for page_id, ct, file_id in uses}
    if not pairs:
        return []
    pages = Page.objects.in_bulk({page_id for page_id, _m, _f in pairs})
    files = {}
    for model in models.values():
        ids = {file_id for _p, m, file_id in pairs if m is model}
        files[model] = model.objects.select_related("collection").in_bulk(ids)
    page_rules = _restrictions(PageViewRestriction)
    collection_rules = _restrictions(CollectionViewRestriction)
    found = []
    for page_id, model, file_id in sorted(pairs, key=lambda p: (p[0], p[1].__name__, p[2])):
        page, file = pages.get(page_id), files[model].get(file_id)
        if page is None or file is None:
            continue  # the index is older than a deletion
        page_readers = _readers(page_rules, page.path)
        file_readers = _readers(collection_rules, file.collection.path)
        if someone_reads_one_but_not_other(file_readers, page_readers):
            found.append(Mismatch(file, page, wider=True))
        elif someone_reads_one_but_not_other(page_readers, file_readers):
            found.append(Mismatch(file, page, wider=False))
    return sorted(found, key=lambda m: not m.wider)


def move_public_files(mismatches):
    """Move the public files among `mismatches` into their page's section collection, by
    the same rule as publishing does (`move_files_into_section`): restricted files and
    files that pages outside the section use too stay where they are."""
    from knowledge.documents import move_files_into_section

    moved = []
    for mismatch in mismatches:
        if mismatch.wider:
            file = mismatch.file
            moved.extend(move_files_into_section(mismatch.page, {type(file): {file.pk}}))
    return moved
