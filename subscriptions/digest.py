"""Digest mails: a user's unmailed notifications, trimmed by the access module at sending
time, one mail per user and period (`DigestSent` is the lock)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.access import access_for
from subscriptions.models import DigestSent, Notification, Preference
from subscriptions.tokens import make_token


def period_key(frequency, day=None, batch=None):
    """2026-12-03 (daily), 2026-W49 (weekly) or the batch's last notification id."""
    if frequency == Preference.IMMEDIATELY:
        return f"batch-{batch}"
    day = day or timezone.localdate()
    if frequency == Preference.DAILY:
        return day.isoformat()
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def _with_frequency(frequency, prefix=""):
    condition = Q(**{f"{prefix}subscription_preference__frequency": frequency})
    if frequency == Preference.DEFAULT:
        condition |= Q(**{f"{prefix}subscription_preference__isnull": True})
    return condition


def users_due(frequency):
    """Ids of active users with this frequency and unmailed notifications, in one query."""
    rows = (
        Notification.objects.filter(mailed_at=None, user__is_active=True)
        .filter(_with_frequency(frequency, "user__"))
        .values_list("user_id", flat=True)
        .distinct()
    )
    return sorted(set(rows))


def _base_url():
    """The site's own address, as the pages' links in the mail have it (cached by Wagtail)."""
    from wagtail.models import Site

    paths = Site.get_site_root_paths()
    return (paths[0].root_url if paths else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def unsubscribe_url(user):
    return _base_url() + reverse("subscriptions_unsubscribe", args=[make_token(user)])


def _items(notifications):
    """One item per page (new before changed, newest first) with its change notes."""
    from knowledge.changes import notes_for

    notes = notes_for([n.revision_id for n in notifications])
    items = {}
    for notification in notifications:
        item = items.setdefault(
            notification.page_id,
            {"page": notification.page, "new": False, "notes": [], "date": None},
        )
        item["new"] = item["new"] or notification.kind == Notification.NEW
        item["date"] = max(filter(None, [item["date"], notification.created_at]))
        note = notes.get(notification.revision_id)
        if note and note not in item["notes"]:
            item["notes"].append(note)
    for item in items.values():
        item["url"] = item["page"].get_full_url()
    ordered = sorted(items.values(), key=lambda item: item["date"], reverse=True)
    return [i for i in ordered if i["new"]], [i for i in ordered if not i["new"]]


def build_message(user, notifications):
    new, changed = _items(notifications)
    url = unsubscribe_url(user)
    context = {
        "user": user,
        "new_items": new,
        "changed_items": changed,
        "unsubscribe_url": url,
        "settings_url": _base_url() + reverse("subscriptions_list"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("subscriptions/email/digest_subject.txt", context)
        body = render_to_string("subscriptions/email/digest_message.txt", context)
    return EmailMessage(
        " ".join(subject.split()),
        body,
        None,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_digest(user_id, frequency, key=None):
    """Send the user's digest for this period; True when a mail went out."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    preference = Preference.objects.filter(user=user).values_list("frequency", flat=True).first()
    if (preference or Preference.DEFAULT) != frequency:
        return False  # changed since the run was queued (e.g. unsubscribed)
    pending = list(
        Notification.objects.filter(user=user, mailed_at=None)
        .select_related("page")
        .order_by("created_at", "pk")
    )
    if not pending:
        return False
    access = access_for(user)
    # At sending time: a page the reader may no longer open is left out and never named.
    visible = [n for n in pending if access.can_view_page(n.page)]
    if key is None:
        key = period_key(frequency, batch=pending[-1].pk)
    with transaction.atomic():
        if visible:
            try:
                with transaction.atomic():
                    DigestSent.objects.create(user=user, period_key=key)
            except IntegrityError:
                return False  # this period's mail has gone out already
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(mailed_at=timezone.now())
        if visible:
            build_message(user, visible).send()
    return bool(visible)
