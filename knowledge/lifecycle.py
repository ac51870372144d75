"""Review and validity status of knowledge pages, as pure functions of a date.

Every function takes `today` so the rules can be tested with fixed dates; the pages pass
`knowledge.clock.today()`.
"""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from knowledge.clock import add_months

DEFAULT_REVIEW_INTERVAL_MONTHS = 12
REVIEW_DUE_SOON_DAYS = 30
AGREEMENT_EXPIRING_DAYS = 90

# One vocabulary for the index filter, the badges and the content-health report.
CURRENT = "current"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
NOT_REVIEWED = "not_reviewed"
IN_FORCE = "in_force"
EXPIRING = "expiring"
EXPIRED = "expired"
NOT_STARTED = "not_started"

STATUS_LABELS = {
    CURRENT: _("Reviewed and current"),
    DUE_SOON: _("Review due soon"),
    OVERDUE: _("Review overdue"),
    NOT_REVIEWED: _("Never reviewed"),
    IN_FORCE: _("In force"),
    EXPIRING: _("Expiring within 90 days"),
    EXPIRED: pgettext_lazy("agreement status", "Expired"),
    NOT_STARTED: _("Not yet in force"),
}

# The index filter groups the statuses into what a reader asks: can I rely on this?
FILTER_CHOICES = [
    ("valid", _("Current / in force")),
    ("soon", _("Due for review or expiring soon")),
    ("outdated", _("Overdue or expired")),
]


def next_review_date(last_reviewed, interval_months):
    if last_reviewed is None:
        return None
    return add_months(last_reviewed, interval_months or DEFAULT_REVIEW_INTERVAL_MONTHS)


def review_status(next_review, today):
    if next_review is None:
        return NOT_REVIEWED
    if next_review < today:
        return OVERDUE
    if next_review <= today + datetime.timedelta(days=REVIEW_DUE_SOON_DAYS):
        return DUE_SOON
    return CURRENT


def agreement_status(valid_from, valid_until, today):
    if valid_from is not None and valid_from > today:
        return NOT_STARTED
    if valid_until is None:
        return IN_FORCE
    if valid_until < today:
        return EXPIRED
    if valid_until <= today + datetime.timedelta(days=AGREEMENT_EXPIRING_DAYS):
        return EXPIRING
    return IN_FORCE


def status_filter(value, today):
    """A Q for KnowledgePage querysets matching one of FILTER_CHOICES (None if unknown)."""
    soon_review = today + datetime.timedelta(days=REVIEW_DUE_SOON_DAYS)
    soon_end = today + datetime.timedelta(days=AGREEMENT_EXPIRING_DAYS)
    is_agreement = Q(agreementpage__isnull=False)
    if value == "outdated":
        return (~is_agreement & (Q(next_review__lt=today) | Q(next_review__isnull=True))) | (
            is_agreement & Q(agreementpage__valid_until__lt=today)
        )
    if value == "soon":
        return (~is_agreement & Q(next_review__gte=today, next_review__lte=soon_review)) | (
            is_agreement
            & Q(agreementpage__valid_until__gte=today)
            & Q(agreementpage__valid_until__lte=soon_end)
        )
    if value == "valid":
        return (~is_agreement & Q(next_review__gt=soon_review)) | (
            is_agreement
            & (Q(agreementpage__valid_from__isnull=True) | Q(agreementpage__valid_from__lte=today))
            & (
                Q(agreementpage__valid_until__isnull=True)
                | Q(agreementpage__valid_until__gt=soon_end)
            )
        )
    return None
