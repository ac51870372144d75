"""Background work of the knowledge bank (django-tasks: immediate in dev and tests, the
database worker in production)."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_review_digest(recipient, subject, body):
    send_mail(subject, body, None, [recipient])
