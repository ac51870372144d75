"""The Röster page's two routes (`TestimonialIndexPage`): the paginated cards and one
testimonial's full text. Both start from `news.testimonials.visible_testimonials`, so a
draft, or a testimonial whose consent has ended, is shown to nobody, not even its editor."""

from django.core.paginator import Paginator
from django.http import Http404

from news.testimonials import visible_testimonials

# Twelve cards: three rows of four or four of three on a wide screen.
PAGE_SIZE = 12


def _with_urls(page, testimonials):
    base = page.url + page.reverse_subpage("testimonial", args=[0])[: -len("0/")]
    for testimonial in testimonials:
        testimonial.detail_url = f"{base}{testimonial.pk}/"
    return testimonials


def listing(page, request):
    """Every visible testimonial, newest first, PAGE_SIZE a page (`?sida=N`; anything that is
    not a page number shows the first page, one past the end the last). Two queries: the
    count and the page's rows with their photos and municipalities."""
    queryset = visible_testimonials(request.user).order_by("-first_published_at", "-pk")
    results = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("sida"))
    results.object_list = _with_urls(page, list(results.object_list))
    return page.render(
        request,
        context_overrides={"results": results, "testimonials": results.object_list},
    )


def detail(page, request, pk):
    if len(str(pk)) > 18:  # more than a database integer holds: no such testimonial
        raise Http404
    testimonial = visible_testimonials(request.user).filter(pk=pk).first()
    if testimonial is None:
        raise Http404
    return page.render(
        request,
        template="news/testimonial_detail.html",
        context_overrides={"testimonial": testimonial, "index_url": page.url},
    )
