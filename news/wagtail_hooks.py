"""The news app's admin and access hooks, one module per part (Wagtail discovers only
this file)."""

from news import feed_hooks, film_hooks, page_hooks, testimonial_hooks  # noqa: F401
