"""Wagtail hooks for testimonial (access rules, admin)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet

from news.models import Testimonial
from news.testimonial_expiry import CONSENT_ENDED_ACTION
from news.testimonial_forms import TestimonialForm
from news.testimonials import testimonials_rule
from portal.access import access_for
from portal.snippet_viewsets import AccessCheckedSnippetViewSet


@hooks.register("register_access_rules")
def testimonial_access_rules():
    return {Testimonial: testimonials_rule}


@hooks.register("register_log_actions")
def register_consent_ended_action(actions):
    actions.register_action(
        CONSENT_ENDED_ACTION,
        _("Unpublish: consent ended"),
        _("Unpublished because the consent ended"),
    )


class TestimonialViewSet(AccessCheckedSnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = _("Testimonials")
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        "quote",
        Column("display_name", label=pgettext_lazy("testimonial", "Name")),
        Column("get_role_display", label=pgettext_lazy("testimonial", "Role"), sort_key="role"),
        Column("municipality", label=_("Municipality"), sort_key="municipality__name"),
        Column("consent_until", label=_("Consent valid until"), sort_key="consent_until"),
    ]
    list_filter = ["role", "municipality", "live", "consent_until"]
    search_fields = ["quote", "short_text"]
    edit_handler = ObjectList(Testimonial.panels, base_form_class=TestimonialForm)

    def get_queryset(self, request):
        """What the user may edit, which is less than what they may see: a published
        testimonial is on the site for everybody, but its drafts are its municipality's.
        Portal administrators work on all; others on those of the municipalities they edit.
        Every view of one testimonial opens only these (portal/snippet_viewsets.py)."""
        queryset = super().get_queryset(request).select_related("municipality")
        access = access_for(request.user)
        if access.is_portal_admin:
            return queryset
        edited = [m.pk for m in access.edited_municipalities]
        # Narrowed by id, as the base does: admin search filters only on ids.
        ids = Testimonial.objects.filter(municipality_id__in=edited).values_list("pk", flat=True)
        return queryset.filter(pk__in=list(ids))


register_snippet(TestimonialViewSet)


@hooks.register("register_editor_model_permissions")
def testimonial_editor_permissions():
    # Editors write their municipality's testimonials; TestimonialViewSet keeps them to those.
    return [
        ("news", codename)
        for codename in (
            "add_testimonial",
            "change_testimonial",
            "delete_testimonial",
            "publish_testimonial",
            "view_testimonial",
        )
    ]
