"""Which section a knowledge page lives in, and that section's file collection.

A section is a municipality's section page, a shared space, or the shared knowledge bank
under the home page. Files attached to a page belong in its section's collection, which is
restricted to exactly the groups that may read the section (Wagtail's own
`CollectionViewRestriction`, read by portal.access like every other restriction).
"""

from django.db import transaction
from wagtail.models import Collection, Page, PageViewRestriction

from portal.restrictions import restrict_collection_to_groups, restrict_page_to_groups


def section_of(page):
    """The nearest ancestor-or-self that is a section, as its specific page (or None)."""
    from knowledge.models import KnowledgeIndexPage
    from portal.models import HomePage, MunicipalitySectionPage, SharedSpacePage

    section_types = (MunicipalitySectionPage, SharedSpacePage)
    candidates = Page.objects.ancestor_of(page, inclusive=True).order_by("-depth").specific()
    for ancestor in candidates:
        if isinstance(ancestor, section_types):
            return ancestor
        if isinstance(ancestor, KnowledgeIndexPage) and is_shared_knowledge_bank(ancestor):
            return ancestor
        if isinstance(ancestor, HomePage):
            return None
    return None


def is_shared_knowledge_bank(index_page):
    from portal.models import HomePage

    parent = index_page.get_parent()
    return parent is not None and parent.specific_class is HomePage


def collection_for(section):
    """The collection files of pages in `section` belong in (created on first use)."""
    from knowledge.models import SectionCollection
    from portal.models import MunicipalitySectionPage

    if section is None:
        return None
    if isinstance(section, MunicipalitySectionPage):
        return section.municipality.collection if section.municipality else None
    link = SectionCollection.objects.filter(page=section).select_related("collection").first()
    if link is None:
        collection = Collection.get_first_root_node().add_child(name=section.title)
        link = SectionCollection.objects.create(page=section, collection=collection)
    sync_section_collection(section, link.collection)
    return link.collection


def _restriction_groups(page):
    restriction = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.GROUPS
    ).first()
    return list(restriction.groups.all()) if restriction else []


def sync_section_collection(section, collection=None):
    """Keep a section's collection readable by exactly the section's groups."""
    from knowledge.models import SectionCollection

    if collection is None:
        link = SectionCollection.objects.filter(page=section).select_related("collection").first()
        if link is None:
            return
        collection = link.collection
    restrict_collection_to_groups(collection, _restriction_groups(section))


def staff_groups():
    """Members and editors of every municipality: the readers of the shared knowledge bank."""
    from portal.models import Municipality

    groups = []
    for municipality in Municipality.objects.select_related("members_group", "editors_group"):
        groups.extend(municipality.groups)
    return groups


def sync_shared_knowledge_bank(index_page):
    """The shared knowledge bank is for staff of every member municipality (not partners),
    and for its approvers, whose rights reach this bank only."""
    from knowledge.approvers import provision_shared_bank_approvers

    if not is_shared_knowledge_bank(index_page):
        return
    approvers = provision_shared_bank_approvers(index_page)
    restrict_page_to_groups(index_page, staff_groups() + [approvers])
    sync_section_collection(index_page)


def sync_all_shared_knowledge_banks():
    from knowledge.models import KnowledgeIndexPage

    for index_page in KnowledgeIndexPage.objects.all():
        sync_shared_knowledge_bank(index_page)


def on_municipality_saved(sender, instance, **kwargs):
    # The municipality's groups are provisioned after its row is saved: wait for the commit.
    transaction.on_commit(sync_all_shared_knowledge_banks)


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    """A shared space's readers changed: its collection follows."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, PageViewRestriction):
        from knowledge.models import SectionCollection

        link = SectionCollection.objects.filter(page_id=instance.page_id).first()
        if link is not None:
            restrict_collection_to_groups(link.collection, list(instance.groups.all()))
