"""Wagtail hooks for the start page: the latest posts and a few testimonials."""

from wagtail import hooks

from news.home import latest_post_summaries


@hooks.register("construct_home_page_context")
def add_latest_posts(request, context):
    context["latest_posts"] = latest_post_summaries(request)


@hooks.register("construct_home_page_context")
def add_testimonials(request, context):
    from knowledge import clock
    from news.models import TestimonialIndexPage
    from news.testimonials import home_selection
    from portal.access import access_for
    from portal.context_processors import live_page_url

    access = access_for(request.user)
    today = clock.today()
    # The same selection all day for everyone with the same reach; a saved testimonial or
    # page retires it (the cache version), the next day brings the next ones.
    context["testimonials"] = access.cached_for_reach(
        f"home-testimonials:{today}", lambda: home_selection(request.user, today=today)
    )

    context["testimonials_page"] = access.cached_for_everyone(
        f"testimonials-url:{request.get_host()}",
        lambda: live_page_url(TestimonialIndexPage.objects.all(), request),
    )


@hooks.register("register_search_items")
def news_search_items():
    from news.models import NewsPostPage
    from search.page_items import PageProvider

    return {NewsPostPage: PageProvider(NewsPostPage, "news")}
