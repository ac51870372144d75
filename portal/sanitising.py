"""The one HTML sanitiser: every piece of HTML that does not come from Wagtail's rich-text
editor (embed HTML from oEmbed providers, imported content, text a form accepts and a page
shows) goes through `sanitise_html` with the one allow-list below."""

from urllib.parse import urlparse

import bleach
from django.utils.safestring import mark_safe
from wagtail.embeds.finders.oembed import OEmbedFinder

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt",
        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe",
        "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td",
        "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})
IFRAME_ATTRIBUTES = {"src", "title", "width", "height", "allowfullscreen", "loading"}


def _allowed_attribute(tag, name, value):
    if name in {"class", "lang", "dir"}:
        return True
    if tag == "a":
        return name in {"href", "title"}
    if tag == "abbr":
        return name == "title"
    if tag in {"td", "th"}:
        return name in {"colspan", "rowspan", "scope"}
    if tag == "iframe":
        # Embedded players only over https; nothing scripted into the attribute.
        if name == "src":
            return urlparse(value).scheme == "https"
        return name in IFRAME_ATTRIBUTES
    return False


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=_allowed_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def sanitise_html(html):
    """Safe HTML from untrusted HTML: only allow-listed tags, attributes and URL schemes."""
    if not html:
        return ""
    return mark_safe(_cleaner.clean(str(html)))  # noqa: S308 - this *is* the sanitiser


class SanitisingOEmbedFinder(OEmbedFinder):
    """Wagtail's oEmbed finder, with the provider's HTML passed through the sanitiser."""

    def find_embed(self, url, max_width=None, max_height=None):
        result = super().find_embed(url, max_width=max_width, max_height=max_height)
        result["html"] = str(sanitise_html(result.get("html", "")))
        return result
