"""Generic (snippet and model) admin choosers that list and return only what the access
module lets the user see. Light imports: model modules use these for their chooser blocks."""

from django.utils.translation import gettext_lazy as _

from portal.access import access_for

# What an edit form shows for a value the object holds but the editor may not see (someone
# with wider rights chose it): kept, so that saving keeps it, but not named.
HIDDEN_CHOICE = _("Hidden: outside what you may see")


def searchable_choices(user, queryset):
    """`Access.admin_choices` as a filter on ids: search backends filter only on declared
    FilterFields (an indexed model declares `id`), not on a rule's joins and subqueries."""
    access = access_for(user)
    if access.is_portal_admin:
        return queryset
    visible = access.admin_choices(queryset)
    return queryset.filter(pk__in=list(visible.values_list("pk", flat=True)))


def clean_ids(values):
    """Only ids a database integer column can hold; anything else matches nothing."""
    return [str(v) for v in values if str(v).isdigit() and len(str(v)) < 19]


class AccessCheckedChooseMixin:
    """For a chooser's listing and results views."""

    def get_object_list(self):
        return searchable_choices(self.request.user, super().get_object_list())


class AccessCheckedChosenMixin:
    """For a chooser's chosen view: an id the user may not see is a 404, like a missing one."""

    def get_object(self, pk):
        queryset = access_for(self.request.user).admin_choices(self.model_class.objects.all())
        return queryset.get(pk=pk)


class AccessCheckedChosenMultipleMixin:
    def get_objects(self, pks):
        queryset = access_for(self.request.user).admin_choices(self.model_class.objects.all())
        return queryset.filter(pk__in=clean_ids(pks))


def may_choose(user, model, pk):
    """Whether `user` may choose the `model` row `pk` in the admin (`Access.admin_choices`):
    the one answer for choosers' widgets, chooser blocks and the rich-text editor."""
    rows = model._default_manager.filter(pk=pk)
    return access_for(user).admin_choices(rows).exists()


class HiddenChoiceWidgetMixin:
    """For a chooser's widget: a value the editor may not choose shows by no name or link."""

    def get_value_data_from_instance(self, instance):
        from portal.current_reader import current_reader

        data = super().get_value_data_from_instance(instance)
        if not may_choose(current_reader(), type(instance), instance.pk):
            data[self.display_title_key] = str(HIDDEN_CHOICE)
            data["edit_url"] = None
        return data


def access_checked_views(viewset_class):
    """A chooser viewset class whose views list and return only what the user may see."""
    return type(
        f"AccessChecked{viewset_class.__name__}",
        (viewset_class,),
        {
            "base_widget_class": type(
                f"AccessChecked{viewset_class.base_widget_class.__name__}",
                (HiddenChoiceWidgetMixin, viewset_class.base_widget_class),
                {},
            ),
            "choose_view_class": type(
                "ChooseView", (AccessCheckedChooseMixin, viewset_class.choose_view_class), {}
            ),
            "choose_results_view_class": type(
                "ChooseResultsView",
                (AccessCheckedChooseMixin, viewset_class.choose_results_view_class),
                {},
            ),
            "chosen_view_class": type(
                "ChosenView", (AccessCheckedChosenMixin, viewset_class.chosen_view_class), {}
            ),
            "chosen_multiple_view_class": type(
                "ChosenMultipleView",
                (AccessCheckedChosenMultipleMixin, viewset_class.chosen_multiple_view_class),
                {},
            ),
        },
    )
