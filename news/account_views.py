"""My account → "Your personal news feed": make, replace or switch off the secret address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from news import feeds
from news.models import FeedToken

TEMPLATE = "news/account/personal_feed.html"


@login_required
@require_http_methods(["GET", "POST"])
def personal_feed_settings(request):
    user = request.user
    context = {"feed_token": FeedToken.objects.filter(user=user).first(), "feed_url": None}
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "create":
        token = feeds.new_token(user)
        # Shown on this response only (never stored in a message, cookie or session).
        context["feed_url"] = request.build_absolute_uri(
            reverse("news_personal_feed", args=[token])
        )
        context["feed_token"] = FeedToken.objects.filter(user=user).first()
    elif action == "delete":
        FeedToken.objects.filter(user=user).delete()
        messages.success(request, _("Your personal news feed is switched off."))
        return redirect("news_feed_settings")
    elif request.method == "POST":
        messages.error(request, _("Choose one of the buttons."))
        return redirect("news_feed_settings")
    return render(request, TEMPLATE, context)
