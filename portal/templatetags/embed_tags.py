"""External films (YouTube, Vimeo) shown without contacting the third party first.

`{% click_to_load value.embed as film %}` reads the embed Wagtail has cached (the finder's
row in `wagtailembeds_embed`; nothing is fetched by the browser) and gives the template what
the click-to-load placeholder needs: the provider's name, the player address to load after
the visitor's click (YouTube's no-cookie host; Vimeo with "do not track"), and the original
address for a plain link. Players on any other host are not offered: the site's CSP
(`frame-src`) allows exactly these two.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django import template

register = template.Library()

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_PLAYER = "www.youtube-nocookie.com"
VIMEO_PLAYER = "player.vimeo.com"


@dataclass
class ClickToLoad:
    provider: str  # "YouTube", "Vimeo", or the provider's own name when not playable here
    watch_url: str
    player_url: str = ""  # empty: only the link is offered


class _IframeSrc(HTMLParser):
    def __init__(self):
        super().__init__()
        self.src = None

    def handle_starttag(self, tag, attrs):
        if tag == "iframe" and self.src is None:
            self.src = dict(attrs).get("src")


def _iframe_src(html):
    parser = _IframeSrc()
    parser.feed(html or "")
    return parser.src or ""


def player_url(src):
    """The address to load after a click, or "" when `src` is not a YouTube or Vimeo player."""
    parts = urlsplit("https:" + src if src.startswith("//") else src)
    host = (parts.hostname or "").lower()
    query = dict(parse_qsl(parts.query))
    if host in YOUTUBE_HOSTS and parts.path.startswith("/embed/"):
        query["autoplay"] = "1"
        return urlunsplit(("https", YOUTUBE_PLAYER, parts.path, urlencode(query), ""))
    if host == VIMEO_PLAYER and parts.path.startswith("/video/"):
        query.update({"autoplay": "1", "dnt": "1"})
        return urlunsplit(("https", VIMEO_PLAYER, parts.path, urlencode(query), ""))
    return ""


def _provider_name(url, embed):
    host = (urlsplit(url).hostname or "").lower()
    if host in YOUTUBE_HOSTS or host == "youtu.be":
        return "YouTube"
    if host.endswith("vimeo.com"):
        return "Vimeo"
    return getattr(embed, "provider_name", "") or host


@register.simple_tag
def click_to_load(embed_value):
    """What the placeholder of an external film needs; never raises (a finder that fails
    leaves a plain link)."""
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedException

    url = getattr(embed_value, "url", "") or ""
    try:
        embed = embeds.get_embed(
            url, getattr(embed_value, "max_width", None), getattr(embed_value, "max_height", None)
        )
    except EmbedException:
        embed = None
    src = _iframe_src(embed.html) if embed is not None else ""
    return ClickToLoad(
        provider=_provider_name(url, embed),
        watch_url=url,
        player_url=player_url(src) if src else "",
    )
