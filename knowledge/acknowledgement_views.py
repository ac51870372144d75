"""Confirming a page on the site, and the editors' "Vem har läst" view in the admin."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from knowledge import acknowledgements
from portal.access import access_for


def _knowledge_page(page_id):
    from knowledge.models import KnowledgePage

    # `id` rather than `pk`: a number too large for the column is "no such row", not a 500.
    page = KnowledgePage.objects.filter(id=page_id).first()
    if page is None:
        raise Http404
    return page


@require_POST
def acknowledge(request, page_id):
    """POST /bekrafta/<page id>/: the reader has read the current version."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page = _knowledge_page(page_id)
    # A page the reader may not read, or that does not ask them, is as good as missing.
    if not acknowledgements.is_asked(page, request.user):
        raise Http404
    acknowledgements.confirm(page, request.user)
    messages.success(request, _("Thank you. Your confirmation has been recorded."))
    return redirect(page.get_url(request) or "/")


# --- admin --------------------------------------------------------------------------------


def may_see_readers(user, page):
    """Only for people who may edit and view the page, and only when it asks someone."""
    if page is None or not getattr(page, "pk", None):
        return False
    access = access_for(user)
    if not access.may_use_admin:
        return False
    if not (access.is_portal_admin or (page.live and access.can_view_page(page))):
        return False
    return page.permissions_for_user(user).can_edit()


@require_http_methods(["GET", "POST"])
def readers(request, page_id):
    """Vem har läst: per group, how many have confirmed the current version out of how many,
    and the names of the editor's own municipalities' people who have not."""
    page = _knowledge_page(page_id)
    if not may_see_readers(request.user, page) or not acknowledgements.confirm_group_ids(page):
        raise Http404
    access = access_for(request.user)
    if request.method == "POST":
        if page.confirm_revision_id is None:
            messages.error(request, _("The page has not been published for confirmation yet."))
        elif not acknowledgements.may_remind_now(page):
            messages.error(
                request, _("A reminder has already been sent for this page in the last day.")
            )
        else:
            sent = acknowledgements.send_reminders(page, request)
            messages.success(
                request,
                _("Reminder sent to %(count)s people.") % {"count": sent}
                if sent
                else _("Everyone asked has already confirmed."),
            )
        return redirect(reverse("knowledge_readers", args=[page.pk]))

    counts = acknowledgements.group_counts(page) if page.confirm_revision_id else []
    names = (
        acknowledgements.unconfirmed_names_by_group(page, access)
        if page.confirm_revision_id
        else {}
    )
    rows = []
    for group, confirmed, total in counts:
        named = [user.get_full_name() or user.email for user in names.get(group.pk, [])]
        missing = total - confirmed
        # People outside the editor's municipalities are counted, never named.
        rows.append(
            {
                "group": group,
                "confirmed": confirmed,
                "total": total,
                "missing": missing,
                "names": named,
                "others": max(missing - len(named), 0),
            }
        )
    return TemplateResponse(
        request,
        "knowledge/admin/readers.html",
        {
            "page": page,
            "rows": rows,
            "may_remind": page.confirm_revision_id is not None
            and acknowledgements.may_remind_now(page),
            "page_title": _("Who has read it"),
            "header_icon": "user",
        },
    )
