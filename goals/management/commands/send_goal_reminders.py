"""`manage.py send_goal_reminders`: e-mail editors the values due and not entered."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from goals.reminders import send_goal_reminders
from knowledge import clock


class Command(BaseCommand):
    help = (
        "E-mail each editor the values of their municipalities that are due and not entered. "
        "Sends at most one reminder per editor and period, so it is safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, today=None, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError("--today must be a date like 2026-11-25.") from None
        else:
            today = clock.today()
        sent, skipped = send_goal_reminders(today)
        self.stdout.write(f"Sent {sent} reminder(s); {skipped} already sent for their period.")
