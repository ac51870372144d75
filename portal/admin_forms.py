"""Admin form choices come from the access module.

Installed once on Wagtail's `WagtailAdminModelForm.__init__` (the base of every page,
snippet and inline form of every app): each model-choice field whose model has an access
rule (pages, documents, images, users, partner organisations, contact people, …) offers only
what the editing user may see, plus the values the object already holds, so saving a form
never silently drops them. Inline child forms get the same treatment.
"""

from django import forms

from portal.access import access_for

_INSTALLED_FLAG = "_portal_limits_choices"


def _current_pks(form, name, field):
    value = form.initial.get(name)
    if value is None and form.instance is not None and form.instance.pk:
        value = getattr(form.instance, f"{name}_id", None)
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [getattr(v, "pk", v) for v in value]
    if hasattr(value, "all"):
        return [obj.pk for obj in value.all()]
    return [getattr(value, "pk", value)]


def limit_choices(form, user):
    access = access_for(user)
    for name, field in form.fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        queryset = field.queryset
        if queryset is None or not _is_governed(access, queryset.model):
            continue
        allowed = access.admin_choices(queryset)
        current = [pk for pk in _current_pks(form, name, field) if pk is not None]
        if current:
            allowed = allowed | queryset.filter(pk__in=current)
        field.queryset = allowed
    # Inline child forms are built later from these kwargs; pass the user on.
    for formset in getattr(form, "formsets", {}).values():
        formset.form_kwargs = {**formset.form_kwargs, "for_user": user}
        formset.__dict__.pop("forms", None)


def _is_governed(access, model):
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page

    return issubclass(model, (Page, AbstractDocument, AbstractImage)) or access.has_rule(model)


def install():
    from wagtail.admin.forms.models import WagtailAdminModelForm

    if getattr(WagtailAdminModelForm.__init__, _INSTALLED_FLAG, False):
        return
    original_init = WagtailAdminModelForm.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if self.for_user is not None:
            limit_choices(self, self.for_user)

    setattr(__init__, _INSTALLED_FLAG, True)
    WagtailAdminModelForm.__init__ = __init__
