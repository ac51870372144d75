"""Test data built once per test module instead of once per test.

A fixture decorated with `@shared` (the access matrix's `world`, the knowledge banks, the
directory, a module's news posts ...) is built the first time a test of the module asks for
it, inside a savepoint that stays open while the module's tests run; each test then runs
in its own savepoint on top (pytest-django's `db`), so whatever a test writes is rolled
back at its end and the next test finds the data as it was built. Each test gets a deep
copy of the built Python objects (as Django's `setUpTestData` does), so changing an
object in memory does not leak either.

Every test sees exactly the shared data it asks for, whatever ran before it on its
worker: the savepoints form a stack in dependency order, and before each test the stack
is cut back to what the test and its fixtures name and the rest built on top
(`_shared_layers` in tests/conftest.py). Tests that run outside a transaction (browser
journeys on the live server) build the data for themselves, as before.

A builder may name other shared fixtures (as `banks(world)` does) and nothing else; it
must leave nothing behind that a rollback does not undo except files in MEDIA_ROOT.
"""

import contextlib
import copy
import inspect
import itertools

import pytest
from django.db import connection, transaction
from pytest_django.fixtures import validate_django_db

from knowledge.bulk import indexed_once

_order = itertools.count()


class Layer:
    def __init__(self, build):
        self.name = build.__name__
        self.build = build
        self.deps = list(inspect.signature(build).parameters)
        self.order = next(_order)

    def __repr__(self):
        return f"<shared {self.name} from {self.build.__module__}>"


def shared(build):
    """Make `build` a function-scoped fixture of the same name whose data is built once
    per module (see the module's docstring)."""
    layer = Layer(build)

    def fixture(request, db, **deps):
        return _value(request, layer)

    # The fixture asks for the database (pytest-django sets up test databases for the
    # tests that do) and for its builder's dependencies, so that they are part of every
    # test's fixture closure and the test's layers can be read off it.
    fixture.__signature__ = inspect.Signature(
        [
            inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD)
            for name in ["request", "db", *layer.deps]
        ]
    )
    fixture.shared_layer = layer
    fixture.__name__ = layer.name
    fixture.__doc__ = build.__doc__
    return pytest.fixture(name=layer.name)(fixture)


# What makes pytest-django run a test outside a transaction, and what gives it a database.
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}
DATABASE_FIXTURES = {"db", *TRANSACTIONAL_FIXTURES}


def is_transactional(item):
    if TRANSACTIONAL_FIXTURES & set(item.fixturenames):
        return True
    marker = item.get_closest_marker("django_db")
    # pytest-django's own reading of the marker: (transaction, reset_sequences, ...).
    return marker is not None and validate_django_db(marker)[0]


def uses_database(item):
    return bool(DATABASE_FIXTURES & set(item.fixturenames) or item.get_closest_marker("django_db"))


def layers_of(item):
    """The shared layers the test `item` uses, in dependency order."""
    found = set()
    for defs in item._fixtureinfo.name2fixturedefs.values():
        layer = getattr(defs[-1].func, "shared_layer", None)
        if layer is not None:
            found.add(layer)
    return sorted(found, key=lambda layer: layer.order)


class LayerStack:
    """The shared layers built for the current module, each in its own savepoint."""

    current = None  # the stack of the module whose tests run now, on this worker

    def __init__(self, blocker):
        self.blocker = blocker
        self.built = []  # (layer, atomic), bottom first
        self.values = {}  # layer -> what its builder returned

    @classmethod
    @contextlib.contextmanager
    def for_module(cls, blocker):
        stack = cls.current = cls(blocker)
        try:
            yield stack
        finally:
            stack.pop_to(0)
            cls.current = None

    def has(self, layer):
        return layer in self.values

    def value(self, layer):
        return self.values[layer]

    def ensure(self, wanted):
        keep = 0
        while keep < len(self.built) and keep < len(wanted) and self.built[keep][0] is wanted[keep]:
            keep += 1
        if (len(self.built) > keep or len(wanted) > keep) and self._test_atomic_is_open():
            raise RuntimeError(
                "A test's own transaction was opened before its shared fixtures were built: "
                "the _django_db_helper override in tests/conftest.py must run first."
            )
        with self.blocker.unblock():
            self.pop_to(keep)
            for layer in wanted[keep:]:
                self._push(layer)

    def pop_to(self, depth):
        if len(self.built) <= depth:
            return
        with self.blocker.unblock():
            while len(self.built) > depth:
                layer, atomic = self.built.pop()
                del self.values[layer]
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    def _push(self, layer):
        atomic = transaction.atomic()
        # As Django's TestCase marks its own: code under test may open durable blocks.
        atomic._from_testcase = True
        atomic.__enter__()
        try:
            # Search and reference indexing once per saved object, at the end of the build.
            with indexed_once():
                value = layer.build(**{name: self._dependency(layer, name) for name in layer.deps})
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
        self.built.append((layer, atomic))
        self.values[layer] = value

    def _dependency(self, layer, name):
        for built_layer, value in self.values.items():
            if built_layer.name == name:
                return value
        raise LookupError(f"{layer!r} depends on {name!r}, which is not a shared fixture")

    def _test_atomic_is_open(self):
        return len(connection.atomic_blocks) > len(self.built)


def _value(request, layer):
    stack = LayerStack.current
    if is_transactional(request.node) or stack is None or not stack.has(layer):
        # Outside a transaction nothing can be rolled back, and a fixture asked for with
        # request.getfixturevalue() comes after the test's transaction has opened: build
        # it for this test alone, in its own transaction when there is one.
        deps = {name: request.getfixturevalue(name) for name in layer.deps}
        return layer.build(**deps)
    memo = request.node.__dict__.setdefault("_shared_copies", {})
    return copy.deepcopy(stack.value(layer), memo)
