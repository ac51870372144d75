from news.models.feeds import FeedToken
from news.models.films import Film
from news.models.pages import NewsIndexPage, NewsPostPage, NewsPostTag
from news.models.testimonials import Testimonial, TestimonialIndexPage

__all__ = [
    "FeedToken",
    "Film",
    "NewsIndexPage",
    "NewsPostPage",
    "NewsPostTag",
    "Testimonial",
    "TestimonialIndexPage",
]
