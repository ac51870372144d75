"""Follow and unfollow, the list of what one follows with the frequency form, the bell's
page of notifications and the one-click unsubscribe from a digest mail."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from portal.access import access_for
from subscriptions.models import Notification, Preference, Subscription
from subscriptions.notifications import container_types
from subscriptions.state import touch, visible_notifications, visible_target_q
from subscriptions.tokens import user_id_from

PER_PAGE = 20
TARGET_FIELDS = ("page", "topic", "news_of")


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often do you want to hear about changes?"),
        choices=[
            (Preference.IMMEDIATELY, gettext_lazy("At once")),
            (Preference.DAILY, gettext_lazy("Daily")),
            (Preference.WEEKLY, gettext_lazy("Every week")),
            (Preference.NEVER, gettext_lazy("Never")),
        ],
        widget=forms.RadioSelect,
    )


def _target(data, access):
    """{field: object} for the one target named in `data` that the user may read, else
    404 (a missing id and one the user may not read answer the same)."""
    named = [field for field in TARGET_FIELDS if data.get(field)]
    if len(named) != 1:
        raise Http404
    field = named[0]
    try:
        pk = int(data[field])
    except (TypeError, ValueError):
        raise Http404 from None
    if field == "topic":
        from knowledge.models import Topic

        obj = Topic.objects.filter(pk=pk).first()
        if obj is None or not access.can_view(obj):
            raise Http404
        return {field: obj}
    obj = Page.objects.filter(pk=pk, depth__gt=1).first()
    if obj is None or not access.can_view_page(obj):
        raise Http404
    if field == "news_of" and obj.content_type_id not in container_types():
        raise Http404
    return {field: obj}


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _paginate(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("sida"))


@login_required
@require_POST
def follow(request):
    access = access_for(request.user)
    if request.POST.get("action") == "forget_hidden":
        # What the person follows but may no longer read: removable without naming it.
        Subscription.objects.filter(user=request.user).exclude(visible_target_q(access)).delete()
        touch([request.user.pk])
        messages.success(request, _("You no longer follow pages you cannot open."))
        return redirect("subscriptions_list")
    target = _target(request.POST, access)
    if request.POST.get("action") == "unfollow":
        Subscription.objects.filter(user=request.user, **target).delete()
        messages.success(request, _("You no longer follow this."))
    else:
        Subscription.objects.get_or_create(user=request.user, **target)
        messages.success(
            request, _("You follow this now. Change how often you hear under My account.")
        )
    touch([request.user.pk])
    return redirect(_safe_next(request, "subscriptions_list"))


def _describe(subscription, containers):
    if subscription.topic_id:
        return _("The topic %(name)s") % {"name": subscription.topic.name}, None
    if subscription.news_of_id:
        page = subscription.news_of
        return _("The news of %(name)s") % {"name": page.title}, page.url
    page = subscription.page
    if page.content_type_id in containers:
        return _("Everything in %(name)s") % {"name": page.title}, page.url
    return page.title, page.url


@login_required
def subscription_list(request):
    access = access_for(request.user)
    if request.method == "POST":
        form = FrequencyForm(request.POST)
        if form.is_valid():
            Preference.objects.update_or_create(
                user=request.user, defaults={"frequency": form.cleaned_data["frequency"]}
            )
            messages.success(request, _("Your choice is saved."))
            return redirect("subscriptions_list")
    else:
        frequency = (
            Preference.objects.filter(user=request.user).values_list("frequency", flat=True).first()
        )
        form = FrequencyForm(initial={"frequency": frequency or Preference.DEFAULT})
    subscriptions = (
        Subscription.objects.filter(user=request.user)
        .filter(visible_target_q(access))
        .select_related("page", "topic", "news_of")
    )
    hidden = Subscription.objects.filter(user=request.user).exclude(visible_target_q(access))
    page_obj = _paginate(request, subscriptions)
    containers = container_types()
    items = []
    for subscription in page_obj:
        label, url = _describe(subscription, containers)
        field = next(f for f in TARGET_FIELDS if getattr(subscription, f"{f}_id"))
        items.append(
            {"label": label, "url": url, "field": field, "id": getattr(subscription, f"{field}_id")}
        )
    return render(
        request,
        "subscriptions/subscription_list.html",
        {"form": form, "items": items, "page_obj": page_obj, "hidden_count": hidden.count()},
    )


@login_required
def notification_list(request):
    from knowledge.changes import notes_for

    access = access_for(request.user)
    notifications = visible_notifications(access).select_related("page")
    page_obj = _paginate(request, notifications)
    shown = list(page_obj)
    notes = notes_for([n.revision_id for n in shown])
    unread = [n.pk for n in shown if n.read_at is None]
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
        touch([request.user.pk])
    items = [
        {
            "notification": n,
            "page": n.page,
            "note": notes.get(n.revision_id),
            "unread": n.pk in unread,
        }
        for n in shown
    ]
    return render(
        request,
        "subscriptions/notification_list.html",
        {"items": items, "page_obj": page_obj},
    )


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a session
def unsubscribe(request, token):
    user_id = user_id_from(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "subscriptions/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        Preference.objects.update_or_create(user=user, defaults={"frequency": Preference.NEVER})
        return render(request, "subscriptions/unsubscribe_done.html")
    return render(request, "subscriptions/unsubscribe_confirm.html", {"token": token})
