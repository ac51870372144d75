import datetime

from django.core.management.base import BaseCommand, CommandError

from knowledge import clock
from knowledge.reminders import send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mail each owner of a knowledge-bank page a digest of what is due for review or "
        "expiring. Sends at most one digest per owner and period, so it is safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=["month", "week"], default="month")
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, period, today=None, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError("--today must be a date like 2026-11-25.") from None
        else:
            today = clock.today()
        sent, skipped = send_review_reminders(today, period)
        self.stdout.write(f"Sent {sent} digest(s); {skipped} owner(s) already had this period's.")
