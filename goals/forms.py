"""The goal page's admin form: a computed indicator is chosen among this goal's counts."""

from wagtail.admin.forms import WagtailAdminPageForm

COMPUTED_FIELDS = ("computed_numerator", "computed_denominator")


class GoalPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from goals.models import Indicator
        from knowledge.models.pages import _owner_label

        owner = self.fields.get("content_owner")
        if owner is not None:
            owner.label_from_instance = _owner_label
        counts = Indicator.objects.filter(goal_id=self.instance.pk or 0, unit=Indicator.COUNT)
        formset = self.formsets.get("indicators")
        if formset is None:
            return
        base = formset.form

        class IndicatorForm(base):
            # Only this goal's saved count indicators: a new one can be chosen after the
            # page is saved once (its rows have no id before).
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name in COMPUTED_FIELDS:
                    if name in self.fields:
                        self.fields[name].queryset = counts.exclude(pk=self.instance.pk or 0)

        formset.form = IndicatorForm
