"""Helpers for the apps' `register_personal_data` hooks (portal/accounts/views.py)."""

from django.utils.translation import gettext as _

from portal.access import access_for


def page_titles(user, page_ids):
    """{page id: title} for the pages the person may still open; others are named only as
    a page they can no longer open (their own data, but not a way to learn a title)."""
    from wagtail.models import Page

    access = access_for(user)
    pages = Page.objects.filter(pk__in=set(page_ids)).only("pk", "title", "path", "live")
    titles = {page.pk: page.title for page in pages if access.can_view_page(page)}
    hidden = _("A page you can no longer open")
    return {pk: titles.get(pk, hidden) for pk in page_ids}
