from tests.partners.fixtures import directory  # noqa: F401
