"""Values due and not entered: the reminders e-mailed to editors and the dashboard panel.

A period's values are due `goal.days_to_report` days after the period ends. A period is
reminded of once it has ended, until a year after its end (older gaps are for the goal's
page, not for mail). Kolada's and computed indicators take no entries, so they are never
missing. A fixed number of queries for any number of goals, indicators and values."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from goals import periods
from portal.access import access_for

# How long after its end a period is still reminded of.
REMIND_FOR = datetime.timedelta(days=365)


@dataclass
class Missing:
    """One value a reporting municipality has not entered."""

    goal: object
    indicator: object
    municipality: object
    period: str
    due: datetime.date

    @property
    def period_label(self):
        return periods.label(self.period)


def grid_path(goal):
    """The admin grid where the goal's values are entered (goals/entry_hooks.py)."""
    return f"{reverse('wagtailadmin_home')}mal/{goal.pk}/varden/"


def grid_url(goal):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + grid_path(goal)


def _open_periods(goal, today):
    """{period: due date} of the goal's periods that have ended, within REMIND_FOR."""
    found = {}
    for period in goal.periods:
        end = periods.end_of(period)
        if end < today and end >= today - REMIND_FOR:
            found[period] = end + datetime.timedelta(days=goal.days_to_report)
    return found


def missing_values(today, goals=None, municipality_ids=None):
    """[Missing] for the live goals (or the given queryset of goals), by due date; only
    for `municipality_ids` when given."""
    from goals.figures import reporting_municipalities
    from goals.models import GoalPage, Indicator, Value

    goals = GoalPage.objects.live() if goals is None else goals
    goals = list(goals.order_by("pk"))
    open_periods = {goal.pk: _open_periods(goal, today) for goal in goals}
    goals = [goal for goal in goals if open_periods[goal.pk]]
    if not goals:
        return []
    municipalities = reporting_municipalities(goals)
    if municipality_ids is not None:
        wanted = set(municipality_ids)
        municipalities = {
            pk: [m for m in found if m.pk in wanted] for pk, found in municipalities.items()
        }
    indicators = defaultdict(list)
    for indicator in (
        Indicator.objects.filter(goal__in=[g.pk for g in goals])
        .exclude(source__in=[Indicator.COMPUTED, Indicator.KOLADA])
        .order_by("goal_id", "sort_order", "pk")
    ):
        if indicator.takes_entries:
            indicators[indicator.goal_id].append(indicator)
    all_periods = {p for found in open_periods.values() for p in found}
    entered = set(
        Value.objects.filter(
            indicator__in=[i.pk for found in indicators.values() for i in found],
            municipality__in={m.pk for found in municipalities.values() for m in found},
            period__in=all_periods,
        ).values_list("indicator_id", "municipality_id", "period")
    )
    result = []
    for goal in goals:
        for period, due in open_periods[goal.pk].items():
            for indicator in indicators[goal.pk]:
                for municipality in municipalities[goal.pk]:
                    if (indicator.pk, municipality.pk, period) not in entered:
                        result.append(Missing(goal, indicator, municipality, period, due))
    result.sort(key=lambda m: (m.due, m.goal.title, m.goal.pk, m.period))
    return result


@dataclass
class DueLine:
    """The dashboard's line: one goal and period, with what is missing."""

    goal: object
    period: str
    due: datetime.date
    count: int
    municipality_names: list
    url: str
    overdue: bool = False

    @property
    def period_label(self):
        return periods.label(self.period)


def due_lines(missing, today, limit=10):
    """`missing` grouped by goal and period, in due-date order, at most `limit` lines."""
    grouped = {}
    for item in missing:
        key = (item.goal.pk, item.period)
        if key not in grouped:
            grouped[key] = DueLine(
                item.goal, item.period, item.due, 0, [], grid_path(item.goal), item.due < today
            )
        line = grouped[key]
        line.count += 1
        if item.municipality.name not in line.municipality_names:
            line.municipality_names.append(item.municipality.name)
    lines = list(grouped.values())
    return lines[:limit], len(lines)


def _editors_of(municipalities):
    """{municipality pk: [user]}: active editors with an e-mail address."""
    from django.contrib.auth import get_user_model

    by_group = {m.editors_group_id: m.pk for m in municipalities if m.editors_group_id}
    links = (
        get_user_model()
        .groups.through.objects.filter(group_id__in=list(by_group))
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    )
    editors = defaultdict(list)
    users = {}
    for link in links:
        # One object per user, so its access answers are asked once.
        user = users.setdefault(link.user_id, link.user)
        editors[by_group[link.group_id]].append(user)
    return editors


def send_goal_reminders(today):
    """E-mail each editor one reminder per period key of the values of their
    municipalities that are missing; returns (sent, skipped because already sent)."""
    from goals.models import GoalReminder
    from goals.tasks import send_goal_reminder

    missing = missing_values(today)
    municipalities = {item.municipality.pk: item.municipality for item in missing}
    editors = _editors_of(municipalities.values())
    by_user_period = defaultdict(list)
    users = {}
    for item in missing:
        for user in editors.get(item.municipality.pk, []):
            # An editor who may not read the goal is not told its title.
            if access_for(user).can_view_page(item.goal):
                users[user.pk] = user
                by_user_period[(user.pk, item.period)].append(item)
    sent = skipped = 0
    for (user_pk, period), items in sorted(by_user_period.items()):
        user = users[user_pk]
        try:
            with transaction.atomic():
                GoalReminder.objects.create(user=user, period_key=period, item_count=len(items))
                subject, body = _message(user, period, items, today)
                send_goal_reminder.enqueue(user.email, subject, body)
        except IntegrityError:
            skipped += 1
            continue
        sent += 1
    return sent, skipped


def _message(user, period, items, today):
    goals = {}
    for item in items:
        goals.setdefault(item.goal.pk, {"goal": item.goal, "url": grid_url(item.goal), "rows": []})
        goals[item.goal.pk]["rows"].append(item)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "period_label": periods.label(period),
            "period": period,
            "goals": list(goals.values()),
            "count": len(items),
            "today": today,
        }
        subject = render_to_string("goals/email/values_due_subject.txt", context).strip()
        body = render_to_string("goals/email/values_due.txt", context)
    return subject, body
