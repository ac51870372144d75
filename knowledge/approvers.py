"""The shared knowledge bank's approvers: a provisioned group with rights on the shared bank
only (not the whole tree, as Wagtail's default "Moderators" had). The demo's approval
workflow for the shared bank uses this group."""

SHARED_BANK_APPROVERS_GROUP = "Granskare – gemensam kunskapsbank"
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def provision_shared_bank_approvers(index_page):
    from django.contrib.auth.models import Group

    from portal.provisioning import grant_permissions

    group, _created = Group.objects.get_or_create(name=SHARED_BANK_APPROVERS_GROUP)
    grant_permissions(group, index_page, APPROVER_PAGE_PERMISSIONS, None, [])
    return group


def shared_bank_approvers():
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=SHARED_BANK_APPROVERS_GROUP).first()
