from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from portal.models import Invitation


class NewAccountForm(forms.Form):
    """Accepting an invitation without an account: name and password, e-mail is given."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not a common password and not only digits."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            user = get_user_model()(
                email=self.email,
                username=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    group = forms.TypedChoiceField(label=_("Invite into"), coerce=int)

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {t.group.pk: t for t in targets}
        self.fields["group"].choices = [(t.group.pk, t.label) for t in targets]

    def clean(self):
        cleaned = super().clean()
        email, group_id = cleaned.get("email"), cleaned.get("group")
        if email and group_id:
            cleaned["group"] = self.targets[group_id].group
            if Invitation.objects.pending().filter(email__iexact=email, group_id=group_id).exists():
                raise forms.ValidationError(
                    _(
                        "%(email)s already has a pending invitation to this group. "
                        "Resend it instead."
                    )
                    % {"email": email}
                )
            if get_user_model().objects.filter(email__iexact=email, groups=group_id).exists():
                raise forms.ValidationError(
                    _("%(email)s is already a member of this group.") % {"email": email}
                )
        return cleaned


class NameForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
