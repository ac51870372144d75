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
        return super().get_queryset(request).select_related("municipality")


register_snippet(TestimonialViewSet)


def _refuse_unless_visible(request, instances):
    """An editor reaches another municipality's testimonial by its admin address only to
    get the 404 of a missing one (the listing and choosers never name it)."""
    from django.http import Http404

    from portal.access import access_for

    ids = [obj.pk for obj in instances if isinstance(obj, Testimonial)]
    if not ids:
        return None
    choices = access_for(request.user).admin_choices(Testimonial.objects.filter(pk__in=ids))
    if choices.count() != len(ids):
        raise Http404
    return None


@hooks.register("before_edit_snippet")
def testimonial_before_edit(request, instance):
    return _refuse_unless_visible(request, [instance])


@hooks.register("before_delete_snippet")
def testimonial_before_delete(request, instances):
    return _refuse_unless_visible(request, instances)


@hooks.register("before_unpublish")
def testimonial_before_unpublish(request, instance):
    return _refuse_unless_visible(request, [instance])


@hooks.register("register_editor_model_permissions")
def testimonial_editor_permissions():
    # Editors write their municipality's testimonials; the access rule keeps them to those.
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
