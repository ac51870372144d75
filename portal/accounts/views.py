"""Public account pages: accepting an invitation, "My account", the GDPR data page and file."""

import json
from urllib.parse import urlencode

from allauth.account.internal.flows.login import record_authentication
from allauth.account.utils import perform_login
from allauth.core import ratelimit
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods
from wagtail.models import ModelLogEntry, PageLogEntry

from portal.access import access_for
from portal.accounts import invitations
from portal.accounts.forms import NameForm, NewAccountForm
from portal.models import Invitation

ACCEPT_TEMPLATE = "portal/account/invitation_accept.html"


def _invalid(request, error):
    return render(
        request,
        "portal/account/invitation_invalid.html",
        {"reason": error.reason, "message": error.message},
        status=410 if error.reason in {"expired", "used", "revoked"} else 404,
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    if request.method == "POST":
        response = ratelimit.consume_or_429(request, action="invitation_accept")
        if response:
            return response
    try:
        invitation = invitations.invitation_from_token(token)
    except invitations.InvalidInvitation as error:
        return _invalid(request, error)

    context = {"invitation": invitation, "group_label": invitations.group_label(invitation.group)}
    account = invitations.existing_user(invitation.email)
    if account is not None:
        # Existing account: only its owner, logged in, can take the group.
        user = request.user
        if not user.is_authenticated:
            # `next` is our own path, never anything from the request's parameters.
            # `fran`: the login page then shows no "requires logging in" message.
            query = urlencode({"next": request.path, "fran": "inbjudan"})
            context["login_url"] = f"{reverse('account_login')}?{query}"
            return render(request, "portal/account/invitation_login.html", context)
        if user.pk != account.pk:
            context["wrong_user"] = True
            return render(request, "portal/account/invitation_login.html", context, status=403)
        if request.method == "POST":
            try:
                invitations.accept(invitation, user)
            except invitations.InvalidInvitation as error:
                return _invalid(request, error)
            messages.success(
                request,
                _("You now have access as a member of %(group)s.")
                % {"group": context["group_label"]},
            )
            return redirect("my_account")
        return render(request, "portal/account/invitation_join.html", context)

    form = NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        if request.user.is_authenticated:
            logout(request)
        try:
            user = invitations.create_account(
                invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except invitations.InvalidInvitation as error:
            return _invalid(request, error)
        messages.success(request, _("Welcome! Your account is ready."))
        # The person has just chosen their password: like a log in with it, so setting up
        # MFA next does not ask for it again (PortalAccountAdapter.is_reauthentication_required).
        record_authentication(request, user, method="password", email=user.email)
        return perform_login(request, user, redirect_url=reverse("my_account"))
    context["form"] = form
    return render(request, ACCEPT_TEMPLATE, context)


@login_required
@require_http_methods(["GET", "POST"])
def my_account(request):
    user = request.user
    form = NameForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your name has been saved."))
        return redirect("my_account")
    access = access_for(user)
    return render(
        request,
        "portal/account/my_account.html",
        {
            "form": form,
            "municipalities": access.municipalities,
            "partner_organisations": access.partner_organisations,
            "authenticators": Authenticator.objects.filter(user=user),
            "session_count": UserSession.objects.filter(user=user).count(),
        },
    )


def personal_data(user):
    """GDPR art. 15: everything the portal holds about `user`, as plain data (the JSON
    download and the readable page show the same)."""
    access = access_for(user)
    return {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
        },
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "municipalities": [m.name for m in access.municipalities],
        "partner_organisations": [p.name for p in access.partner_organisations],
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
        "mfa_methods": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user=user)
        ],
        "sessions": list(
            UserSession.objects.filter(user=user).values(
                "ip", "user_agent", "created_at", "last_seen_at"
            )
        ),
        "invitations": list(
            Invitation.objects.filter(email__iexact=user.email).values(
                "group__name", "created_at", "sent_at", "accepted_at", "revoked_at"
            )
        ),
        "audit_log": [
            {"action": e.action, "timestamp": e.timestamp, "data": e.data}
            for e in ModelLogEntry.objects.filter(
                content_type__app_label=user._meta.app_label,
                content_type__model=user._meta.model_name,
                object_id=str(user.pk),
            ).order_by("timestamp")
        ],
        # What the person did in the admin (edits, publications, moderation).
        "actions_by_you": [
            {"action": e["action"], "timestamp": e["timestamp"], "object": e["label"]}
            for model in (PageLogEntry, ModelLogEntry)
            # Refusals name pages the person may not see: not theirs to learn about.
            for e in model.objects.filter(user=user)
            .exclude(action="portal.access_refused")
            .order_by("timestamp")
            .values("action", "timestamp", "label")
        ],
        # What the apps keep about the person (hook `register_personal_data`).
        "more": _app_personal_data(user),
    }


def _app_personal_data(user):
    """{key: {"heading", "columns": [(field, label)], "rows": [dict]}} from every app's
    `register_personal_data` hook: the apps know their own tables, the core does not."""
    from wagtail import hooks

    found = {}
    for hook in hooks.get_hooks("register_personal_data"):
        for key, (heading, columns, rows) in hook(user).items():
            found[key] = {
                "heading": str(heading),
                "columns": [(name, str(label)) for name, label in columns],
                "rows": list(rows),
            }
    return found


@login_required
def my_data(request):
    """The personal data as a JSON file to download."""
    response = HttpResponse(
        json.dumps(
            personal_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
        ),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mina-uppgifter.json"'
    return response


# Keys of the audit log's details, as the readable page names them.
_DETAIL_LABELS = {
    "email": _lazy("E-mail address"),
    "ip": _lazy("IP address"),
    "group": _lazy("Group"),
    "change": _lazy("What changed"),
    "user": _lazy("For account"),
    "path": _lazy("Page address"),
    "unknown_account": _lazy("Unknown account"),
}
# In the words of the two-step verification pages (allauth's own say "TOTP-autentiserare").
_MFA_LABELS = {
    Authenticator.Type.TOTP: _lazy("Authenticator app"),
    Authenticator.Type.RECOVERY_CODES: _lazy("Recovery codes"),
    Authenticator.Type.WEBAUTHN: _lazy("Security key"),
}
_CHANGES = {"added": _lazy("added to the group"), "removed": _lazy("removed from the group")}


def _action_label(action):
    from wagtail.log_actions import registry

    return registry.get_action_label(action) if registry.action_exists(action) else action


def _details(data):
    if not isinstance(data, dict):
        return []
    return [
        (
            _DETAIL_LABELS.get(key, key),
            _CHANGES.get(value, value) if key == "change" else value,
        )
        for key, value in data.items()
    ]


@login_required
def my_data_page(request):
    """The same personal data as a page to read, with the JSON file offered for download."""
    data = personal_data(request.user)
    for method in data["mfa_methods"]:
        method["label"] = _MFA_LABELS.get(method["type"], method["type"])
    for entry in data["audit_log"]:
        entry["label"] = _action_label(entry["action"])
        entry["details"] = _details(entry["data"])
    for entry in data["actions_by_you"]:
        entry["label"] = _action_label(entry["action"])
    for part in data["more"].values():
        part["table"] = [
            [row.get(name) for name, _label in part["columns"]] for row in part["rows"]
        ]
    return render(request, "portal/account/my_data.html", {"data": data})
