import datetime

from django.core.management.base import BaseCommand, CommandError

from knowledge import acknowledgements, clock


class Command(BaseCommand):
    help = (
        "Remind everyone who has not confirmed a knowledge page once its 'confirm by' date "
        "has passed. Sent once per page, due date and version, so it is safe to run daily."
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
        pages = people = 0
        for page in acknowledgements.overdue_pages(today):
            people += acknowledgements.send_reminders(page, overdue=True)
            pages += 1
        self.stdout.write(f"Reminded {people} reader(s) of {pages} page(s).")
