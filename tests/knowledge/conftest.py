import datetime

import pytest

from tests.knowledge.factories import add_index
from tests.shared import shared

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def fixed_today(monkeypatch):
    """Pin the knowledge bank's clock to 2026-11-25."""
    monkeypatch.setattr("knowledge.clock.today", lambda: TODAY)
    return TODAY


@shared
def banks(world):
    """The shared knowledge bank, Kalmar's and the shared space's."""
    return {
        "shared": add_index(None, title="Kunskapsbanken", slug="kunskapsbanken"),
        "A": add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb"),
        "B": add_index(world.content["B's section"], title="Södertäljes kunskapsbank", slug="kb"),
        "space": add_index(
            world.content["shared space A + partner"], title="Ytans kunskapsbank", slug="kb"
        ),
    }
