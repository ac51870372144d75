"""Wagtail hooks for testimonial (access rules, admin)."""
