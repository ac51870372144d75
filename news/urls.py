"""News addresses outside the page tree: the personal feed and its settings on My account.
Included from portal/urls.py before Wagtail's page serving."""

from django.urls import path

from news import account_views, feeds

urlpatterns = [
    path("nyheter-flode/<str:token>/", feeds.personal_feed, name="news_personal_feed"),
    path("konto/nyhetsflode/", account_views.personal_feed_settings, name="news_feed_settings"),
]
