"""Read and acknowledge: who must confirm a routine, agreement or guide, who has, reminders.

A knowledge page names `confirm_groups` and a due date `confirm_by`; `confirm_revision`
is the version readers confirm. Publishing moves it on only when there is none yet or
the published revision's change is marked significant (`PageChange.significant`), so a
minor edit keeps earlier confirmations valid.

Whoever is asked must also be allowed to read the page: every list, count and mail here
goes through the same privacy records as `portal.access` (`portal.access.page_readers_q`
is the access rule written as one condition on users, so counting readers costs no query
per reader).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count, Exists, OuterRef, Q
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from knowledge import changes
from portal import cache_version
from portal.access import PORTAL_ADMINS_GROUP, access_for, page_audience_group_ids, page_readers_q

REMINDER_INTERVAL = datetime.timedelta(days=1)


def _memberships():
    return get_user_model().groups.through.objects


def confirm_group_ids(page):
    from knowledge.models import KnowledgePage

    through = KnowledgePage.confirm_groups.through.objects
    return set(through.filter(knowledgepage_id=page.pk).values_list("group_id", flat=True))


# --- who may read a page, as groups and as users -----------------------------------------


def asked_readers(page, group_ids=None):
    """Users in the page's confirm groups who may read it."""
    group_ids = confirm_group_ids(page) if group_ids is None else group_ids
    in_groups = _memberships().filter(group_id__in=group_ids).values("user_id")
    return get_user_model().objects.filter(page_readers_q(page), pk__in=in_groups)


def _path_of_form_page(form):
    page = form.instance
    if page.pk and page.path:
        return page.path
    parent = getattr(form, "parent_page", None)
    # A new page lives under its parent: the parent's restrictions are the ones that count.
    return parent.path if parent is not None else ""


def narrow_confirm_groups(form):
    """Offer the groups that may read the page (its section's or shared space's audience,
    partner organisations included) and the editor's own, plus what the page holds."""
    field = form.fields["confirm_groups"]
    access = access_for(form.for_user)
    if access.is_portal_admin:
        return
    audience = page_audience_group_ids(_path_of_form_page(form))
    offered = set(access.group_ids)
    if audience is None:
        for municipality in access.municipalities:
            offered.update(group.pk for group in municipality.groups)
    else:
        offered |= audience
    held = [g.pk for g in form.initial.get("confirm_groups") or [] if hasattr(g, "pk")]
    offered.update(held)
    field.queryset = (
        Group.objects.filter(pk__in=offered).exclude(name=PORTAL_ADMINS_GROUP).order_by("name")
    )


def groups_that_cannot_read(form, groups):
    audience = page_audience_group_ids(_path_of_form_page(form))
    if audience is None:
        return []
    return [group for group in groups if group.pk not in audience]


# --- publishing ---------------------------------------------------------------------------


@receiver(page_published, dispatch_uid="kb-acknowledge-version")
def on_page_published(sender, instance, revision, **kwargs):
    from knowledge.models import KnowledgePage

    if not isinstance(instance, KnowledgePage) or revision is None:
        return
    if not confirm_group_ids(instance):
        return
    current = instance.confirm_revision
    if (
        current is None
        or current.object_id != str(instance.pk)  # a copy's, or an alias's, not its own
        or changes.significant_since(instance.pk, current.pk)
    ):
        KnowledgePage.objects.filter(pk=instance.pk).update(confirm_revision=revision)
        instance.confirm_revision_id = revision.pk
        # After the page's own save bumped it: a view in between kept the old version.
        cache_version.bump()


# --- readers ------------------------------------------------------------------------------


def is_asked(page, user):
    """True when the page asks this user to read and confirm it (and they may read it)."""
    if page.confirm_revision_id is None:
        return False
    access = access_for(user)
    if not access.is_authenticated or not access.can_view_page(page):
        return False
    return bool(access.group_ids & confirm_group_ids(page))


def acknowledgement_of(page, user):
    from knowledge.models import Acknowledgement

    if page.confirm_revision_id is None or not getattr(user, "is_authenticated", False):
        return None
    return Acknowledgement.objects.filter(
        user=user, page_id=page.pk, revision_id=page.confirm_revision_id
    ).first()


def confirm(page, user):
    """Record that `user` has read the current version; confirming twice keeps the first."""
    from knowledge.models import Acknowledgement

    acknowledgement, _created = Acknowledgement.objects.get_or_create(
        user=user, page_id=page.pk, revision_id=page.confirm_revision_id
    )
    return acknowledgement


def call_for(page, user):
    """What the page shows the reader: None, or whether and when they confirmed."""
    if not is_asked(page, user):
        return None
    acknowledgement = acknowledgement_of(page, user)
    return {
        "confirm_by": page.confirm_by,
        "acknowledged_at": acknowledgement.acknowledged_at if acknowledgement else None,
    }


def to_read(user, today=None):
    """Knowledge pages asking the user to confirm that they have not, that they may read;
    a fixed number of queries however many pages or readers there are."""
    from knowledge.models import Acknowledgement, KnowledgePage

    access = access_for(user)
    if not access.is_authenticated or not access.group_ids:
        return KnowledgePage.objects.none()
    confirmed = Acknowledgement.objects.filter(
        user=user, page=OuterRef("pk"), revision=OuterRef("confirm_revision")
    )
    asked = KnowledgePage.objects.filter(
        live=True,
        confirm_revision__isnull=False,
        pk__in=KnowledgePage.confirm_groups.through.objects.filter(
            group_id__in=access.group_ids
        ).values("knowledgepage_id"),
    ).exclude(Exists(confirmed))
    return access.visible_pages(asked).order_by("confirm_by", "title", "pk")


# --- editors: who has read it -----------------------------------------------------------


def unconfirmed(page):
    """Readers asked to confirm the current version who have not."""
    from knowledge.models import Acknowledgement

    done = Acknowledgement.objects.filter(page_id=page.pk, revision_id=page.confirm_revision_id)
    return asked_readers(page).exclude(pk__in=done.values("user_id"))


def group_counts(page):
    """[(group, confirmed, total)] per confirm group: two queries."""
    from knowledge.models import Acknowledgement

    group_ids = confirm_group_ids(page)
    readers = get_user_model().objects.filter(page_readers_q(page)).values("pk")
    done = Acknowledgement.objects.filter(
        page_id=page.pk, revision_id=page.confirm_revision_id
    ).values("user_id")
    rows = (
        _memberships()
        .filter(group_id__in=group_ids, user_id__in=readers)
        .values("group_id")
        .annotate(
            total=Count("user_id", distinct=True),
            confirmed=Count("user_id", filter=Q(user_id__in=done), distinct=True),
        )
    )
    counts = {row["group_id"]: (row["confirmed"], row["total"]) for row in rows}
    groups = Group.objects.filter(pk__in=group_ids).order_by("name")
    return [(group, *counts.get(group.pk, (0, 0))) for group in groups]


def unconfirmed_names_by_group(page, access):
    """{group id: [user]} of readers who have not confirmed, only people of the editor's
    own municipalities (members and editors groups); everyone for portal administrators."""
    people = unconfirmed(page)
    if not access.is_portal_admin:
        own_groups = [g.pk for m in access.edited_municipalities for g in m.groups]
        people = people.filter(
            pk__in=_memberships().filter(group_id__in=own_groups).values("user_id")
        )
    rows = (
        _memberships()
        .filter(group_id__in=confirm_group_ids(page), user_id__in=people.values("pk"))
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__email")
    )
    names = {}
    for row in rows:
        names.setdefault(row.group_id, []).append(row.user)
    return names


# --- reminders ----------------------------------------------------------------------------


def _state(page):
    from knowledge.models import AcknowledgementReminderState

    return AcknowledgementReminderState.objects.get_or_create(page_id=page.pk)[0]


def may_remind_now(page, now=None):
    from knowledge.models import AcknowledgementReminderState

    now = now or timezone.now()
    last = (
        AcknowledgementReminderState.objects.filter(page_id=page.pk)
        .values_list("last_reminded_at", flat=True)
        .first()
    )
    return last is None or now - last >= REMINDER_INTERVAL


def send_reminders(page, request=None, overdue=False):
    """Mail everyone asked who has not confirmed and may read the page (one task for all);
    returns how many were reminded."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.utils import translation
    from django.utils.translation import gettext

    from knowledge.tasks import send_acknowledgement_reminders

    recipients = list(unconfirmed(page).exclude(email="").order_by("pk"))
    state = _state(page)
    state.last_reminded_at = timezone.now()
    if overdue:
        state.overdue_sent_for_date = page.confirm_by
        state.overdue_sent_for_revision_id = page.confirm_revision_id
    state.save()
    if not recipients:
        return 0
    url = page.get_full_url(request) or ""
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Please read and confirm: %(title)s") % {"title": page.title}
        for user in recipients:
            body = render_to_string(
                "knowledge/email/acknowledge_reminder.txt",
                {
                    "user": user,
                    "name": user.get_full_name() or user.email,
                    "page": page,
                    "url": url,
                    "overdue": overdue,
                },
            )
            messages.append([user.email, subject, body])
    send_acknowledgement_reminders.enqueue(messages)
    return len(recipients)


def overdue_pages(today):
    """Live pages whose due date has passed and whose automatic reminder for this due date
    and version has not been sent."""
    from knowledge.models import AcknowledgementReminderState, KnowledgePage

    sent = AcknowledgementReminderState.objects.filter(
        page=OuterRef("pk"),
        overdue_sent_for_date=OuterRef("confirm_by"),
        overdue_sent_for_revision=OuterRef("confirm_revision"),
    )
    return (
        KnowledgePage.objects.filter(
            live=True, confirm_revision__isnull=False, confirm_by__lt=today
        )
        .exclude(Exists(sent))
        .order_by("pk")
    )


def purge(now=None, days=None):
    """Delete confirmations older than the retention time (by age alone, also those of the
    current version: after that time the record is no longer kept)."""
    from django.conf import settings

    from knowledge.models import Acknowledgement

    now = now or timezone.now()
    days = settings.KNOWLEDGE_ACKNOWLEDGEMENT_RETENTION_DAYS if days is None else days
    deleted, _rows = Acknowledgement.objects.filter(
        acknowledged_at__lt=now - datetime.timedelta(days=days)
    ).delete()
    return deleted
