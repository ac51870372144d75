"""Wagtail hooks for page (access rules, admin)."""
