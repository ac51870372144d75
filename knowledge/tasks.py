"""Background work of the knowledge bank (django-tasks: immediate in dev and tests, the
database worker in production)."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_review_digest(recipient, subject, body):
    send_mail(subject, body, None, [recipient])


@task()
def send_acknowledgement_reminders(messages):
    """[[recipient, subject, body], ...]: one mail each, over one connection."""
    from django.core.mail import EmailMessage, get_connection

    connection = get_connection()
    connection.send_messages(
        [EmailMessage(subject, body, None, [recipient]) for recipient, subject, body in messages]
    )
