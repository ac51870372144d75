"""Audit entries for log ins and group changes, wherever they come from (admin, shell, code)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from portal.accounts import audit


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    audit.log_user_event("portal.login", user, data={"ip": audit.client_ip(request)})


def _log_group_change(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    user_model = get_user_model()
    if action == "pre_clear":
        # `clear()` sends no pk_set; read what is about to go.
        if reverse:
            pk_set = set(instance.user_set.values_list("pk", flat=True))
        else:
            pk_set = set(instance.groups.values_list("pk", flat=True))
    if not pk_set:
        return
    change = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set.add(users)
        pairs = [(user, instance) for user in user_model.objects.filter(pk__in=pk_set)]
    else:  # user.groups.add(groups)
        pairs = [(instance, group) for group in Group.objects.filter(pk__in=pk_set)]
    for user, group in pairs:
        audit.log_group_change(user, group, change)


def connect():
    m2m_changed.connect(
        _log_group_change,
        sender=get_user_model().groups.through,
        dispatch_uid="portal.audit.groups",
    )
