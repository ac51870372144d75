"""Invitations in the Wagtail admin: list (filter by status), invite, resend, revoke.

Plain views behind Wagtail's admin login; who may do what is `invitation_targets`.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder

from portal.accounts import audit, invitations
from portal.accounts.forms import InvitationForm
from portal.models import IdentityNumberOverride

PER_PAGE = 50
STATUS_FILTERS = {
    "pending": lambda now: Q(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now),
    "accepted": lambda now: Q(accepted_at__isnull=False),
    "revoked": lambda now: Q(revoked_at__isnull=False),
    "expired": lambda now: Q(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now
    ),
}
STATUS_CHOICES = [
    ("", gettext_lazy("All")),
    ("pending", gettext_lazy("Pending")),
    ("accepted", gettext_lazy("Accepted")),
    ("revoked", gettext_lazy("Revoked")),
    ("expired", gettext_lazy("Expired")),
]


def _require_inviter(request):
    if not invitations.can_invite(request.user):
        raise PermissionDenied


def index(request):
    _require_inviter(request)
    qs = invitations.visible_invitations(request.user)
    status = request.GET.get("status", "")
    if status in STATUS_FILTERS:
        qs = qs.filter(STATUS_FILTERS[status](timezone.now()))
    # PostgreSQL refuses a NUL character in a query: it can match nothing anyway.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    if query:
        qs = qs.filter(email__icontains=query)
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "portal/account/admin/invitation_index.html",
        {
            "page_obj": page,
            "status": status,
            "query": query,
            "status_choices": STATUS_CHOICES,
            "header_title": _("Invitations"),
            "page_title": _("Invitations"),
        },
    )


def create(request):
    _require_inviter(request)
    form = InvitationForm(
        request.POST or None, targets=invitations.invitation_targets(request.user)
    )
    if request.method == "POST" and form.is_valid():
        invitation = invitations.create(
            form.cleaned_data["email"], form.cleaned_data["group"], request
        )
        messages.success(
            request, _("An invitation has been sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("portal_invitations:index")
    return TemplateResponse(
        request,
        "portal/account/admin/invitation_create.html",
        {
            "form": form,
            "days": settings.PORTAL_INVITATION_DAYS,
            "header_title": _("Invite"),
            "page_title": _("Invite"),
        },
    )


def _own_invitation(request, pk):
    _require_inviter(request)
    return get_object_or_404(invitations.visible_invitations(request.user), pk=pk)


@require_POST
def resend(request, pk):
    invitation = _own_invitation(request, pk)
    if invitation.accepted_at or invitation.revoked_at:
        messages.error(request, _("Only an invitation that has not been used can be sent again."))
    else:
        invitations.send(invitation, request, resend=True)
        messages.success(
            request,
            _("The invitation to %(email)s has been sent again; older links no longer work.")
            % {"email": invitation.email},
        )
    return redirect("portal_invitations:index")


@require_POST
def revoke(request, pk):
    invitation = _own_invitation(request, pk)
    if invitation.accepted_at or invitation.revoked_at:
        messages.error(request, _("This invitation is already closed."))
    else:
        invitations.revoke(invitation, request.user)
        messages.success(
            request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email}
        )
    return redirect("portal_invitations:index")


class IdentityNumberOverrideForm(forms.Form):
    number = forms.RegexField(
        label=gettext_lazy("Number (10 digits)"), regex=r"^\d{10}$", max_length=10
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Why this number is not about a person. Recorded in the audit log."),
    )


def _edit_url(obj, user):
    """Back to where the editor was: the page or snippet editor, else the dashboard."""
    url = AdminURLFinder(user).get_edit_url(obj) if obj is not None else None
    return url or reverse("wagtailadmin_home")


class OverrideTargetForm(forms.Form):
    """What the override is for: the `ct` and `obj` of the link in the publishing error."""

    ct = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    obj = forms.CharField(required=False, max_length=255)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            raise ValidationError(_("The link is incomplete or damaged."))
        content_type = ContentType.objects.filter(pk=cleaned["ct"]).first()
        model = content_type.model_class() if content_type else None
        if model is None:
            raise ValidationError(_("The link names a content type that does not exist."))
        cleaned["content_type"], cleaned["model"] = content_type, model
        cleaned["object"] = None
        if cleaned["obj"]:
            pk = _object_pk(model, cleaned["obj"])
            cleaned["object"] = model._default_manager.filter(pk=pk).first()
            if cleaned["object"] is None:
                raise ValidationError(_("The link names an object that does not exist."))
        return cleaned


def _object_pk(model, raw):
    """The primary key as the database column takes it; numbers the column cannot hold
    (SQLite raises OverflowError on them) are refused like any other malformed id."""
    field = model._meta.pk
    while field.remote_field is not None:  # a page type's pk is its link to Page
        field = field.target_field
    try:
        value = field.to_python(raw)
        field.run_validators(value)  # an integer column's range for this database
    except ValidationError:
        raise ValidationError(_("The link names an object that does not exist.")) from None
    return value


def identity_number_override(request):
    """Superusers only: allow one number in one object (or, for unsaved objects, one type)."""
    # Checked before anything in the query string is looked up, so nobody else learns
    # whether an object exists.
    if not request.user.is_superuser:
        raise PermissionDenied
    target = OverrideTargetForm(request.GET)
    if not target.is_valid():
        return TemplateResponse(
            request,
            "portal/account/admin/identity_number_override_invalid.html",
            {
                "errors": target.non_field_errors(),
                "header_title": _("Allow a personal identity number"),
                "page_title": _("Allow a personal identity number"),
            },
            status=400,
        )
    content_type = target.cleaned_data["content_type"]
    model = target.cleaned_data["model"]
    obj = target.cleaned_data["object"]
    object_id = str(obj.pk) if obj is not None else ""
    form = IdentityNumberOverrideForm(
        request.POST or None, initial={"number": request.GET.get("number", "")}
    )
    if request.method == "POST" and form.is_valid():
        override = IdentityNumberOverride.objects.create(
            content_type=content_type,
            object_id=object_id,
            number=form.cleaned_data["number"],
            reason=form.cleaned_data["reason"],
            created_by=request.user,
        )
        audit.log_identity_number_override(override, obj)
        messages.success(
            request,
            _("The number is allowed. Go back to the editor and publish again."),
        )
        return redirect(_edit_url(obj, request.user))
    return TemplateResponse(
        request,
        "portal/account/admin/identity_number_override.html",
        {
            "form": form,
            "object": obj,
            "model_name": model._meta.verbose_name,
            "header_title": _("Allow a personal identity number"),
            "page_title": _("Allow a personal identity number"),
        },
    )
