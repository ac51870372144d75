import pytest
from django.core import mail
from django.core.management import call_command

from portal.models import Invitation


@pytest.mark.django_db
def test_demo_seeds_one_pending_invitation_once():
    call_command("seed_demo")
    call_command("seed_demo")
    invitation = Invitation.objects.get()
    assert invitation.is_pending
    assert invitation.group.name == "Partner – Integra"
    assert mail.outbox == []
