"""The admin form of a testimonial: the consent rule on publishing, alt text for a photo,
and municipalities limited to those the editor edits."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from knowledge import clock
from news.testimonials import consent_problems
from portal.access import access_for

# The edit view's publishing action (scheduling is publishing with a go-live date).
PUBLISH_ACTION = "action-publish"


class TestimonialForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("municipality")
        access = access_for(self.for_user)
        if field is not None and self.for_user is not None and not access.is_portal_admin:
            # An editor writes for the municipalities they edit: a testimonial for another
            # would vanish from their own listing as soon as it is saved.
            allowed = {m.pk for m in access.edited_municipalities}
            if self.instance.municipality_id:
                allowed.add(self.instance.municipality_id)
            field.queryset = field.queryset.filter(pk__in=allowed)
            field.required = True

    @property
    def is_publishing(self):
        return self.is_bound and self.data.get(PUBLISH_ACTION) is not None

    def clean(self):
        cleaned = super().clean()
        until, given = cleaned.get("consent_until"), cleaned.get("consent_date")
        if until and given and until <= given and "consent_until" not in self.errors:
            self.add_error("consent_until", _("The consent must end after the day it was given."))
        if cleaned.get("photo") and not (cleaned.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("A photo needs an alternative text."))
        if self.is_publishing:
            today = clock.today()
            go_live_at = cleaned.get("go_live_at")
            if go_live_at:
                from django.utils import timezone

                today = max(today, timezone.localdate(go_live_at))
            problems = consent_problems(cleaned.get("consent_given_by"), given, until, today)
            for field, message in problems.items():
                if field not in self.errors and field in self.fields:
                    self.add_error(field, message)
        return cleaned
