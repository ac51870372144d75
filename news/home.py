"""The start page's news: the latest posts the reader may read, from every section and
shared space they belong to, each labelled with where it comes from."""

from portal.access import access_for


class PostSummary:
    """What the start page shows of a post (cached, so plain data, not the page)."""

    def __init__(self, post, request):
        self.title = post.title
        self.url = post.get_url(request)
        self.date = post.date
        self.intro = post.intro
        self.is_film_post = post.is_film_post
        self.source = post.source.title if post.source else ""


def latest_post_summaries(request, count=5):
    from news.listing import latest_for, today

    access = access_for(request.user)
    # The same list for everyone with the same reach, until a page or privacy changes
    # (the cache version) or the day does (a post dated today appears).
    return access.cached_for_reach(
        f"home-news:{request.get_host()}:{today()}:{count}",
        lambda: [PostSummary(post, request) for post in latest_for(request.user, count)],
    )
