"""A same-host crawler for the Django test client, and the verdict on each answer.

It follows every address a response names: links, `src`/`srcset`, form actions, quoted
paths in inline data (the admin keeps chooser and listing URLs in `data-*` attributes and
JSON), sitemap `<loc>` and feed `<link>` entries, and the site's GET forms (each choice of
a filter on its own, a text box filled with a word every marked text holds). It only ever
sends GET, as a curious reader with a browser would, and never follows a way out (log-out,
language switch).
"""

import html
import io
import json
import re
import time
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

# Quoted same-host paths anywhere in a text response (after unescaping HTML entities).
QUOTED_PATH = re.compile(r"""["'](/(?!/)[^"'\s<>{}]*)["']""")
ABSOLUTE = re.compile(r"""https?://testserver(/[^"'\s<>{}]*)""")
# Links relative to the page (a listing's `?sida=2`), which QUOTED_PATH does not see.
# (Not `data-action`: the admin's Stimulus actions are no addresses.)
LINK_ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?:href|src|action|poster)\s*=\s*["']([^"']+)["']""", re.I
)
SRCSET = re.compile(r"""srcset\s*=\s*["']([^"']+)["']""")
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S | re.I)
OPTION_VALUE = re.compile(r"""<option\b[^>]*\bvalue\s*=\s*["']([^"']*)["']""", re.I)
INPUT = re.compile(r"<input\b([^>]*)>", re.I)
# A word in every marked item's text (marked.py `_text`): a text box filled with it lists
# everything the reader may see, and the marker of anything else.
COMMON_WORD = "handlar"
# The first few choices of each filter: the municipalities, types and statuses are all
# there; a long list of organisation kinds holds nothing more to learn.
MAX_OPTIONS_PER_FILTER = 4

# Never requested: ways out, deliberate error pages, static assets and the admin's
# JavaScript catalogue, none of which depends on who asks; and two kinds of page view that
# hold nothing of their own: the explorer's and history's `results/` (the same rows as the
# view they belong to, for its script) and a GET of the edit form's preview (empty until
# an edit is posted to it; saved revisions are seen through their revision views).
SKIP = re.compile(
    r"^/(static/|admin/jsi18n/|admin/sprite/|admin/failwhale/|admin/test404/|admin/logout/"
    r"|konto/logout/|sprak/|favicon|admin/editing-sessions/"
    r"|admin/pages/\d+/(history/)?results/|admin/pages/\d+/edit/preview/)"
)
SEARCH_PATHS = {"/sok/", "/sok/forslag/"}
# The admin's own doors, open to anyone.
OPEN_ADMIN = re.compile(r"^/admin/(login|password_reset)/")
# Where to go after a form is sent, and a listing's sort order: the same view and the same
# objects whatever they say (left out, a listing's filters get the per-path budget below).
IGNORED_PARAMETERS = {"next", "ordering"}
# How many different query strings one path is tried with (sort orders, filters, pages):
# enough for pagination and every filter link of a listing, not their product. A view of
# one object (its path holds an id) is about that object whatever the query says.
MAX_QUERIES_PER_PATH = 3
MAX_QUERIES_PER_OBJECT_PATH = 1
# The site's listings have few query strings but each filter matters (a municipality, a
# type): every choice of their forms is tried.
MAX_QUERIES_PER_SITE_PATH = 16
OBJECT_PATH = re.compile(r"/\d+/")
# A later page of the same listing is another set of objects: never capped.
PAGINATION_PARAMETERS = {"p", "page", "sida"}

CHANNELS = ["pages", "files", "images", "exports", "feeds+sitemap", "search", "admin"]


def channel_of(url):
    path = urlsplit(url).path
    if path.startswith("/admin/"):
        return "admin"
    if path.startswith("/sok/"):
        return "search"
    if path.startswith(("/bilder/", "/media/images/", "/media/original_images/")):
        return "images"
    if path.startswith(("/dokument/", "/media/")):
        return "files"
    if "export" in url or path.endswith((".csv", ".vcf")) or re.search(r"/(csv|vcard|vcf)/", path):
        return "exports"
    if re.search(r"(sitemap\.xml|robots\.txt|/rss/|/atom/|nyheter-flode/)", path):
        return "feeds+sitemap"
    return "pages"


def normalise(base, link):
    """The link as a same-host path with its query, or None."""
    link = html.unescape(link.strip())
    if not link or link.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(urljoin(base, link))
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    if SKIP.match(parts.path) or "%7B" in parts.path or "__" in parts.path:
        return None
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted((k, v) for k, v in pairs if k not in IGNORED_PARAMETERS))
    return parts.path + (f"?{query}" if query else "")


def _attribute(attributes, name):
    match = re.search(rf"""(?<![\w-]){name}\s*=\s*["']([^"']*)["']""", attributes, re.I)
    return html.unescape(match.group(1)) if match else None


def form_queries(url, text):
    """The site's GET forms as addresses: each filter choice on its own, each text box
    filled with COMMON_WORD. The admin's filter forms are left out (their choices are links
    too, and the admin's budget is spent on its objects)."""
    if urlsplit(url).path.startswith("/admin/"):
        return set()
    found = set()
    for attributes, inner in FORM.findall(text):
        if (_attribute(attributes, "method") or "get").lower() != "get":
            continue
        action = _attribute(attributes, "action") or urlsplit(url).path
        pairs = []
        for select_attributes, options in SELECT.findall(inner):
            name = _attribute(select_attributes, "name")
            values = [html.unescape(v) for v in OPTION_VALUE.findall(options) if v]
            pairs += [(name, v) for v in values[:MAX_OPTIONS_PER_FILTER] if name]
        for input_attributes in INPUT.findall(inner):
            name = _attribute(input_attributes, "name")
            kind = (_attribute(input_attributes, "type") or "text").lower()
            if not name:
                continue
            if kind in ("checkbox", "radio"):
                pairs.append((name, _attribute(input_attributes, "value") or "on"))
            elif kind in ("text", "search"):
                pairs.append((name, COMMON_WORD))
        found.update(f"{action}?{urlencode([pair])}" for pair in pairs)
    return found


def links_in(url, response, text):
    """Every same-host address the response names."""
    kind = response.get("Content-Type", "")
    found = set()
    if "json" in kind:
        try:
            text = json.dumps(json.loads(text))
        except ValueError:
            pass
        text = text.replace("\\/", "/").replace('\\"', '"')
    if not any(t in kind for t in ("html", "json", "xml", "text/plain")):
        return found
    unescaped = html.unescape(text)
    for match in QUOTED_PATH.finditer(unescaped):
        found.add(match.group(1))
    for match in ABSOLUTE.finditer(unescaped):
        found.add(match.group(1))
    if "html" in kind:
        found.update(match.group(1) for match in LINK_ATTRIBUTE.finditer(text))
    for match in SRCSET.finditer(text):
        for candidate in html.unescape(match.group(1)).split(","):
            if candidate.strip():
                found.add(candidate.strip().split()[0])
    if "html" in kind:
        found.update(form_queries(url, text))
    location = response.get("Location")
    if location:
        found.add(location)
    return {u for u in (normalise(url, link) for link in found) if u}


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def text_of(body):
    """The answer as text to look for markers in; a zip (the admin's XLSX exports) by the
    text of every file inside it, which its compression hides from a plain search."""
    if body[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                body = b" ".join(archive.read(name) for name in archive.namelist())
        except (zipfile.BadZipFile, OSError):
            pass
    return body.decode("utf-8", "replace")


@dataclass
class Leak:
    user: str
    channel: str
    url: str
    status: int
    problem: str

    def __str__(self):
        return f"{self.user} · {self.channel} · {self.status} {self.url}: {self.problem}"


@dataclass
class Report:
    tried: dict = field(default_factory=lambda: defaultdict(Counter))
    timing: dict = field(default_factory=lambda: defaultdict(Counter))
    leaks: list = field(default_factory=list)

    def count(self, user, url):
        self.tried[user][channel_of(url)] += 1

    def table(self, users):
        leaks = defaultdict(Counter)
        for leak in self.leaks:
            leaks[leak.user][leak.channel] += 1
        width = max(len(u) for u in users)
        head = f"{'user':<{width}} | " + " | ".join(f"{c:>13}" for c in CHANNELS) + " | seconds"
        lines = [
            "URLs tried / leaks found, per user and channel",
            head,
            "-" * len(head),
        ]
        for user in users:
            cells = [f"{self.tried[user][c]:>6} / {leaks[user][c]:<4}" for c in CHANNELS]
            seconds = sum(self.timing[user].values())
            lines.append(
                f"{user:<{width}} | " + " | ".join(f"{c:>13}" for c in cells) + f" | {seconds:7.1f}"
            )
        total_tried = sum(sum(c.values()) for c in self.tried.values())
        lines.append(f"total: {total_tried} requests, {len(self.leaks)} leaks")
        return "\n".join(lines)


# Put in place of a marker the user typed, to learn how often an address repeats what it
# was asked (a search box, a "not found" page, a log-in link back): shaped like a marker,
# it names nothing.
INERT = "mxingetmx"


def is_admin(path):
    return path.startswith("/admin/")


class Judge:
    """Decides, for one answer to one user, whether it shows what that user may not see.

    `items` maps each marker to the item it marks; `owner_of(path)` names the marked item an
    admin or file address is about (by model and id), or None. Who may see an item differs
    between the admin (`may_see`) and the site (`may_see_on_site`: a draft is for its editors
    in the admin, for nobody on the site)."""

    def __init__(self, items, owner_of, login_paths, admin_users):
        self.items = items
        self.admin_users = admin_users
        # Markers are lower-case; a template may still capitalise or upper-case them.
        self.markers = re.compile("|".join(re.escape(m) for m in items), re.I)
        self.owner_of = owner_of
        self.login_paths = login_paths

    def may_see(self, user, path, item):
        return user in (item.may_see if is_admin(path) else item.may_see_on_site)

    def count(self, text):
        return Counter(m.lower() for m in self.markers.findall(text))

    def problems(self, user, url, response, body, echo=None):
        """`echo(mark)` answers how often, and with which status, the same address with the
        marker `mark` replaced by INERT repeats INERT: what the address itself brings back."""
        status = response.status_code
        found = []
        if status >= 500:
            found.append("server error")
        path = urlsplit(url).path
        asked = {m.lower() for m in self.markers.findall(url)}
        headers = " ".join(response.get(h, "") for h in ("Location", "Content-Disposition", "Link"))
        shown = self.count(text_of(body) + " " + headers)
        for mark in sorted(shown):
            if self.may_see(user, path, self.items[mark]):
                continue
            if mark not in asked:
                found.append(f"shows {mark}")
                continue
            # What the user typed is no secret to them: it may come back as often as a word
            # that names nothing does, and no more (a hit, a title, a file name).
            if echo is None:
                continue
            times, echo_status = echo(mark)
            if shown[mark] > times:
                found.append(f"shows {mark} {shown[mark]} times, a word naming nothing {times}")
            elif status != echo_status:
                found.append(f"answers {status}, {echo_status} for a word naming nothing")
        if is_admin(path) and user not in self.admin_users and 200 <= status < 300:
            if not OPEN_ADMIN.match(path):
                found.append(f"the admin answers {status} to a user it must turn away")
        item = self.owner_of(path)
        if item is not None and not self.may_see(user, path, item):
            found.extend(self._refusal_problems(user, url, response, item))
        found.extend(self._search_problems(user, url, response, body))
        return found

    def _search_problems(self, user, url, response, body):
        """A search for a marker the user may not see finds nothing: no hit, no count, no
        suggestion (the marker check above sees titles; this sees a count of one)."""
        parts = urlsplit(url)
        if parts.path not in SEARCH_PATHS or response.status_code != 200:
            return []
        words = dict(parse_qsl(parts.query)).get("q", "")
        item = self.items.get(words)
        if item is None or self.may_see(user, parts.path, item):
            return []
        if parts.path == "/sok/forslag/":
            suggestions = json.loads(body).get("suggestions")
            return [f"suggests {len(suggestions)} for {words}"] if suggestions else []
        hits = body.decode("utf-8", "replace").count('class="hit"')
        return [f"finds {hits} for {words}"] if hits else []

    def _refusal_problems(self, user, url, response, item):
        status = response.status_code
        if 200 <= status < 300:
            return [f"answers {status} for {item.marker}"]
        if status in (301, 302, 303, 307, 308):
            location = urlsplit(response["Location"]).path
            if user in ("anonymous", "inactive user") and location not in self.login_paths:
                return [f"redirects to {location} instead of the log-in page"]
            return []
        if status not in (403, 404, 405):
            return [f"answers {status} for {item.marker}"]
        return []


# Views of one object that is not marked (a group, a user, a synonym, a section's index
# page) are tried for one such object per view: they hold no marker of their own, and the
# listings that name marked objects (explorer, chooser) are always followed.
MAX_UNMARKED_OBJECTS_PER_VIEW = 1
LISTING = re.compile(r"^/admin/(pages|choose-page)/\d+/(results/)?$")


def _later_page(query):
    """A page of a listing after its first (which is the bare address again)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return {k for k, _v in pairs} <= PAGINATION_PARAMETERS and any(
        v not in ("", "1") for _k, v in pairs
    )


def view_of(path):
    """The view an address belongs to: its path with every id replaced."""
    return re.sub(r"/\d+/", "/N/", path)


class Crawler:
    """One user's crawl: breadth first from the start addresses, each address once."""

    def __init__(self, client, user, judge, report, max_requests):
        self.client = client
        self.user = user
        self.judge = judge
        self.report = report
        self.max_requests = max_requests
        self.seen = set()
        self.queries_per_path = Counter()
        self.unmarked_per_view = Counter()
        self.found = set()  # every address this crawl met, asked or not
        self.truncated = False
        self.follows = lambda url: True  # which named addresses this crawl follows
        self.echoes = {}  # address with INERT in place of a marker -> (times, status)

    def fetch(self, url):
        """Ask once and judge the answer; returns the response and its body."""
        started = time.perf_counter()
        response = self.client.get(url)
        self.report.timing[self.user][channel_of(url)] += time.perf_counter() - started
        body = body_of(response)
        self.report.count(self.user, url)

        def echo(mark):
            return self._echo(re.sub(re.escape(mark), INERT, url, flags=re.I))

        for problem in self.judge.problems(self.user, url, response, body, echo):
            self.report.leaks.append(
                Leak(self.user, channel_of(url), url, response.status_code, problem)
            )
        return response, body

    def _echo(self, url):
        if url not in self.echoes:
            response = self.client.get(url)
            self.report.count(self.user, url)
            text = (
                text_of(body_of(response))
                + " "
                + " ".join(response.get(h, "") for h in ("Location", "Content-Disposition", "Link"))
            )
            self.echoes[url] = (text.lower().count(INERT), response.status_code)
        return self.echoes[url]

    def _admit(self, url, capped=True):
        if url in self.seen:
            return False
        if not capped:
            self.seen.add(url)
            return True
        path, _, query = url.partition("?")
        if OBJECT_PATH.search(path) and not LISTING.match(path) and not query:
            if self.judge.owner_of(path) is None:
                view = view_of(path)
                if self.unmarked_per_view[view] >= MAX_UNMARKED_OBJECTS_PER_VIEW:
                    return False
                self.unmarked_per_view[view] += 1
        if query and _later_page(query):
            pass
        elif query:
            if OBJECT_PATH.search(path):
                limit = MAX_QUERIES_PER_OBJECT_PATH
            elif is_admin(path):
                limit = MAX_QUERIES_PER_PATH
            else:
                limit = MAX_QUERIES_PER_SITE_PATH
            if self.queries_per_path[path] >= limit:
                return False
            self.queries_per_path[path] += 1
        self.seen.add(url)
        return True

    def crawl(self, start, follow=True):
        """Ask for every address in `start`; with `follow`, for every address the answers
        name too (within the caps above)."""
        queue = [u for u in start if self._admit(u, capped=False)]
        while queue:
            if len(self.seen) > self.max_requests:
                self.truncated = True
                break
            url = queue.pop(0)
            response, body = self.fetch(url)
            if not follow:
                continue
            text = body.decode("utf-8", "replace")
            for link in sorted(links_in(url, response, text)):
                self.found.add(link)
                if self.follows(link) and self._admit(link):
                    queue.append(link)
