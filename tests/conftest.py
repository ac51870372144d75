import os
import time
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Collection, PageViewRestriction

from tests.factories import (
    MunicipalityFactory,
    PartnerOrganisationFactory,
    UserFactory,
    add_document,
    add_image,
    add_page,
    add_shared_space,
)

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the
# same test are still synchronous, so tell Django that is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class World:
    """The access matrix: users of every kind and content of every kind."""

    municipality_a: object
    municipality_b: object
    partner: object
    users: dict = field(default_factory=dict)
    content: dict = field(default_factory=dict)


@pytest.fixture
def world(db):
    kalmar = MunicipalityFactory(name="Kalmar kommun", code="0880", slug="kalmar")
    sodertalje = MunicipalityFactory(name="Södertälje kommun", code="0181", slug="sodertalje")
    lernia = PartnerOrganisationFactory(name="Lernia")

    public = add_page(None, title="Om portalen", slug="om-portalen")
    login_only = add_page(None, title="För inloggade", slug="for-inloggade")
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    section_a = kalmar.section_page.specific
    middle = add_page(section_a, title="HVB", slug="hvb")
    deep_a = add_page(middle, title="Rutin för inskrivning", slug="inskrivning")
    section_b = sodertalje.section_page.specific
    shared = add_shared_space([kalmar], [lernia], title="Samverkan Kalmar–Lernia", slug="yta")
    root_collection = Collection.get_first_root_node()

    content = {
        "public page": public,
        "login-only page": login_only,
        "A's section": section_a,
        "page deep under A": deep_a,
        "B's section": section_b,
        "shared space A + partner": shared,
        "A's document": add_document(kalmar.collection, "Kalmar-rutin.pdf"),
        "A's image": add_image(kalmar.collection, "kalmar-bild"),
        "public document": add_document(root_collection, "Allmant.pdf"),
    }
    users = {
        "anonymous": AnonymousUser(),
        "staff of A": UserFactory(email="staff.a@example.se", groups=[kalmar.members_group]),
        "staff of B": UserFactory(email="staff.b@example.se", groups=[sodertalje.members_group]),
        "editor of A": UserFactory(email="editor.a@example.se", groups=[kalmar.editors_group]),
        "partner user": UserFactory(email="partner@example.se", groups=[lernia.group]),
        "inactive user": UserFactory(
            email="inactive@example.se", is_active=False, groups=[kalmar.members_group]
        ),
        "superuser": UserFactory(email="admin@example.se", is_superuser=True, is_staff=True),
    }
    return World(kalmar, sodertalje, lernia, users=users, content=content)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rows from an earlier test's rolled-back
    transaction must not be answered from it."""
    from django.core.cache import cache

    cache.clear()
    yield


_RUN_STARTED = time.time()


def pytest_terminal_summary(terminalreporter):
    # The leak crawl's table (tests/crawl), printed by the process that reports the run.
    from tests.crawl.report_file import print_reports

    print_reports(terminalreporter, since=_RUN_STARTED)
