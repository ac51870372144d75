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
from tests.shared import LayerStack, is_transactional, layers_of, shared, uses_database

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


@shared
def world():
    """Built once per module (tests/shared.py); each test gets its own copy."""
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


@pytest.fixture(scope="module")
def _layer_stack(django_db_setup, django_db_blocker):
    with LayerStack.for_module(django_db_blocker) as stack:
        yield stack


@pytest.fixture
def _shared_layers(request):
    """Exactly the shared data the test asks for (tests/shared.py), then an empty cache,
    so that nothing cached from other data (an earlier test's rolled-back rows, or a layer
    built for other tests) is answered."""
    from django.core.cache import cache

    wanted = [] if is_transactional(request.node) else layers_of(request.node)
    if wanted:
        request.getfixturevalue("_layer_stack").ensure(wanted)
    elif LayerStack.current is not None:
        LayerStack.current.ensure([])
    cache.clear()


@pytest.fixture
def _django_db_helper(_shared_layers, _django_db_helper):
    """pytest-django's fixture behind `db`, `transactional_db` and the django_db marker
    (requested here by its own name, which gives the plugin's): the shared layers are
    put in place first, so that the test's own transaction opens on top of them."""
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (also those without a database)."""
    from django.core.cache import cache

    cache.clear()


@pytest.hookimpl(tryfirst=True)  # before -m selects on the markers
def pytest_collection_modifyitems(items):
    """A test that never opens the database cannot depend on its engine: it is marked
    `once` (CI runs it on the SQLite leg only). Within each module, tests that share the
    same shared fixtures run one after the other, so each layer is built as few times
    as possible (tests/shared.py)."""
    for item in items:
        if not uses_database(item):
            item.add_marker(pytest.mark.once)
    modules = {}
    for item in items:
        modules.setdefault(item.module, len(modules))
    items.sort(
        key=lambda item: (
            modules[item.module],
            [layer.order for layer in layers_of(item)],
        )
    )


_RUN_STARTED = time.time()


def pytest_terminal_summary(terminalreporter):
    # The leak crawl's table (tests/crawl), printed by the process that reports the run.
    from tests.crawl.report_file import print_reports

    print_reports(terminalreporter, since=_RUN_STARTED)
