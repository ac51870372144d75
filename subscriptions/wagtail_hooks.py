from wagtail import hooks

from subscriptions.models import DigestSent, Notification, Preference, Subscription


def _own_rows(access, queryset):
    # Nobody else's subscriptions or notifications, through any generic channel.
    if not access.is_authenticated:
        return queryset.none()
    return queryset.filter(user_id=access.user.pk)


@hooks.register("register_access_rules")
def subscriptions_access_rules():
    return {model: _own_rows for model in (Subscription, Preference, Notification, DigestSent)}


@hooks.register("register_personal_data")
def subscriptions_personal_data(user):
    from django.utils.translation import gettext as _

    from portal.personal_data_rows import page_titles
    from subscriptions.models import Notification, Preference, Subscription

    follows = list(Subscription.objects.filter(user=user).select_related("topic"))
    notes = list(Notification.objects.filter(user=user).values("page_id", "created_at", "read_at"))
    ids = [s.page_id or s.news_of_id for s in follows if s.page_id or s.news_of_id]
    titles = page_titles(user, ids + [n["page_id"] for n in notes])
    preference = Preference.objects.filter(user=user).first()

    def target(follow):
        if follow.topic_id:
            return _("The topic %(name)s") % {"name": follow.topic.name}
        if follow.news_of_id:
            return _("The news of %(name)s") % {"name": titles[follow.news_of_id]}
        return titles[follow.page_id]

    return {
        "subscriptions": (
            _("What you follow"),
            [("target", _("Followed")), ("created_at", _("Since")), ("frequency", _("How often"))],
            [
                {
                    "target": target(f),
                    "created_at": f.created_at,
                    "frequency": preference.get_frequency_display() if preference else "",
                }
                for f in follows
            ],
        ),
        "notifications": (
            _("Changes to what you follow"),
            [("page", _("Page")), ("created_at", _("When")), ("read_at", _("Read"))],
            [
                {
                    "page": titles[n["page_id"]],
                    "created_at": n["created_at"],
                    "read_at": n["read_at"],
                }
                for n in notes
            ],
        ),
    }
