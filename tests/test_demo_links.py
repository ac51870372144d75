"""The demo as a municipality sees it (`seed_demo`, seeded once for the module): every
internal link and picture on every demo page works, for the portal administrator and for
a visitor; pictures have alternative text and sit in the collection of the page showing
them; no placeholder text, no two guides alike, no instructions to editors in public
news, phone numbers with the right area code, and a silent film whose captions say so."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from knowledge.models import AgreementPage, GuidePage, RoutinePage
from news.models import NewsPostPage
from partners.models import ContactPerson, PartnerOrganisation
from portal.demo_images import collection_for_page
from portal.models import ContentPage, Municipality
from tests.shared import shared

AREA_CODES = {"kalmar": "0480", "sodertalje": "08", "norrtalje": "0176", "osteraker": "08"}
PLACEHOLDERS = (
    "Gör det som rutinen beskriver",
    "Ladda ner mallen och läs hur den används",
    "Lorem ipsum",
    "TODO",
    "Testfilm",
    "testbild",
)
EDITOR_INSTRUCTIONS = ("redigeringsläget", "Ladda upp filmen", "redaktörer ser")
# A link elsewhere on the site that a GET would act on, or that is the admin's own.
SKIPPED_PREFIXES = ("/admin/", "/konto/logga-ut", "/accounts/logout")
PHONE = re.compile(r"(?<![\d+-])(0\d{1,3})-\d{2,3} \d{2}")
PAGE_LINK = re.compile(r'linktype=[\\"]*page[\\"]* id=[\\"]*(\d+)')


@shared
def demo_site():
    """The demo content, as `seed_demo` loads it."""
    call_command("seed_demo", verbosity=0)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.images, self.anchors_without_href = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            if "href" in attrs:
                self.urls.append(attrs["href"])
            elif "name" not in attrs and "id" not in attrs:
                self.anchors_without_href += 1  # how Wagtail renders a link to a lost page
        elif tag in ("img", "source", "track", "video") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "img":
            self.images.append(attrs)


def _parse(response):
    parser = _Links()
    parser.feed(response.content.decode())
    return parser


def _internal(url):
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _demo_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


def _text(page):
    return json.dumps(page.serializable_data(), ensure_ascii=False, default=str)


def _check_links(client, pages, ok_statuses, members_pages_ask_to_log_in=False):
    checked, problems = {}, []
    for page in pages:
        response = client.get(page.url)
        if members_pages_ask_to_log_in and response.status_code == 302:
            assert "/login/" in response["Location"], page.url
            continue
        if response.status_code != 200:
            problems.append(f"{page.url}: {response.status_code}")
            continue
        parsed = _parse(response)
        if parsed.anchors_without_href:
            problems.append(f"{page.url}: {parsed.anchors_without_href} link(s) to no page")
        for image in parsed.images:
            decorative = "news-thumb" in image.get("class", "")  # beside the post's own title
            if "alt" not in image or not (decorative or image["alt"].strip()):
                problems.append(f"{page.url}: image {image.get('src')} without alt text")
        for url in filter(None, map(_internal, parsed.urls)):
            if url not in checked:
                checked[url] = client.get(url).status_code
            if checked[url] not in ok_statuses:
                problems.append(f"{page.url} links {url}: {checked[url]}")
    return checked, problems


def test_every_link_and_picture_on_every_demo_page_works_for_the_administrator(demo_site):
    client = Client()
    client.force_login(get_user_model().objects.get(email="admin@demo.samverkan.se"))
    pages = _demo_pages()
    checked, problems = _check_links(client, pages, ok_statuses={200, 301, 302})
    assert problems == []
    assert len(pages) >= 70 and len(checked) >= 150
    # Rich-text links name pages by id: every id is a page that exists.
    known = set(Page.objects.values_list("pk", flat=True))
    lost = [(p.url, i) for p in pages for i in PAGE_LINK.findall(_text(p)) if int(i) not in known]
    assert lost == []
    assert sum(len(PAGE_LINK.findall(_text(p))) for p in pages) >= 3


def test_a_visitor_gets_every_public_page_and_its_links_work(demo_site):
    client = Client()
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    public = [p for p in _demo_pages() if not any(p.path.startswith(r) for r in restricted)]
    # A link to a members' page sends the visitor to the login, it is never broken.
    checked, problems = _check_links(
        client, public, ok_statuses={200, 301, 302}, members_pages_ask_to_log_in=True
    )
    assert problems == []
    assert len(public) >= 15 and len(checked) >= 30
    assert any(p.specific_class is NewsPostPage and p.main_image_id for p in public)


def test_pictures_are_made_for_the_demo_and_follow_their_pages(demo_site):
    posts = NewsPostPage.objects.exclude(main_image=None)
    assert posts.count() >= 8
    for post in posts:
        assert post.main_image_alt.strip(), post.title
        assert post.main_image.collection == collection_for_page(post), post.title
    blocks = [
        (page, block.value)
        for page in ContentPage.objects.all()
        for block in page.body
        if block.block_type == "image"
    ]
    assert len(blocks) >= 2
    for page, value in blocks:
        assert value["alt_text"].strip() and value["image"].collection == collection_for_page(page)
    kalmar = Municipality.objects.get(slug="kalmar")
    assert any(value["image"].collection == kalmar.collection for _page, value in blocks)
    assert len({post.main_image.file.name for post in posts}) >= 5


def test_the_content_is_real_and_varied(demo_site):
    pages = [p.specific for p in Page.objects.type(RoutinePage, GuidePage, AgreementPage)]
    for page in _demo_pages():
        text = _text(page)
        assert not [p for p in PLACEHOLDERS if p.lower() in text.lower()], page.title
    for model in (GuidePage, AgreementPage, RoutinePage):
        summaries = list(model.objects.values_list("summary", flat=True))
        assert len(set(summaries)) == len(summaries), model.__name__
        assert all(len(s) > 60 for s in summaries), model.__name__
    steps = [json.dumps(list(p.steps.raw_data)) for p in pages if isinstance(p, RoutinePage)]
    assert len(set(steps)) == len(steps)
    # What staff search first has a routine: every municipality with its own on absence.
    absence = RoutinePage.objects.live().search("skolfrånvaro")
    assert {m.slug for page in absence for m in page.municipalities.all()} >= {
        "kalmar",
        "sodertalje",
        "norrtalje",
    }
    for topic in ("orosanmälan", "ensamkommande", "SIP", "tolk", "boendeplan"):
        assert RoutinePage.objects.filter(title__icontains=topic).exists(), topic
    for agreement in AgreementPage.objects.all():
        assert agreement.commitments.count() >= 2 and agreement.valid_from, agreement.title


def test_public_news_speaks_to_readers_not_to_editors(demo_site):
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    public = [
        post
        for post in NewsPostPage.objects.live()
        if not any(post.path.startswith(r) for r in restricted)
    ]
    assert len(public) >= 6
    for post in public:
        text = _text(post).lower()
        assert not [s for s in EDITOR_INSTRUCTIONS if s.lower() in text], post.title


def _codes(text):
    return {code for code in PHONE.findall(text) if not code.startswith("07")}


def test_phone_numbers_have_the_municipality_s_area_code(demo_site):
    for organisation in PartnerOrganisation.objects.prefetch_related("municipalities_served"):
        served = {AREA_CODES[m.slug] for m in organisation.municipalities_served.all()}
        code = organisation.switchboard_phone.split("-")[0]
        if code == "010":  # a national number
            assert len(served) > 1, organisation.name
        else:
            assert code in served, organisation.name
    for contact in ContactPerson.objects.all():
        assert contact.phone.startswith("07"), contact.name  # mobiles, no area code
    kalmar = PartnerOrganisation.objects.get(name="BUP Kalmar län")
    assert kalmar.switchboard_phone.startswith("0480-")
    for municipality in Municipality.objects.filter(slug__in=AREA_CODES):
        section = municipality.section_page
        for page in Page.objects.descendant_of(section, inclusive=True).specific():
            assert _codes(_text(page)) <= {AREA_CODES[municipality.slug]}, page.title
        for page in Page.objects.type(NewsPostPage).specific():
            if page.municipality_id == municipality.pk:
                assert _codes(_text(page)) <= {AREA_CODES[municipality.slug]}, page.title


def test_the_demo_film_is_silent_and_its_captions_and_transcript_say_what_is_shown(demo_site):
    from news.demo_films import DURATION, TRANSCRIPT

    film = NewsPostPage.objects.get(slug="film-textning").body[0].value["film"]
    with film.captions.open("rb") as captions:
        cues = captions.read().decode().strip().split("\n\n")[1:]
    assert len(cues) >= 3 and film.duration == DURATION
    # Every cue says there is no sound, then describes the picture as the transcript does.
    assert all(re.search(r"\[[^\]]*inget ljud", cue, re.IGNORECASE) for cue in cues)
    said = " ".join(film.transcript.split())
    for cue in cues:
        shown = re.sub(r"\[[^\]]*\]", "", " ".join(cue.splitlines()[2:]))
        assert " ".join(shown.split()) in said
    assert film.transcript == TRANSCRIPT and "inget ljud" in said
