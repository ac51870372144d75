"""The search page and its suggestions, included from portal/urls.py before Wagtail's
page serving."""

from django.urls import path

from search import views

urlpatterns = [
    path("sok/", views.search_page, name="search"),
    path("sok/forslag/", views.suggestions, name="search_suggestions"),
]
