"""Template filters for the knowledge bank's editing links on the site."""

from django import template

register = template.Library()


@register.filter
def review_markable(page, user):
    """Whether the editor bar offers "Mark as reviewed" on `page` to `user`: the same
    question the view asks (knowledge.reviews.may_mark_reviewed), so the button is never
    one that answers 404."""
    from knowledge.reviews import may_mark_reviewed

    return bool(page is not None and page.live and may_mark_reviewed(user, page))
