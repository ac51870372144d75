"""Review reminders: one e-mail digest per owner and period, however often the job runs."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from knowledge import lifecycle
from knowledge.tasks import send_review_digest
from portal.access import access_for


def period_key(today, period="month"):
    if period == "week":
        year, week, _weekday = today.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{today.year}-{today.month:02d}"


def due_items(today):
    """Live pages with an owner that are due: reviews within 30 days or overdue (or never
    reviewed), agreements ending within 90 days or already ended."""
    from knowledge.models import KnowledgePage

    review_horizon = today + datetime.timedelta(days=lifecycle.REVIEW_DUE_SOON_DAYS)
    end_horizon = today + datetime.timedelta(days=lifecycle.AGREEMENT_EXPIRING_DAYS)
    is_agreement = Q(agreementpage__isnull=False)
    due = (~is_agreement & (Q(next_review__lte=review_horizon) | Q(next_review__isnull=True))) | (
        is_agreement & Q(agreementpage__valid_until__lte=end_horizon)
    )
    return (
        KnowledgePage.objects.live()
        .filter(due, content_owner__isnull=False, content_owner__is_active=True)
        .select_related("content_owner", "agreementpage")
        .order_by("next_review", "title")
    )


def _describe(page, today):
    agreement = getattr(page, "agreementpage", None) if _has_agreement(page) else None
    if agreement is not None:
        status = lifecycle.agreement_status(agreement.valid_from, agreement.valid_until, today)
        date = agreement.valid_until
    else:
        status = lifecycle.review_status(page.next_review, today)
        date = page.next_review
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return {
        "title": page.title,
        "status": lifecycle.STATUS_LABELS[status],
        "date": date,
        "edit_url": base + reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }


def _has_agreement(page):
    try:
        return page.agreementpage is not None
    except Exception:  # noqa: BLE001 - RelatedObjectDoesNotExist for non-agreements
        return False


def send_review_reminders(today, period="month"):
    """Send each owner one digest for `period`; returns (sent, skipped_already_sent)."""
    from knowledge.models import ReviewReminder

    key = period_key(today, period)
    by_owner = defaultdict(list)
    for page in due_items(today):
        # An owner who may no longer read the page (moved, left the group) is not told
        # its title; the content-health report shows it to the editors instead.
        if access_for(page.content_owner).can_view_page(page):
            by_owner[page.content_owner].append(page)
    sent = skipped = 0
    for owner, pages in by_owner.items():
        if not owner.email:
            continue
        try:
            with transaction.atomic():
                # The row is the lock: a second run in the same period cannot create it again.
                ReviewReminder.objects.create(owner=owner, period=key, item_count=len(pages))
                with translation.override(settings.LANGUAGE_CODE):
                    context = {
                        "owner": owner,
                        "items": [_describe(page, today) for page in pages],
                        "today": today,
                    }
                    subject = render_to_string(
                        "knowledge/email/review_reminder_subject.txt", context
                    ).strip()
                    body = render_to_string("knowledge/email/review_reminder.txt", context)
                send_review_digest.enqueue(owner.email, subject, body)
        except IntegrityError:
            skipped += 1
            continue
        sent += 1
    return sent, skipped
