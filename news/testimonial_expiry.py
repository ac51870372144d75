"""Consent ends: the daily job (`manage.py unpublish_expired_testimonials`, through
django-tasks) unpublishes every live testimonial whose consent has ended, with Wagtail's
unpublish (so it is in the testimonial's history), and tells its editors by e-mail.
Running it again the same day finds nothing live to unpublish and sends nothing."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from knowledge import clock
from portal.access import PORTAL_ADMINS_GROUP

CONSENT_ENDED_ACTION = "news.testimonial.consent_ended"
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def expired(today):
    """Live testimonials whose consent ended before `today` (or was never recorded)."""
    from news.models import Testimonial

    return (
        Testimonial.objects.filter(live=True)
        .filter(Q(consent_until__lt=today) | Q(consent_until__isnull=True))
        .select_related("municipality__editors_group")
        .order_by("pk")
    )


def last_publishers(testimonials):
    """{testimonial pk: the user who last published it}, in one query."""
    from wagtail.models import ModelLogEntry

    from news.models import Testimonial

    if not testimonials:
        return {}
    content_type = ContentType.objects.get_for_model(Testimonial)
    entries = (
        ModelLogEntry.objects.filter(
            content_type=content_type,
            object_id__in=[str(t.pk) for t in testimonials],
            action__in=PUBLISH_ACTIONS,
            user__isnull=False,
        )
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    # Later entries overwrite earlier ones: the last publisher wins.
    return {int(entry.object_id): entry.user for entry in entries}


def recipients(testimonial, publisher=None):
    """Its municipality's editors, or the portal administrators when it has none, and
    whoever last published it: active users with an e-mail address, each once."""
    User = get_user_model()
    municipality = testimonial.municipality
    if municipality is not None and municipality.editors_group_id:
        people = User.objects.filter(groups=municipality.editors_group_id)
    else:
        people = User.objects.filter(Q(groups__name=PORTAL_ADMINS_GROUP) | Q(is_superuser=True))
    found = {user.email.lower(): user for user in people.filter(is_active=True).exclude(email="")}
    if publisher is not None and publisher.is_active and publisher.email:
        found.setdefault(publisher.email.lower(), publisher)
    return sorted(found.values(), key=lambda user: user.email.lower())


def _message(testimonial, today):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    edit_url = base + reverse("wagtailsnippets_news_testimonial:edit", args=[testimonial.pk])
    context = {
        "testimonial": testimonial,
        "name": testimonial.display_name,
        "municipality": testimonial.municipality.name if testimonial.municipality else "",
        "consent_until": testimonial.consent_until,
        "today": today,
        "edit_url": edit_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("news/email/testimonial_unpublished_subject.txt", context)
        body = render_to_string("news/email/testimonial_unpublished.txt", context)
    return " ".join(subject.split()), body


def unpublish_expired(today):
    """Unpublish what has expired and enqueue one mail per recipient; returns how many
    testimonials were unpublished."""
    testimonials = list(expired(today))
    publishers = last_publishers(testimonials)
    for testimonial in testimonials:
        testimonial.unpublish(log_action=CONSENT_ENDED_ACTION)
        subject, body = _message(testimonial, today)
        for user in recipients(testimonial, publishers.get(testimonial.pk)):
            send_testimonial_mail.enqueue(user.email, subject, body)
    return len(testimonials)


@task()
def send_testimonial_mail(recipient, subject, body):
    send_mail(subject, body, None, [recipient])


@task()
def unpublish_expired_testimonials(today=None):
    """The daily job; `today` as an ISO date (tasks take JSON arguments)."""
    day = datetime.date.fromisoformat(today) if today else clock.today()
    return unpublish_expired(day)
