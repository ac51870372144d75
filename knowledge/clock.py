"""Today's date, in one place, so tests can fix it and the life cycle logic can take it as
an argument instead of reading the wall clock."""

import calendar
import datetime

from django.utils import timezone


def today():
    return timezone.localdate()


def add_months(date, months):
    """`date` moved `months` ahead, clamped to the end of shorter months (31 Jan + 1 = 28 Feb)."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)
