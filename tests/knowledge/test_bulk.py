"""knowledge.bulk (imports and the benchmark's data) leaves pages and organisations as the
one-by-one path does."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend

from knowledge.bulk import create_organisations, create_published_pages, deferred_indexing
from knowledge.models import KnowledgeAttachment, RoutinePage, Topic
from partners.models import ContactPerson, PartnerOrganisation
from tests.factories import MunicipalityFactory, UserFactory, add_document
from tests.knowledge.factories import add_index, add_routine

# What differs between two pages made the same way: identity, place and timestamps.
OWN_FIELDS = {
    "pk",
    "id",
    "path",
    "slug",
    "url_path",
    "translation_key",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "page_ptr",
    "knowledgepage_ptr",
    "latest_revision",
    "live_revision",
}


@pytest.fixture
def setting(db):
    kalmar = MunicipalityFactory(name="Kalmar kommun", code="0880", slug="kalmar")
    lernia = PartnerOrganisation(name="Lernia")
    lernia.contacts = [ContactPerson(name="Jonas Berg", title="Coach")]
    lernia.save()
    bank = add_index(kalmar.section_page.specific, title="Kalmars kunskapsbank", slug="kb")
    return {
        "kalmar": kalmar,
        "bank": bank,
        "owner": UserFactory(),
        "topic": Topic.objects.create(name="Skola"),
        "contact": lernia.contacts.get(),
        "public_collection": Collection.get_first_root_node(),
    }


def routine_fields(setting, slug):
    return {
        "title": "Skolstart",
        "slug": slug,
        "summary": "Så här gör vi vid skolstart.",
        "responsible_role": "Samordnare",
        "steps": [
            ("partner_contact", {"contact": setting["contact"], "note": "Praktik"}),
            ("checklist", {"heading": "Kom ihåg", "items": ["Tolk", "Schema"]}),
        ],
        "topics": [setting["topic"]],
        "municipalities": [setting["kalmar"]],
        "partner_organisations": [setting["contact"].organisation],
    }


def bulk_routine(setting, slug, document):
    fields = routine_fields(setting, slug)
    m2m = {name: fields.pop(name) for name in ("topics", "municipalities", "partner_organisations")}
    page = RoutinePage(
        content_owner=setting["owner"], last_reviewed=datetime.date(2026, 6, 1), **fields
    )
    for name, values in m2m.items():
        setattr(page, name, values)
    page.attachments = [KnowledgeAttachment(document=document)]
    (page,) = create_published_pages(setting["bank"], [page], prefetch=("topics", "attachments"))
    return RoutinePage.objects.get(pk=page.pk)


def references(page):
    rows = ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
        "content_type", "to_content_type", "to_object_id", "model_path", "content_path"
    )
    return set(rows)


def found(model, text):
    return list(get_search_backend().search(text, model))


def comparable(data):
    """Revision content without what differs between two pages (ids, place, block ids)."""
    data = {key: value for key, value in data.items() if key not in OWN_FIELDS}
    data["steps"] = re.sub(r'"id": "[0-9a-f-]{36}"', '"id": ""', data["steps"])
    data["attachments"] = [
        {k: v for k, v in row.items() if k not in {"pk", "page", "document"}}
        for row in data["attachments"]
    ]
    return data


def test_a_bulk_routine_is_what_the_one_by_one_path_makes(setting):
    one_document = add_document(setting["public_collection"], "Ett.pdf")
    bulk_document = add_document(setting["public_collection"], "Två.pdf")
    one = add_routine(
        setting["bank"],
        owner=setting["owner"],
        attachments=[one_document],
        one_by_one=True,
        **routine_fields(setting, "en-och-en"),
    )
    bulk = bulk_routine(setting, "i-bulk", bulk_document)

    for page in (one, bulk):
        assert page.live and not page.has_unpublished_changes and not page.expired
        assert page.first_published_at and page.last_published_at
        assert page.live_revision_id == page.latest_revision_id
        revision = Revision.objects.get(object_id=str(page.pk))  # exactly one
        assert page.latest_revision_created_at == revision.created_at
        assert revision.content_type == ContentType.objects.get_for_model(RoutinePage)
        assert page.url_path == setting["bank"].url_path + page.slug + "/"
        assert page.depth == setting["bank"].depth + 1
    assert setting["bank"].get_children().count() == 2
    setting["bank"].refresh_from_db()
    assert setting["bank"].numchild == 2

    assert comparable(bulk.latest_revision.content) == comparable(one.latest_revision.content)
    assert bulk.next_review == one.next_review == datetime.date(2027, 6, 1)
    assert bulk.content_owner == one.content_owner
    assert list(bulk.topics.all()) == list(one.topics.all())
    assert list(bulk.municipalities.all()) == list(one.municipalities.all())
    assert list(bulk.partner_organisations.all()) == list(one.partner_organisations.all())
    actions = {
        page.pk: list(
            PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True)
        )
        for page in (one, bulk)
    }
    assert actions[bulk.pk] == actions[one.pk] == ["wagtail.create", "wagtail.publish"]

    # Side work done in bulk afterwards: the same reference-index rows as the one-by-one
    # saves wrote (only the attached document differs) ...
    def targets(page):
        return sorted(
            (model_path, "document" if model_path.startswith("attachments") else to)
            for _ct, _to_ct, to, model_path, _content in references(page)
        )

    assert targets(bulk) == targets(one)
    assert {path for path, _to in targets(bulk)} >= {
        "attachments.item.document",
        "steps.partner_contact.contact",
        "content_owner",
    }
    # ... a search entry ...
    assert set(found(RoutinePage, "skolstart")) == {one, bulk}
    # ... and the publish signal's receivers ran: files follow the page into its section.
    for document in (one_document, bulk_document):
        document.refresh_from_db()
        assert document.collection == setting["kalmar"].collection


def test_publish_signals_go_out_with_indexing_back_on(setting):
    """What page_published receivers save is indexed as after a one-by-one publish."""
    from wagtail.signals import page_published

    def receiver(sender, instance, **kwargs):
        Topic.objects.create(name=f"Följer {instance.slug}")

    page_published.connect(receiver)
    try:
        bulk_routine(setting, "signal", add_document(setting["public_collection"], "Tre.pdf"))
    finally:
        page_published.disconnect(receiver)
    assert [t.name for t in found(Topic, "Följer")] == ["Följer signal"]


def test_deferred_indexing_restores_the_handlers(setting):
    with deferred_indexing():
        topic = Topic.objects.create(name="Hälsa")
    assert topic not in found(Topic, "Hälsa")
    # Outside the block a save indexes again.
    later = Topic.objects.create(name="Hälsovård")
    assert later in found(Topic, "Hälsovård")


def test_bulk_organisations_get_group_revision_contacts_and_search_entry(setting):
    organisation = PartnerOrganisation(name="BUP Kalmar län", description="Barnpsykiatri")
    organisation.municipalities_served = [setting["kalmar"]]
    organisation.topics.set(["psykisk hälsa"])
    contact = ContactPerson(name="Maria Holm", title="Kurator")
    contact.limited_to = [setting["kalmar"]]
    organisation.contacts = [contact]
    (saved,) = create_organisations([organisation])

    saved = PartnerOrganisation.objects.get(pk=saved.pk)
    assert saved.slug == "bup-kalmar-lan"
    assert saved.group.name == "Partner – BUP Kalmar län"
    assert saved.latest_revision is not None
    assert list(saved.topics.names()) == ["psykisk hälsa"]
    person = saved.contacts.get()
    assert list(person.limited_to.all()) == [setting["kalmar"]]
    assert found(PartnerOrganisation, "Barnpsykiatri") == [saved]
