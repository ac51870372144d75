"""The admin speaks Swedish (issue 23): every admin view an editor reaches, and the portal
administrator's own, rendered in Swedish, and none of them shows a known English word.

What is checked is what a user reads or hears: the text of the page, the attributes a
browser shows or a screen reader reads (aria-label, title, placeholder, alt, tooltips,
the value of submit buttons) and the text in the admin's JSON (menu items, StreamField
block and panel definitions, JavaScript strings), HTML inside that JSON included. Titles
and names of our own content (pages, files, films, snippets, people, groups, workflows)
are taken out first: they are what the editors wrote.

The Swedish for Wagtail's, wagtailmedia's, taggit's and allauth's missing strings is in
portal/locale/sv/LC_MESSAGES/ (django.po and, for the admin's JavaScript, djangojs.po);
the words follow docs/glossary.md.
"""

import datetime
import html
import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Task, Workflow

from news.models import Film, NewsIndexPage
from portal.access import PORTAL_ADMINS_GROUP
from tests.factories import UserFactory, add_news_post, add_page
from tests.knowledge.factories import add_agreement, add_guide, add_index, add_routine
from tests.news.films import add_film
from tests.shared import shared

# Whole words and phrases in English that the admin showed before (issue 23) or that
# Wagtail and its packages show where a translation is missing. Case matters: "Filter"
# (the button) is English, "filter" in a Swedish sentence is not.
ENGLISH = [
    "Add video",
    "Add audio",
    "Choose video",
    "Choose another video",
    "Edit this video",
    "Media file",
    "Media files",
    "Autosave is paused",
    "Autosave is",
    "Exploring",
    "of",
    "the",
    "and",
    "you",
    "your",
    "this",
    "Image",
    "Quote",
    "Callout",
    "Document",
    "Save draft",
    "Publish",
    "Delete",
    "Edit",
    "Add",
    "Add child page",
    "Choose",
    "Search",
    "Sort by",
    "Filter",
    "Dashboard",
    "Pages",
    "Documents",
    "Images",
    "Settings",
    "Reports",
    "Help",
    "Log out",
    "Account",
    "Actions",
    "Saved",
    "Upload",
    "Uploaded",
    "Any",
    "Date updated",
    "Side panels",
    "Minimap",
    "Show issue",
    "Duration",
    "Cancel",
    "Preview",
    "Privacy",
    "History",
    "Usage",
    "Workflow",
    "Title",
    "Collection",
    "Tags",
]
ENGLISH_PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(ENGLISH, key=len, reverse=True))
    + r")(?![\w-])"
)
# Names that are the same in every language.
KEPT = ["Wagtail", "WebVTT"]

# Attributes whose text a user reads or hears.
READ_ATTRIBUTES = {
    "aria-label",
    "aria-description",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
}
# Keys of the admin's JSON (telepath block and panel definitions, the sidebar's menu, the
# accessibility checker's messages) that hold interface text.
TEXT_KEYS = {
    "label",
    "description",
    "helpText",
    "help_text",
    "title",
    "placeholder",
    "error_name",
    "footer_text",
    "display_name",
    "heading",
    "text",
}
# JSON objects whose every string is interface text.
STRING_TABLES = {"STRINGS", "strings", "messages"}
JSON_ATTRIBUTE = re.compile(r"^data-[\w-]*-value$")


def _json_texts(value, key=None, in_table=False):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _json_texts(v, k, in_table or k in STRING_TABLES)
    elif isinstance(value, list):
        for v in value:
            yield from _json_texts(v, key, in_table)
    elif isinstance(value, str):
        if "<" in value and ">" in value:
            yield from visible_texts(value)  # a widget's or a template's HTML
        elif in_table or key in TEXT_KEYS:
            yield value


def _json(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.in_script = 0
        self.json_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.in_script += 1
            self.json_script = tag == "script" and "json" in (attrs.get("type") or "")
        for name, value in attrs.items():
            if not value:
                continue
            if name in READ_ATTRIBUTES:
                self.texts.append(value)
            elif JSON_ATTRIBUTE.match(name) and value[:1] in "[{":
                self.texts.extend(_json_texts(_json(value)))
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.texts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.in_script:
            self.in_script -= 1
            self.json_script = False

    def handle_data(self, data):
        if not self.in_script:
            self.texts.append(data)
        elif self.json_script and data.strip():
            self.texts.extend(_json_texts(_json(data)))


def visible_texts(markup):
    """What a user of the page reads or hears, one string per text node or attribute."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    texts = (" ".join(html.unescape(text).split()) for text in parser.texts)
    return [text for text in texts if text]


def rendered(response):
    """The HTML of a page, or the HTML a chooser's or modal's JSON answer carries."""
    if "json" in response.get("Content-Type", ""):
        data = _json(response.content.decode())
        return data.get("html") or "" if isinstance(data, dict) else ""
    return response.content.decode()


def our_names():
    """Titles and names the portal's users wrote, longest first: not interface text."""
    names = set(KEPT)
    for model, field in [
        (Page, "title"),
        (get_document_model(), "title"),
        (get_image_model(), "title"),
        (Film, "title"),
        (Collection, "name"),
        (Group, "name"),
        (Workflow, "name"),
        (Task, "name"),
    ]:
        names.update(model.objects.values_list(field, flat=True))
    for user in get_user_model().objects.all():
        names.update({user.get_full_name(), user.email, user.get_username()})
    return sorted((name for name in names if name), key=len, reverse=True)


def english_in(markup, names):
    found = set()
    for text in visible_texts(markup):
        for name in names:
            text = text.replace(name, " ")
        found.update(
            f"{match.group(1)!r} in {text[:120]!r}" for match in ENGLISH_PATTERN.finditer(text)
        )
    return found


@shared
def admin_content(world):
    """A knowledge bank, a news section and a film in A's section, and a coordinator in the
    portal administrators' group."""
    section = world.content["A's section"]
    bank = add_index(section, title="Kalmars kunskapsbank", slug="kunskapsbank")
    news_index = add_page(section, model=NewsIndexPage, title="Nyheter Kalmar", slug="nyheter")
    pages = [
        add_routine(bank, title="Rutin för skolstart", slug="skolstart"),
        add_agreement(
            bank,
            valid_from=datetime.date(2026, 1, 1),
            valid_until=datetime.date(2027, 12, 31),
            title="Överenskommelse med BUP",
            slug="bup",
        ),
        add_guide(bank, title="Samtalsguide", slug="samtalsguide"),
        add_news_post(news_index, title="Ny samordnare", slug="samordnare"),
        world.content["page deep under A"],
    ]
    film = add_film(world.municipality_a.collection, title="Välkomstfilm")
    coordinator = UserFactory(
        email="samordnare@example.se", groups=[Group.objects.get(name=PORTAL_ADMINS_GROUP)]
    )
    return SimpleNamespace(
        section=section,
        parents=[section, bank, news_index],
        pages=pages,
        film=film,
        coordinator=coordinator,
    )


def _client(user):
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "sv"
    return client


def _menu_urls(client):
    """Every address in the admin's sidebar menu (its submenus included)."""
    sidebar = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        client.get("/admin/").content.decode(),
        re.S,
    )
    urls = set()

    def walk(value):
        if isinstance(value, dict):
            url = value.get("url")
            if isinstance(url, str) and url.startswith("/admin/"):
                urls.add(url)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(sidebar.group(1)))
    return urls - {"/admin/logout/"}


def _page_create_urls(client, parent):
    """The create form of every page type the user may add under `parent`."""
    response = client.get(f"/admin/pages/{parent.pk}/add_subpage/")
    if response.status_code == 302:  # only one type: Wagtail goes straight to its form
        return {response["Location"]}
    return set(re.findall(r'href="(/admin/pages/add/[\w]+/[\w]+/\d+/)"', response.content.decode()))


def _snippet_urls(client):
    listings = set(
        re.findall(
            r'href="(/admin/snippets/[\w]+/[\w]+/)"',
            client.get("/admin/snippets/").content.decode(),
        )
    )
    return listings | {url + "add/" for url in listings}


def editor_urls(client, content, world):
    image, document = world.content["A's image"], world.content["A's document"]
    urls = {
        "/admin/",
        "/admin/pages/search/?q=skola",
        "/admin/account/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/images/chooser/",
        f"/admin/images/{image.pk}/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/documents/chooser/",
        f"/admin/documents/edit/{document.pk}/",
        "/admin/media/",
        "/admin/media/video/add/",
        "/admin/media/chooser/",
        "/admin/media/chooser/?q=film",
        f"/admin/media/edit/{content.film.pk}/",
        f"/admin/media/usage/{content.film.pk}/",
        "/admin/choose-page/",
    }
    for parent in content.parents:
        urls |= {f"/admin/pages/{parent.pk}/", f"/admin/pages/{parent.pk}/edit/"}
        urls |= _page_create_urls(client, parent)
    for page in content.pages:
        urls |= {
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/history/",
            f"/admin/pages/{page.pk}/revisions/",
            f"/admin/pages/{page.pk}/privacy/",
            f"/admin/pages/{page.pk}/workflow_history/",
            f"/admin/pages/{page.pk}/usage/",
        }
    return urls | _menu_urls(client) | _snippet_urls(client)


ADMIN_ONLY = [
    "/admin/users/",
    "/admin/users/new/",
    "/admin/groups/",
    "/admin/collections/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/sites/",
    "/admin/redirects/",
    "/admin/inbjudningar/",
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/",
]


def sweep(client, urls):
    """{address: English found} for every address; each must answer with a page."""
    names = our_names()
    problems = {}
    for url in sorted(urls):
        response = client.get(url)
        if response.status_code == 302 and urlsplit(response["Location"]).path.startswith(
            "/admin/"
        ):
            url = response["Location"]
            response = client.get(url)
        if response.status_code != 200:
            problems[url] = {f"answered {response.status_code}"}
            continue
        found = english_in(rendered(response), names)
        if found:
            problems[url] = found
    return problems


def test_every_admin_view_an_editor_reaches_is_in_swedish(world, admin_content):
    client = _client(world.users["editor of A"])
    urls = editor_urls(client, admin_content, world)
    # The views the issue named are among them.
    assert {"/admin/media/video/add/", "/admin/media/chooser/"} <= urls
    assert any("/admin/pages/add/knowledge/routinepage/" in url for url in urls)
    assert sweep(client, urls) == {}


def test_the_portal_administrators_admin_is_in_swedish(world, admin_content):
    client = _client(admin_content.coordinator)
    urls = {
        "/admin/",
        f"/admin/pages/{Page.get_first_root_node().pk}/",
        f"/admin/pages/{admin_content.section.pk}/",
        f"/admin/pages/{admin_content.section.pk}/edit/",
        "/admin/media/",
        "/admin/media/video/add/",
        *ADMIN_ONLY,
    }
    assert sweep(client, urls | _menu_urls(client) | _snippet_urls(client)) == {}


def test_streamfield_blocks_have_swedish_names(world, admin_content):
    client = _client(world.users["editor of A"])
    routine = admin_content.pages[0]
    labels = set()
    for definition in re.findall(
        r'data-w-block-data-value="([^"]+)"',
        client.get(f"/admin/pages/{routine.pk}/edit/").content.decode(),
    ):
        labels.update(_json_texts(json.loads(html.unescape(definition))))
    # Capitalised as Wagtail's own labels and the form's field labels are.
    assert {"Bild", "Citat", "Faktaruta", "Dokument", "Rubrik", "Numrerade steg"} <= labels
    assert not {"Image", "Quote", "Callout", "Document", "Embed", "Numbered steps"} & labels


def test_the_admins_javascript_strings_are_swedish(client, world):
    # Wagtail's JavaScriptCatalog merges portal/locale/sv/LC_MESSAGES/djangojs.po over its own.
    client.force_login(world.users["editor of A"])
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for swedish in (
        "Sparar automatiskt…",
        "Fäst verktygsfältet",
        "Flytta ned",
        "Ett serverfel uppstod.",
    ):
        assert json.dumps(swedish)[1:-1] in catalogue or swedish in catalogue
    # Wagtail's own Swedish is still there.
    assert "Flytta upp" in catalogue or json.dumps("Flytta upp")[1:-1] in catalogue


def test_english_words_are_found_in_what_a_user_reads_and_not_in_our_titles():
    markup = (
        '<h1>Rutin för skolstart</h1><button aria-label="Search">Sök</button>'
        '<input type="submit" value="Spara"><div class="Edit" data-x="Edit">Redigera</div>'
        '<script>var x = "Delete";</script>'
        '<script type="application/json">{"label": "Image", "name": "image"}</script>'
    )
    found = english_in(markup, ["Rutin för skolstart"])
    assert {text.split(" in ")[0] for text in found} == {"'Search'", "'Image'"}
    assert not english_in("<p>Översikt of</p>".replace(" of", ""), [])
    assert english_in("<p>1–3 of 3 sidor</p>", [])
    assert not english_in("<p>Images of Kalmar</p>", ["Images of Kalmar"])


# allauth's own Swedish says "epost-adress" and "tvåfaktorsautentisering"; the overrides
# in portal/locale follow docs/glossary.md.
NOT_OUR_WORDS = re.compile(r"(?i)\bepost|e-post-adress|tvåfaktor|\bladda ner\b|\bmail\b")


def test_account_pages_are_in_swedish_and_use_the_glossarys_words(world):
    client = _client(world.users["editor of A"])
    urls = ["/konto/mitt-konto/", "/konto/email/", "/konto/password/change/", "/konto/2fa/"]
    urls.append("/konto/sessions/")
    assert sweep(client, urls) == {}
    for url in urls:
        text = " ".join(visible_texts(client.get(url).content.decode()))
        assert not NOT_OUR_WORDS.findall(text), url
    assert "E-postadress" in " ".join(visible_texts(client.get("/konto/email/").content.decode()))


def test_wagtails_default_workflow_has_a_swedish_name(world, admin_content):
    client = _client(world.users["superuser"])
    html = client.get("/admin/workflows/list/", follow=True).content.decode()
    assert "Godkännande av moderatorer" in html
    assert "Moderators approval" not in html
