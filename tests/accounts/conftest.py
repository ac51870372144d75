import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; every test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def with_mfa():
    """Give a user a (fake) TOTP authenticator so the MFA requirement is met."""

    def _add(user):
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
        return user

    return _add
