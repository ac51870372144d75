"""Wagtail hooks for film (access rules, admin)."""
