"""Background work of the goals app (django-tasks: immediate in dev and tests, the database
worker in production), as knowledge/tasks.py."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_goal_reminder(recipient, subject, body):
    send_mail(subject, body, None, [recipient])
