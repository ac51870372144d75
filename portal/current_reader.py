"""Who is reading: the user a piece of content is being rendered for.

Rich text is expanded by Wagtail without a request (`RichText.__html__`, the `|richtext`
filter), yet its links must follow the access rule like everything else. The middleware
keeps the request's user in a context variable for the length of the request; code that
renders without one (e-mails, tasks, the shell) reads as an anonymous visitor.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import AnonymousUser


class Reading:
    """One reader and what has been looked up for them (kept for one request only)."""

    def __init__(self, user=None):
        self.user = user if user is not None else AnonymousUser()
        self.page = None  # the page being served, when there is one
        self.found = {}  # (kind, id) -> object or None, e.g. ("page", "12")


_reading = ContextVar("portal_reading", default=None)


def current_reading():
    """The current `Reading`; outside a request a fresh one for an anonymous visitor."""
    reading = _reading.get()
    return reading if reading is not None else Reading()


def current_reader():
    return current_reading().user


@contextmanager
def reading_as(user):
    """Render as `user` for the duration of the block (middleware, tasks, tests)."""
    token = _reading.set(Reading(user))
    try:
        yield _reading.get()
    finally:
        _reading.reset(token)


class CurrentReaderMiddleware:
    """Directly after AuthenticationMiddleware: `request.user` is the reader."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # TemplateResponses are rendered inside get_response, so still inside the block.
        with reading_as(request.user):
            return self.get_response(request)
