import datetime

from django.core.management.base import BaseCommand, CommandError

from news.testimonial_expiry import unpublish_expired_testimonials


class Command(BaseCommand):
    help = (
        "Unpublish every live testimonial whose consent has ended and e-mail its editors "
        "(through django-tasks). Run daily; running it again the same day does nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, today=None, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today).isoformat()
            except ValueError:
                raise CommandError("--today must be a date like 2026-11-25.") from None
        result = unpublish_expired_testimonials.enqueue(today)
        self.stdout.write(f"Enqueued the expiry of testimonials (task {result.id}).")
