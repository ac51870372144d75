"""Digest mails through django-tasks (immediate in dev and tests, the database worker in
production)."""

from django_tasks import task


@task()
def send_digest_task(user_id, frequency, period_key=""):
    from subscriptions.digest import send_digest

    send_digest(user_id, frequency, period_key or None)
