import datetime

from django.core.management.base import BaseCommand, CommandError

from subscriptions.digest import period_key, users_due
from subscriptions.models import Preference
from subscriptions.tasks import send_digest_task


class Command(BaseCommand):
    help = "Queue one digest mail per user with the given frequency and unmailed notifications."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            required=True,
            choices=[Preference.IMMEDIATELY, Preference.DAILY, Preference.WEEKLY],
        )
        parser.add_argument("--date", help="the period's day, YYYY-MM-DD (default: today)")

    def handle(self, *args, frequency, date=None, **options):
        day = None
        if date:
            try:
                day = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"--date: {error}") from error
        key = "" if frequency == Preference.IMMEDIATELY else period_key(frequency, day)
        users = users_due(frequency)
        for user_id in users:
            send_digest_task.enqueue(user_id, frequency, key)
        self.stdout.write(f"{len(users)} digest(s) queued ({frequency} {key})".rstrip())
