"""One sanitiser, one allow-list: at least 30 XSS payloads come out harmless."""

import re

import pytest
from django.template import engines

from portal.sanitising import SanitisingOEmbedFinder, sanitise_html

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"javascript:alert('XSS')\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    '<a href="javascript:alert(1)">klick</a>',
    '<a href="JAVASCRIPT:alert(1)">klick</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '<a href="https://ok.example" onmouseover=alert(1)>x</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="http://insecure.example/"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<form action=javascript:alert(1)><button>x</button></form>",
    '<input autofocus onfocus="alert(1)">',
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<base href="https://evil.example/">',
    "<!--<img src=x onerror=alert(1)>-->",
    '<p title="</p><script>alert(1)</script>">x</p>',
    "<<script>script>alert(1)<</script>/script>",
    "<img/src=x/onerror=alert(1)>",
    '"><script>alert(1)</script>',
    '<a href="https://ok.example" style="position:fixed;top:0">x</a>',
    "%3Cscript%3Ealert(1)%3C/script%3E<script>x</script>",
    "<marquee onstart=alert(1)>x</marquee>",
]

DANGEROUS = re.compile(
    r"<\s*(script|style|svg|math|object|embed|form|input|body|meta|link|base|img|video|"
    r"source|details|marquee)\b|\son\w+\s*=|javascript:|vbscript:|data:text|expression\(|"
    r"srcdoc|style\s*=|xlink:href",
    re.IGNORECASE,
)


def test_there_are_at_least_30_payloads():
    assert len(XSS_PAYLOADS) >= 30


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_neutralised(payload):
    cleaned = str(sanitise_html(payload))
    assert not DANGEROUS.search(cleaned), cleaned
    # Insecure or scripted iframes are gone; only https iframes could remain.
    for src in re.findall(r"<iframe[^>]*src=\"([^\"]*)\"", cleaned):
        assert src.startswith("https://")


def test_harmless_html_survives():
    html = (
        '<h2>Rutin</h2><p>Ring <a href="tel:0480-450000">växeln</a> eller '
        '<a href="https://www.kalmar.se/" title="Kalmar">Kalmar</a>.</p>'
        "<ul><li><strong>Viktigt</strong></li></ul>"
        '<table><tr><th scope="col">Dag</th></tr><tr><td>Mån</td></tr></table>'
    )
    cleaned = str(sanitise_html(html))
    assert '<a href="https://www.kalmar.se/" title="Kalmar">Kalmar</a>' in cleaned
    assert '<a href="tel:0480-450000">' in cleaned
    assert '<th scope="col">Dag</th>' in cleaned
    assert "<strong>Viktigt</strong>" in cleaned


def test_https_video_iframe_is_kept():
    html = (
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315" '
        'title="Film" allowfullscreen onload="x()"></iframe>'
    )
    cleaned = str(sanitise_html(html))
    assert 'src="https://www.youtube-nocookie.com/embed/abc"' in cleaned
    assert "onload" not in cleaned


def test_template_filter_uses_the_same_sanitiser():
    template = engines["django"].from_string("{% load sanitising_tags %}{{ html|sanitise }}")
    out = template.render({"html": '<p onclick="x()">Hej<script>alert(1)</script></p>'})
    assert out == "<p>Hejalert(1)</p>"


def test_embed_finder_sanitises_provider_html(monkeypatch):
    from wagtail.embeds.finders.oembed import OEmbedFinder

    def fake_find(self, url, max_width=None, max_height=None):
        return {"html": '<iframe src="https://video.example/1"></iframe><script>x</script>'}

    monkeypatch.setattr(OEmbedFinder, "find_embed", fake_find)
    result = SanitisingOEmbedFinder().find_embed("https://video.example/1")
    assert "<script" not in result["html"]
    assert '<iframe src="https://video.example/1"></iframe>' in result["html"]
