"""The personal data and cookie page (GDPR art. 13–14 information and what the lag om
elektronisk kommunikation asks about cookies), linked from every page's footer together with
the organisation responsible for the personal data and its contact."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from .pages import BasePortalPage


class ProcessingBlock(blocks.StructBlock):
    """One kind of personal data the portal keeps: what, why, on what legal basis, how long."""

    heading = blocks.CharBlock(label=_("heading"), help_text=_("E.g. “Your account”."))
    data = blocks.TextBlock(label=_("which personal data"))
    purpose = blocks.TextBlock(label=_("why"))
    legal_basis = blocks.CharBlock(label=_("legal basis"), required=False)
    retention = blocks.TextBlock(label=_("how long it is kept"))

    class Meta:
        icon = "list-ul"
        label = _("personal data")


class Cookie:
    """A cookie the portal sets, described from the settings that name it and set its age."""

    def __init__(self, name, purpose, lifetime):
        self.name, self.purpose, self.lifetime = name, purpose, lifetime


def _lifetime(seconds):
    if not seconds:
        return _("until you close the browser")
    days = timedelta(seconds=seconds).days
    if days >= 360:  # Django's CSRF cookie lives 52 weeks: a year to the reader
        years = round(days / 365)
        return _("one year") if years == 1 else _("%(years)d years") % {"years": years}
    if days:
        return _("%(days)d days") % {"days": days}
    return _("%(hours)d hours") % {"hours": seconds // 3600}


class PrivacyPage(BasePortalPage):
    """Personuppgifter och kakor: who is responsible, what is kept and why, for how long,
    the reader's rights, and the only cookies the portal sets."""

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    controller = models.CharField(
        _("responsible organisation"),
        max_length=200,
        help_text=_(
            "The personal data controller (personuppgiftsansvarig), usually the lead "
            "municipality of the collaboration. Shown in every page's footer."
        ),
    )
    controller_org_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"),
        help_text=_("Where questions about personal data go. Shown in every page's footer."),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    dpo_email = models.EmailField(
        _("data protection officer"),
        blank=True,
        help_text=_("The e-mail address of the controller's data protection officer."),
    )
    processing = StreamField(
        [("processing", ProcessingBlock())],
        verbose_name=_("personal data the portal keeps"),
        blank=True,
    )

    content_panels = BasePortalPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("controller"),
                FieldPanel("controller_org_number"),
                FieldPanel("postal_address"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("dpo_email"),
            ],
            heading=_("Responsible organisation and contact"),
        ),
        FieldPanel("processing"),
    ]

    class Meta:
        verbose_name = _("personal data and cookies page")

    def cookies(self):
        """What the portal really sets, read from the settings that set it (no tracking)."""
        return [
            Cookie(
                settings.SESSION_COOKIE_NAME,
                _("Keeps you logged in. Set when you log in, removed when you log out."),
                _("at most %(age)s; it ends when you log out")
                % {"age": _lifetime(settings.SESSION_COOKIE_AGE)},
            ),
            Cookie(
                settings.CSRF_COOKIE_NAME,
                _(
                    "Protects forms (logging in and out, your account, editing) against "
                    "being sent from another website. Set when you open a page with such a "
                    "form, e.g. the login page."
                ),
                _lifetime(settings.CSRF_COOKIE_AGE),
            ),
            Cookie(
                settings.LANGUAGE_COOKIE_NAME,
                _("Remembers the language you chose. Set only when you switch language."),
                _lifetime(settings.LANGUAGE_COOKIE_AGE),
            ),
        ]
