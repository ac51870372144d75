"""The leak crawl: every address the portal serves, as every kind of user, site and admin.

One test builds the marked content (tests/crawl/marked.py), then for each user of the access
matrix, the superuser first:
1. crawls, in three parts that xdist runs side by side (`PARTS`), the site from the home
   page, the sitemap, robots.txt and the search page; the admin's page tree from its
   explorer; and the rest of the admin from its dashboard; following every same-host
   address the answers name;
2. asks the admin for every marked item by id (edit forms, history, revisions, previews,
   usage, copy/move/delete confirmations, the choosers' "chosen" answers) and each chooser
   by search for every marker of its kind;
3. replays every address the superuser requested, and the same with each object id one
   below and one above. A user the admin turns away at its door (written out in marked.py)
   gets every site address and one address per admin view, about an item they may not see
   where there is one: the door is the same for every id, and the judge fails any admin
   answer to them but a refusal;
4. (site part) asks each logged-in user's personal news feed, at the secret address made
   for them, and searches the site and its autocomplete for every marker (last: a search
   that finds nothing is counted in an admin report, which would show the words to the next
   crawl).

Listings are cut to a page of one or two items, so that every listing has later pages.
Each answer is judged against the expectation written out in marked.py: a marker shows,
and an address about an item answers 2xx, only for users who may see that item; a refused
visitor is sent to log in, a refused member gets 403 or 404. Any 5xx fails too. The table of
requests and leaks per user and channel is printed at the end of the run
(tests/crawl/conftest.py) and kept in var/crawl-report-<database>.txt.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import Page

from knowledge import listing as knowledge_listing
from news import feeds, testimonial_views
from news import listing as news_listing
from news import models as news_models
from partners.models import PartnerDirectoryPage, PartnerOrganisation
from subscriptions import digest, tokens
from subscriptions import views as subscription_views
from subscriptions.models import Preference
from tests.crawl.crawler import COMMON_WORD, Crawler, Judge, Report, view_of
from tests.crawl.marked import ADMIN_USERS, USERS

pytestmark = [pytest.mark.crawl, pytest.mark.django_db]

PAGE_KINDS = {"page", "routine", "agreement", "guide", "news", "goal"}
LOGIN_PATHS = {"/konto/login/", "/admin/login/", "/_util/login/"}
# A request budget per user's own crawl: far above what it needs today (see the table), so
# that a crawl cut short is a failure to look into, not a silent gap.
MAX_REQUESTS = 4000

# Admin and file addresses that are about one object, by model.
ABOUT = [
    (r"^/admin/pages/(\d+)/", "page"),
    (r"^/admin/choose-page/(\d+)/", "page"),
    (r"^/admin/kunskapsbanken/granskad/(\d+)/", "page"),
    # Who has read a knowledge page (its editors), and the site's confirm form (POST only).
    (r"^/admin/kunskapsbanken/lasbekraftelser/(\d+)/", "page"),
    (r"^/bekrafta/(\d+)/", "page"),
    (r"^/admin/documents/(?:edit/|delete/|usage/|multiple/|chooser/chosen/)(\d+)/", "document"),
    (r"^/dokument/(\d+)/", "document"),
    (r"^/admin/images/(?:usage/|multiple/|chooser/chosen/|chooser/)?(\d+)/", "image"),
    (r"^/bilder/[^/]*/(\d+)/", "image"),
    (r"^/admin/media/(?:edit/|delete/|usage/|chooser/)(\d+)/", "film"),
    (
        r"^/admin/snippets/(?:choose/)?partners/partnerorganisation/(?:[\w-]+/)?(\d+)/",
        "organisation",
    ),
    (r"^/admin/contact_person_chooser/chosen/(\d+)/", "contact"),
    (r"^/admin/snippets/(?:choose/)?news/testimonial/(?:[\w-]+/)?(\d+)/", "testimonial"),
    # The site's own routes by id (the testimonials page and the directory marked.py makes).
    (r"^/roster/(\d+)/", "testimonial"),
    (r"^/partnerkatalog/[^/]+/kontakt/(\d+)/", "contact"),
    # A goal's entry views in the admin, by its page id (its site routes follow the page).
    (r"^/admin/mal/(\d+)/", "goal"),
]

# The admin's choosers, searched for each marker of their kind.
CHOOSER_SEARCH = {
    "page": "/admin/choose-page/search/?q={}",
    "document": "/admin/documents/chooser/results/?q={}",
    "image": "/admin/images/chooser/results/?q={}",
    "film": "/admin/media/chooser/?q={}",
    "organisation": "/admin/snippets/choose/partners/partnerorganisation/results/?q={}",
    "contact": "/admin/contact_person_chooser/results/?q={}",
    "testimonial": "/admin/snippets/choose/news/testimonial/results/?q={}",
}
SITE_SEARCHES = ["/sok/?q={}", "/sok/forslag/?q={}"]

# Every admin view of one object, by kind: forms, history, revisions, previews, usage and
# the choosers' "chosen" answers.
BY_ID = {
    "page": [
        "/admin/pages/{}/",
        "/admin/pages/{}/edit/",
        "/admin/pages/{}/view_draft/",
        "/admin/pages/{}/history/",
        "/admin/pages/{}/revisions/",
        "/admin/pages/{}/revisions/compare/live...latest/",
        "/admin/pages/{}/revisions/compare/earliest...latest/",
        "/admin/pages/{}/revisions/{latest}/view/",
        "/admin/pages/{}/usage/",
        "/admin/pages/{}/workflow_history/",
        "/admin/pages/{}/copy/",
        "/admin/pages/{}/move/",
        "/admin/pages/{}/delete/",
        "/admin/pages/{}/unpublish/",
        "/admin/pages/{}/add_subpage/",
        "/admin/choose-page/{}/",
        "/admin/choose-page/chosen-multiple/?id={}",
    ],
    "document": [
        "/admin/documents/edit/{}/",
        "/admin/documents/delete/{}/",
        "/admin/documents/usage/{}/",
        "/admin/documents/chooser/chosen/{}/",
        "/admin/documents/chooser/chosen-multiple/?id={}",
    ],
    "image": [
        "/admin/images/{}/",
        "/admin/images/{}/delete/",
        "/admin/images/usage/{}/",
        "/admin/images/{}/generate_url/",
        "/admin/images/{}/preview/original/",
        "/admin/images/chooser/chosen/{}/",
        "/admin/images/chooser/{}/select_format/",
        "/admin/images/chooser/chosen-multiple/?id={}",
    ],
    "film": [
        "/admin/media/edit/{}/",
        "/admin/media/delete/{}/",
        "/admin/media/usage/{}/",
        "/admin/media/chooser/{}/",
    ],
    "organisation": [
        "/admin/snippets/partners/partnerorganisation/edit/{}/",
        "/admin/snippets/partners/partnerorganisation/history/{}/",
        "/admin/snippets/partners/partnerorganisation/history/{}/revisions/compare/earliest...latest/",
        "/admin/snippets/partners/partnerorganisation/usage/{}/",
        "/admin/snippets/partners/partnerorganisation/copy/{}/",
        "/admin/snippets/partners/partnerorganisation/delete/{}/",
        "/admin/snippets/choose/partners/partnerorganisation/chosen/{}/",
        "/admin/snippets/choose/partners/partnerorganisation/chosen-multiple/?id={}",
    ],
    "contact": [
        "/admin/contact_person_chooser/chosen/{}/",
        "/admin/contact_person_chooser/chosen-multiple/?id={}",
    ],
    "testimonial": [
        "/admin/snippets/news/testimonial/edit/{}/",
        "/admin/snippets/news/testimonial/history/{}/",
        "/admin/snippets/news/testimonial/history/{}/revisions/compare/live...latest/",
        "/admin/snippets/news/testimonial/history/{}/revisions/compare/earliest...latest/",
        "/admin/snippets/news/testimonial/usage/{}/",
        "/admin/snippets/news/testimonial/copy/{}/",
        "/admin/snippets/news/testimonial/delete/{}/",
        "/admin/snippets/news/testimonial/unpublish/{}/",
        "/admin/snippets/choose/news/testimonial/chosen/{}/",
        "/admin/snippets/choose/news/testimonial/chosen-multiple/?id={}",
        # On the site: a testimonial's own page.
        "/roster/{}/",
    ],
    # A knowledge page's own: who has read it (those of A, B and the shared space ask
    # their audience to confirm them).
    **{
        kind: ["/admin/kunskapsbanken/lasbekraftelser/{}/"]
        for kind in ("routine", "agreement", "guide")
    },
    # A goal is a page (the page's views above); these are its own: the values grid, the
    # CSV import and its template, the Kolada import.
    "goal": [
        "/admin/mal/{}/varden/",
        "/admin/mal/{}/import/",
        "/admin/mal/{}/import/mall.csv",
        "/admin/mal/{}/kolada/",
    ],
}
# The models whose latest revision BY_ID names ({latest}).
REVISED = {
    "page": Page,
    "organisation": PartnerOrganisation,
    "testimonial": news_models.Testimonial,
}


def _model_of(kind):
    return "page" if kind in PAGE_KINDS else kind


def _views_of(kind):
    """The BY_ID entries an item of `kind` is asked by: its model's, and the kind's own
    (a goal has the page's and its entry views)."""
    return [name for name in dict.fromkeys([_model_of(kind), kind]) if name in BY_ID]


class Owners:
    """Which marked item an address is about: by model and id, or by the marker in its
    path (page slugs and file names carry the marker)."""

    def __init__(self, marked):
        self.by_id = {}
        self.by_marker = {}
        for item in marked.items:
            # A live page with an unpublished revision is public; only its revision is not.
            if item.scope == "revision":
                continue
            self.by_id[(_model_of(item.kind), item.obj.pk)] = item
            self.by_marker[item.marker] = item
        self.patterns = [(re.compile(p), model) for p, model in ABOUT]
        self.markers = re.compile("|".join(self.by_marker))

    def __call__(self, path):
        for pattern, model in self.patterns:
            match = pattern.match(path)
            if match:
                return self.by_id.get((_model_of(model), int(match.group(1))))
        match = self.markers.search(path)
        return self.by_marker[match.group(0)] if match else None


def _client(user):
    # A server error is an answer to record, not an exception to stop at.
    client = Client(raise_request_exception=False)
    if getattr(user, "pk", None):  # the inactive user too: the session must not let them in
        client.force_login(user)
    return client


def _admin_probes(marked, wanted):
    """The admin by id and its choosers by search, for every marked item of the models
    `wanted` accepts."""
    urls = []
    for item in marked.items:
        for model in _views_of(item.kind):
            if not wanted(model):
                continue
            latest = None
            if model in REVISED:
                rows = REVISED[model].objects.filter(pk=item.obj.pk)
                latest = rows.values_list("latest_revision_id", flat=True).first()
            for template in BY_ID[model]:
                if "{latest}" not in template or latest:
                    urls.append(template.format(item.obj.pk, latest=latest))
            if model in CHOOSER_SEARCH:
                urls.append(CHOOSER_SEARCH[model].format(item.marker))
    return urls


def _site_searches(marked):
    # Besides each marker: a word every marked text holds, and the letters every marker
    # starts with as the autocomplete's prefix, which list everything the reader may see.
    words = [*marked.markers, COMMON_WORD, "mx"]
    return [template.format(word) for word in words for template in SITE_SEARCHES]


def _neighbours(urls, owners):
    """Each address about an object, with the id one below and one above."""
    out = set()
    for url in urls:
        path = url.partition("?")[0]
        for pattern, _model in owners.patterns:
            match = pattern.match(path)
            if match:
                pk = int(match.group(1))
                for other in (pk - 1, pk + 1):
                    start, end = match.span(1)
                    out.add(url[:start] + str(other) + url[end:])
                break
    return out - set(urls)


def _at_the_door(urls, owners, user):
    """For a user the admin turns away at its door: every site address, and of the admin
    one address per view (per path with its ids replaced), about an item this user may not
    see where there is one. The door is the same for every address of a view, and the judge
    fails any admin answer but a refusal for these users."""
    site = [u for u in urls if not u.startswith("/admin/")]
    per_view = {}
    for url in (u for u in urls if u.startswith("/admin/")):
        path, _, query = url.partition("?")
        key = (view_of(path), bool(query))
        item = owners(path)
        hidden = item is not None and user not in item.may_see
        if key not in per_view or (hidden and not per_view[key][0]):
            per_view[key] = (hidden, url)
    return site + sorted(url for _hidden, url in per_view.values())


def _personal_feeds(world):
    """Each logged-in user's personal feed and the digest's unsubscribe page, at the secret
    addresses made for them (the inactive user's too: they must open nothing)."""
    return {
        name: [
            f"/nyheter-flode/{feeds.new_token(user)}/",
            f"/bevakningar/avsluta/{tokens.make_token(user)}/",
        ]
        for name, user in world.users.items()
        if getattr(user, "pk", None)
    }


def _short_pages(monkeypatch):
    """A page of one or two items in every listing of the site, so each has later pages."""
    monkeypatch.setattr(knowledge_listing, "PAGE_SIZE", 2)
    monkeypatch.setattr(news_listing, "PAGE_SIZE", 1)
    monkeypatch.setattr(testimonial_views, "PAGE_SIZE", 1)
    monkeypatch.setattr(PartnerDirectoryPage, "page_size", 2)
    monkeypatch.setattr(subscription_views, "PER_PAGE", 5)


# The crawl in three parts, so that xdist spreads them over its workers: the site
# (every address outside /admin/, searches and feeds); the admin's page tree (explorer,
# page views, the page chooser); the rest of the admin (files, snippets, choosers,
# reports, settings), with the files and images it links to. Each part has its own
# superuser crawl to replay as everyone else.
ADMIN_PAGES = ("/admin/pages/", "/admin/choose-page/")
FILES = ("/dokument/", "/bilder/", "/media/")
PARTS = {
    "site": {
        # What one follows and the bell's notifications: linked from the header, and asked
        # here too so that no crawl depends on the link being found.
        "start": [
            "/",
            "/sitemap.xml",
            "/robots.txt",
            "/sok/",
            "/bevakningar/",
            "/bevakningar/nytt/",
        ],
        "follows": lambda url: not url.startswith("/admin/"),
        "probes": lambda model: False,
    },
    "admin pages": {
        "start": ["/admin/pages/"],
        "follows": lambda url: url.startswith(ADMIN_PAGES),
        "probes": lambda model: model == "page",
    },
    "admin": {
        "start": ["/admin/"],
        "follows": lambda url: (
            url.startswith(FILES) or (url.startswith("/admin/") and not url.startswith(ADMIN_PAGES))
        ),
        "probes": lambda model: model != "page",
    },
}


@pytest.mark.parametrize("part", PARTS)
def test_no_user_sees_what_they_may_not_through_any_channel(
    world, marked, crawl_report, monkeypatch, part
):
    _short_pages(monkeypatch)
    owners = Owners(marked)
    judge = Judge(marked.markers, owners, LOGIN_PATHS, ADMIN_USERS)
    report = Report()
    start = PARTS[part]["start"]
    probes = _admin_probes(marked, PARTS[part]["probes"])

    crawls = {}
    for name in ["superuser"] + [u for u in USERS if u != "superuser"]:
        crawler = Crawler(_client(world.users[name]), name, judge, report, MAX_REQUESTS)
        crawler.follows = PARTS[part]["follows"]
        crawler.crawl(start)
        assert not crawler.truncated, f"{name}'s crawl passed {MAX_REQUESTS} requests"
        if name in ADMIN_USERS:
            crawler.crawl(probes, follow=False)
        else:
            crawler.crawl(_at_the_door(probes, owners, name), follow=False)
        crawls[name] = crawler
    replay = sorted(crawls["superuser"].seen)
    neighbours = sorted(_neighbours(replay, owners))
    for name, crawler in crawls.items():
        if name in ADMIN_USERS:
            crawler.crawl(replay + neighbours, follow=False)
        else:
            crawler.crawl(_at_the_door(replay + neighbours, owners, name), follow=False)
    if part == "site":
        for name, addresses in _personal_feeds(world).items():
            crawls[name].crawl(addresses, follow=False)
        # Searches last: one that finds nothing is counted in the admin's report of such
        # searches, which would otherwise show the next user's crawl the words typed here.
        for crawler in crawls.values():
            crawler.crawl(_site_searches(marked), follow=False)

    crawl_report(part, report.table(USERS), report.leaks)
    assert report.leaks == [], "\n".join(str(leak) for leak in report.leaks[:60])


def test_no_digest_names_what_its_reader_may_not_see(world, marked):
    """The digest mail is no address to crawl: every user with the marked notifications
    (one of every page of every scope, as if made before they lost access) gets their
    digest, and no marker of an item they may not see is in it."""
    judge = Judge(marked.markers, Owners(marked), LOGIN_PATHS, ADMIN_USERS)
    mail.outbox = []
    sent = {}
    for name, user in world.users.items():
        if not getattr(user, "pk", None):
            continue
        before = len(mail.outbox)
        digest.send_digest(user.pk, Preference.DEFAULT, key="crawl")
        sent[name] = mail.outbox[before:]
    leaks = []
    for name, messages in sent.items():
        for message in messages:
            text = " ".join([message.subject, message.body, *message.extra_headers.values()])
            for mark in judge.count(text):
                if not judge.may_see(name, "/", marked.markers[mark]):
                    leaks.append(f"{name}'s digest shows {mark}")
    assert leaks == []
    # Not vacuous: staff get their mail, naming what they may see; the inactive user none.
    assert len(sent["staff of A"]) == 1 and "mxrutinkalmarmx" in sent["staff of A"][0].body
    assert "mxsidadeladmx" in sent["partner user"][0].body
    assert sent["inactive user"] == []
    # The knowledge pages of A, B and the shared space ask for confirmation (marked.py).
    for scope in ("A", "B", "shared"):
        page = type(marked.get("routine", scope)).objects.get(pk=marked.get("routine", scope).pk)
        assert page.confirm_revision_id is not None


def test_the_new_channels_answer_what_the_crawl_judges(world, marked, monkeypatch):
    """The crawl's new addresses are not empty answers: A's editor opens who has read A's
    routine, staff of A find their notifications (A's, never B's) over several pages."""
    _short_pages(monkeypatch)
    routine = marked.get("routine", "A")
    editor = _client(world.users["editor of A"])
    assert editor.get(f"/admin/kunskapsbanken/lasbekraftelser/{routine.pk}/").status_code == 200
    staff = _client(world.users["staff of A"])
    pages = [staff.get("/bevakningar/nytt/"), staff.get("/bevakningar/nytt/?sida=2")]
    text = " ".join(page.content.decode() for page in pages)
    assert all(page.status_code == 200 for page in pages)
    assert re.search(r"mx[a-z]+mx", text) and "mxrutinsodertmx" not in text
    assert "data-unread" in staff.get("/").content.decode()
