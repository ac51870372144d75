"""The audience indexed with each page and document (portal.access.audience_of) against
what the reader does not pass (Access.denied_audience) gives exactly the access module's
own answer: the Elasticsearch index stores no second rule."""

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from portal.access import access_for, audience_of, forget_access
from tests.factories import add_page

# The audience sent to Elasticsearch does not depend on the database engine.
pytestmark = pytest.mark.once


def _disagreements(world):
    """Every (user, item) where the two answers differ."""
    items = list(Page.objects.live()) + list(get_document_model().objects.all())
    wrong = []
    for name, user in world.users.items():
        access = access_for(user)
        for item in items:
            by_audience = not (set(audience_of(item)) & access.denied_audience)
            if by_audience != access.can_view(item):
                wrong.append(f"{name}: {item}")
    return wrong


def test_audience_agrees_with_the_access_module_for_every_reader_and_item(world):
    # A narrower record under A's section: A's editors only, not A's other staff.
    deep = world.content["page deep under A"]
    editors_only = add_page(deep, title="Endast redaktörer", slug="redaktorer")
    restriction = PageViewRestriction.objects.create(
        page=editors_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(world.municipality_a.editors_group)

    assert len(audience_of(editors_only)) == 2  # A's section and its own record
    assert _disagreements(world) == []

    # Leaving a group counts at the next search: nothing is indexed again for it.
    staff_a = world.users["staff of A"]
    assert access_for(staff_a).can_view(deep)
    staff_a.groups.remove(world.municipality_a.members_group)
    forget_access(staff_a)
    assert set(audience_of(deep)) & access_for(staff_a).denied_audience
    assert _disagreements(world) == []
