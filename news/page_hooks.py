"""Wagtail hooks for news pages: the start page's latest posts."""

from wagtail import hooks

from news.home import latest_post_summaries


@hooks.register("construct_home_page_context")
def add_latest_posts(request, context):
    context["latest_posts"] = latest_post_summaries(request)
