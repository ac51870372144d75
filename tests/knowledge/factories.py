"""Knowledge-bank pages for the tests, created and published through the portal's bulk
path (tests.factories.publish_new)."""

import datetime
import itertools

from knowledge.models import (
    AgreementPage,
    GuidePage,
    KnowledgeAttachment,
    KnowledgeIndexPage,
    RoutinePage,
    Topic,
)
from portal.provisioning import home_page
from tests.factories import publish_new

_slugs = itertools.count(1)
M2M = ("municipalities", "topics", "partner_organisations", "contact_people")


def add_kb_page(parent, model, attachments=(), one_by_one=False, **fields):
    """A published knowledge page (tests.factories.publish_new: the bulk path unless
    `one_by_one`)."""
    m2m = {name: fields.pop(name) for name in M2M if name in fields}
    fields.setdefault("title", "Testsida")
    fields.setdefault("slug", f"kb-{next(_slugs)}")
    page = model(**fields)
    for name, values in m2m.items():
        setattr(page, name, list(values))
    page.attachments = [KnowledgeAttachment(document=doc) for doc in attachments]
    return publish_new(parent or home_page(), page, one_by_one)


def add_index(parent=None, **fields):
    fields.setdefault("title", "Kunskapsbanken")
    fields.setdefault("slug", f"kunskapsbanken-{next(_slugs)}")
    return publish_new(parent or home_page(), KnowledgeIndexPage(**fields))


def add_routine(index, owner=None, last_reviewed=datetime.date(2026, 6, 1), **fields):
    fields.setdefault("summary", "Så här gör vi.")
    return add_kb_page(
        index, RoutinePage, content_owner=owner, last_reviewed=last_reviewed, **fields
    )


def add_agreement(index, valid_from, valid_until, **fields):
    return add_kb_page(
        index, AgreementPage, valid_from=valid_from, valid_until=valid_until, **fields
    )


def add_guide(index, **fields):
    return add_kb_page(index, GuidePage, **fields)


def topic(name):
    return Topic.objects.get_or_create(name=name)[0]
