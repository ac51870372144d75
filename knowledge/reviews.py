"""Marking a page reviewed: records who and when, changes nothing else."""

from django.db import transaction
from wagtail.log_actions import log

from knowledge import clock, lifecycle
from portal import cache_version
from portal.access import access_for

MARK_REVIEWED_ACTION = "knowledge.mark_reviewed"


def is_knowledge_page(page):
    from knowledge.models import KnowledgePage

    specific_class = page.specific_class if hasattr(page, "specific_class") else type(page)
    return specific_class is not None and issubclass(specific_class, KnowledgePage)


def may_mark_reviewed(user, page):
    """Whoever may edit the page in the admin (the access module: inside the subtrees they
    hold page rights on) and publish it: marking reviewed changes the live page."""
    if page is None or not getattr(page, "pk", None) or not is_knowledge_page(page):
        return False
    access = access_for(user)
    if not access.may_use_admin or not (access.is_portal_admin or access.works_on_page(page)):
        return False
    # A page someone else has locked is theirs to change (its latest revision included);
    # the lock is on the row, so asking costs no query per page of the dashboard.
    if page.locked and page.locked_by_id != user.pk:
        return False
    return page.permissions_for_user(user).can_publish()


def mark_reviewed(page, user, today=None):
    """Set last reviewed = today (by `user`) on the live page and its latest draft, without
    creating new content: the review is logged in the page history instead."""
    from knowledge.models import KnowledgePage

    today = today or clock.today()
    next_review = lifecycle.next_review_date(today, page.review_interval_months)
    with transaction.atomic():
        KnowledgePage.objects.filter(pk=page.pk).update(
            last_reviewed=today, last_reviewed_by=user, next_review=next_review
        )
        # An update sends no signal: retire the cached page, its lists and statuses.
        cache_version.bump()
        # A pending draft must not undo the review when it is published later.
        revision = page.latest_revision
        if revision is not None:
            revision.content.update(
                {
                    "last_reviewed": today.isoformat(),
                    "last_reviewed_by": user.pk,
                    "next_review": next_review.isoformat(),
                }
            )
            revision.save(update_fields=["content"])
        log(instance=page, action=MARK_REVIEWED_ACTION, user=user)
    page.last_reviewed, page.last_reviewed_by, page.next_review = today, user, next_review
    return page
