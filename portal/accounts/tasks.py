"""E-mail goes through django-tasks (immediate in dev/tests, the database queue in production)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_invitation_email(invitation_id, url, inviter=""):
    from portal.accounts.invitations import group_label
    from portal.models import Invitation

    invitation = Invitation.objects.select_related("group").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_pending:
        return
    context = {
        "invitation": invitation,
        "url": url,
        "inviter": inviter,
        "group_label": group_label(invitation.group),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("portal/account/email/invitation_subject.txt", context)
        body = render_to_string("portal/account/email/invitation_message.txt", context)
    send_mail(" ".join(subject.split()), body, None, [invitation.email])
