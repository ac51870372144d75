from wagtail import hooks


@hooks.register("register_access_rules")
def goals_access_rules():
    from goals.access_rules import indicators_rule, targets_rule, values_rule
    from goals.models import Indicator, Target, Value

    return {Indicator: indicators_rule, Target: targets_rule, Value: values_rule}


# Each part of the app registers its own admin views, panels and start-page blocks.
from goals import entry_hooks, home_hooks, kolada_hooks  # noqa: E402, F401


@hooks.register("after_copy_page")
def relink_computed_indicators(request, page, new_page):
    """A copied goal's computed indicators read the copy's own counts, not the original's
    (Wagtail copies the foreign keys as they are)."""
    from goals.models import GoalPage, Indicator

    if not isinstance(new_page.specific, GoalPage):
        return
    copied = list(Indicator.objects.filter(goal_id=new_page.pk))
    by_old = {
        old.pk: new
        for old, new in zip(
            Indicator.objects.filter(goal_id=page.pk).order_by("sort_order", "pk"),
            sorted(copied, key=lambda i: (i.sort_order or 0, i.pk)),
            strict=False,
        )
    }
    for indicator in copied:
        if indicator.source != Indicator.COMPUTED:
            continue
        indicator.computed_numerator = by_old.get(indicator.computed_numerator_id)
        indicator.computed_denominator = by_old.get(indicator.computed_denominator_id)
        indicator.save(update_fields=["computed_numerator", "computed_denominator"])


@hooks.register("register_personal_data")
def goal_values_personal_data(user):
    """The figures the person entered: counts of a municipality, never about a person."""
    from django.db.models import Count, Max
    from django.utils.translation import gettext as _

    from goals.models import Value
    from portal.personal_data_rows import page_titles

    rows = list(
        Value.objects.filter(entered_by=user)
        .values("indicator__goal_id")
        .annotate(count=Count("pk"), last=Max("entered_at"))
        .order_by("indicator__goal_id")
    )
    titles = page_titles(user, [r["indicator__goal_id"] for r in rows])
    return {
        "goal_values": (
            _("Figures you have entered for goals"),
            [("goal", _("Goal")), ("count", _("Values")), ("last", _("Last entered"))],
            [
                {"goal": titles[r["indicator__goal_id"]], "count": r["count"], "last": r["last"]}
                for r in rows
            ],
        )
    }
