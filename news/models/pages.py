"""News page types: an index (public at /nyheter/, or inside a section or shared space,
where the section's restriction applies) and the posts under it."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from portal.models.pages import BasePortalPage


def _today():
    return timezone.localdate()


class NewsIndexPage(RoutablePageMixin, BasePortalPage):
    """Nyheter: newest first, filters, archive by month, tag pages and feeds."""

    parent_page_types = [
        "portal.HomePage",
        "portal.MunicipalitySectionPage",
        "portal.SharedSpacePage",
    ]
    subpage_types = ["news.NewsPostPage"]
    max_count_per_parent = 1
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        from news.editors import provision_shared_news_editors

        provision_shared_news_editors(self)
        return result

    # Listing, archive and tag pages: news/listing.py. Feeds: news/feeds.py.
    @path("", name="news_index")
    def index_route(self, request):
        from news.listing import index_view

        return index_view(self, request)

    @path("arkiv/<int:year>/<int:month>/", name="news_month")
    def month_route(self, request, year, month):
        from news.listing import index_view

        return index_view(self, request, year=year, month=month)

    @path("etikett/<str:tag>/", name="news_tag")
    def tag_route(self, request, tag):
        from news.listing import index_view

        return index_view(self, request, tag=tag)

    @path("rss/", name="news_rss")
    def rss_route(self, request):
        from news.feeds import index_feed

        return index_feed(self, request, "rss")

    @path("atom/", name="news_atom")
    def atom_route(self, request):
        from news.feeds import index_feed

        return index_feed(self, request, "atom")


class NewsPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPostPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPostPage(BasePortalPage):
    """A post: date, author, intro, main image, body, topics, tags, municipality."""

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_post_page.html"
    select_related_on_serve = ("main_image", "municipality", "author")

    date = models.DateField(_("publication date"), default=_today, db_index=True)
    author_name = models.CharField(
        _("author"),
        max_length=120,
        blank=True,
        help_text=_("The name shown under the post. Defaults to the portal user's name."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author (portal user)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_posts",
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("main image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Required with a main image: what the image shows."),
    )
    is_film_post = models.BooleanField(
        _("film post"),
        default=False,
        help_text=_("The post's main content is a film (it is labelled as a film in listings)."),
    )
    topics = ParentalManyToManyField(
        "knowledge.Topic", verbose_name=_("topics"), blank=True, related_name="news_posts"
    )
    tags = ClusterTaggableManager(through="news.NewsPostTag", blank=True, verbose_name=_("tags"))
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_posts",
        help_text=_("Leave empty for news that concern every municipality."),
    )

    content_panels = BasePortalPage.content_panels[:1] + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("is_film_post")]),
        FieldRowPanel([FieldPanel("author_name"), FieldPanel("author")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt")], heading=_("Main image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = BasePortalPage.search_fields + [
        index.SearchField("author_name"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        ordering = ["-date", "-pk"]

    def clean(self):
        super().clean()
        if self.main_image_id and not self.main_image_alt.strip():
            raise ValidationError(
                {"main_image_alt": _("Describe the main image for people who cannot see it.")}
            )

    def get_context(self, request, *args, **kwargs):
        from news.listing import post_context

        context = super().get_context(request, *args, **kwargs)
        context.update(post_context(self, request))
        return context

    @property
    def byline(self):
        if self.author_name:
            return self.author_name
        if self.author_id:
            return self.author.get_full_name() or ""
        return ""
