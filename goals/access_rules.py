"""Who may see goals' rows outside their page (registered with portal.access).

A goal is a page, so Wagtail's privacy of its section or shared space decides who reads
it; its indicators and targets follow it. Values are shown only through goals.figures,
masked; as rows (any other channel: forms, history, exports of rows) only to the editors
of their own municipality and to portal administrators."""


def _visible_goals(access):
    from goals.models import GoalPage

    return access.visible_pages(GoalPage.objects.all()).values("pk")


def indicators_rule(access, queryset):
    if not access.is_authenticated:
        return queryset.none()
    return queryset.filter(goal__in=_visible_goals(access))


def targets_rule(access, queryset):
    if not access.is_authenticated:
        return queryset.none()
    return queryset.filter(indicator__goal__in=_visible_goals(access))


def values_rule(access, queryset):
    if not access.is_authenticated:
        return queryset.none()
    visible = queryset.filter(indicator__goal__in=_visible_goals(access))
    if access.is_portal_admin:
        return visible
    return visible.filter(municipality__in=[m.pk for m in access.edited_municipalities])
