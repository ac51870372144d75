"""Registered from goals/wagtail_hooks.py; filled in by its own change."""
