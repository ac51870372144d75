"""Admin form choices come from the access module.

Installed once on Wagtail's `WagtailAdminModelForm.__init__` (the base of every page,
snippet and inline form of every app): each model-choice field whose model has an access
rule (pages, documents, images, users, partner organisations, contact people, …) offers only
what the editing user may see, plus the values the object already holds, so saving a form
never silently drops them. Inline child forms get the same treatment. StreamField chooser
blocks (pages, documents, images, snippets, contact people) refuse a value the saving user
may not choose.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.access import access_for
from portal.admin_choosers import HIDDEN_CHOICE, may_choose

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
        allowed = Q(pk__in=access.admin_choices(queryset).values("pk"))
        current = [pk for pk in _current_pks(form, name, field) if pk is not None]
        if current:
            allowed |= Q(pk__in=current)
            hidden = set(
                queryset.filter(pk__in=current)
                .exclude(pk__in=access.admin_choices(queryset).values("pk"))
                .values_list("pk", flat=True)
            )
            if hidden:
                field.label_from_instance = _hiding(field.label_from_instance, hidden)
        field.queryset = queryset.filter(allowed)
    # Inline child forms are built later from these kwargs; pass the user on.
    for formset in getattr(form, "formsets", {}).values():
        formset.form_kwargs = {**formset.form_kwargs, "for_user": user}
        formset.__dict__.pop("forms", None)


def _hiding(label_from_instance, hidden):
    """Labels that leave out the held values the editor may not see (kept, unnamed)."""

    def label(obj):
        return str(HIDDEN_CHOICE) if obj.pk in hidden else label_from_instance(obj)

    return label


def _is_governed(access, model):
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page

    return issubclass(model, (Page, AbstractDocument, AbstractImage)) or access.has_rule(model)


def check_chosen(value):
    """A chooser block's value must be something the saving user may choose: the chooser
    never offers anything else, and a hand-made POST must not name another section's
    page, file or contact (the edit form would then show its title)."""
    from portal.current_reader import current_reader

    reader = current_reader()
    if value is None or not getattr(reader, "is_authenticated", False):
        return value
    model = type(value)
    if _is_governed(access_for(reader), model) and not may_choose(reader, model, value.pk):
        raise ValidationError(_("Choose one that is available to you."), code="invalid_choice")
    return value


def _install_block_check():
    from wagtail.blocks import ChooserBlock

    if getattr(ChooserBlock.clean, _INSTALLED_FLAG, False):
        return
    original_clean = ChooserBlock.clean

    def clean(self, value):
        return check_chosen(original_clean(self, value))

    setattr(clean, _INSTALLED_FLAG, True)
    ChooserBlock.clean = clean


def install():
    from wagtail.admin.forms.models import WagtailAdminModelForm

    _install_block_check()

    if getattr(WagtailAdminModelForm.__init__, _INSTALLED_FLAG, False):
        return
    original_init = WagtailAdminModelForm.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if self.for_user is not None:
            limit_choices(self, self.for_user)

    setattr(__init__, _INSTALLED_FLAG, True)
    WagtailAdminModelForm.__init__ = __init__
