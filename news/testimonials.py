"""Röster: the consent rule, who sees which testimonial, and the selections the site shows.

A testimonial may be *published* only with a complete, current consent record (who gave
it, when, and until when); drafts may be saved without one. The rule is checked by the
admin form (errors on the consent fields), by `Testimonial.publish` (every other path:
a hand-made call, a revision published later, scheduled publishing) and, on the site, by
the queryset every listing starts from (`published_and_consented`), so a testimonial
whose consent has ended is never shown even before the daily job unpublishes it.
"""

import logging

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge import clock
from portal.access import access_for

logger = logging.getLogger(__name__)

HOME_COUNT = 3


# --- the consent rule ------------------------------------------------------------------


def consent_problems(
    consent_given_by, consent_date, consent_until, today, photo=None, photo_alt=""
):
    """{field name: message} of what keeps a testimonial with these values from being
    published on `today`; empty when it may be published."""
    problems = {}
    if not (consent_given_by or "").strip():
        problems["consent_given_by"] = _("Say who gave consent before publishing.")
    if consent_date is None:
        problems["consent_date"] = _("Enter the date consent was given before publishing.")
    elif consent_date > today:
        problems["consent_date"] = _("The consent date cannot be in the future.")
    if consent_until is None:
        problems["consent_until"] = _("Enter until when the consent is valid before publishing.")
    elif consent_until < today:
        problems["consent_until"] = _(
            "The consent has ended: it cannot be published. Record a new consent first."
        )
    elif consent_date is not None and consent_until <= consent_date:
        problems["consent_until"] = _("The consent must end after the day it was given.")
    if photo is not None and not (photo_alt or "").strip():
        problems["photo_alt"] = _("A photo needs an alternative text.")
    return problems


def publish_problems(testimonial, today=None):
    return consent_problems(
        testimonial.consent_given_by,
        testimonial.consent_date,
        testimonial.consent_until,
        today or clock.today(),
        photo=testimonial.photo_id,
        photo_alt=testimonial.photo_alt,
    )


def _publishing_day(candidate):
    """The day the revision goes live: today, or its scheduled day if later."""
    today = clock.today()
    go_live_at = getattr(candidate, "go_live_at", None)
    if go_live_at and go_live_at > timezone.now():
        return max(today, timezone.localdate(go_live_at))
    return today


def guard_publish(revision, log_action=True):
    """Called by `Testimonial.publish` before Wagtail publishes `revision`. Raises
    ValidationError when the revision's consent does not allow publishing; a scheduled
    publication (``publish_scheduled``) whose consent ended in the meantime is instead
    taken off the schedule and skipped, so the command goes on with the other objects.
    Returns True when publishing may go ahead."""
    candidate = revision.as_object()
    problems = publish_problems(candidate, _publishing_day(candidate))
    if not problems:
        return True
    if log_action == "wagtail.publish.scheduled":
        type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        logger.warning(
            "Testimonial pk=%s not published as scheduled: %s",
            candidate.pk,
            "; ".join(str(message) for message in problems.values()),
        )
        return False
    raise ValidationError({field: [message] for field, message in problems.items()})


# --- who sees what ----------------------------------------------------------------------


def consented_q(today):
    """Live with a complete consent record that covers `today`."""
    return (
        Q(live=True, consent_date__isnull=False, consent_date__lte=today)
        & Q(consent_until__gte=today, consent_until__gt=F("consent_date"))
        & ~Q(consent_given_by="")
    )


def testimonials_rule(access, queryset):
    """The access rule for `news.Testimonial` (registered in news/testimonial_hooks.py).

    Everyone, visitors too, sees live testimonials whose consent is current. In the admin
    (choosers, form choices) editors also see the drafts and expired ones of the
    municipalities they edit, and portal administrators everything. The site never shows
    those: it starts from `published_and_consented` and filters that through here. The
    admin's listing and views of one testimonial ask the stricter "may edit"
    (`TestimonialViewSet.get_queryset`)."""
    if access.is_portal_admin:
        return queryset
    shown = consented_q(clock.today())
    edited = [m.pk for m in access.edited_municipalities] if access.is_authenticated else []
    if edited:
        return queryset.filter(shown | Q(municipality_id__in=edited))
    return queryset.filter(shown)


def published_and_consented(today=None):
    """What the site may show anyone at all: live, consent complete and current."""
    from news.models import Testimonial

    return Testimonial.objects.filter(consented_q(today or clock.today()))


def visible_testimonials(user, today=None):
    """The testimonials the site shows `user`: published and consented, through the access
    module; photo and municipality read in the same query."""
    queryset = access_for(user).visible(published_and_consented(today))
    return queryset.select_related("photo", "municipality")


def home_selection(user, count=HOME_COUNT, today=None):
    """A few testimonials for the home page, the same all day and different the next: the
    window moves `count` places a day along the visible testimonials (in id order), so over
    the days every one of them is shown. Two queries (ids, then the chosen rows)."""
    today = today or clock.today()
    if count <= 0:
        return []
    visible = visible_testimonials(user, today)
    ids = list(visible.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return []
    if len(ids) > count:
        start = (today.toordinal() * count) % len(ids)
        ids = [ids[(start + offset) % len(ids)] for offset in range(count)]
    found = {testimonial.pk: testimonial for testimonial in visible.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]
