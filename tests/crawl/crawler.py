"""A same-host crawler for the Django test client, and the verdict on each answer.

It follows every address a response names: links, `src`/`srcset`, form actions, quoted
paths in inline data (the admin keeps chooser and listing URLs in `data-*` attributes and
JSON), sitemap `<loc>` and feed `<link>` entries. It only ever sends GET, as a curious
reader with a browser would, and never follows a way out (log-out, language switch).
"""

import html
import json
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

# Quoted same-host paths anywhere in a text response (after unescaping HTML entities).
QUOTED_PATH = re.compile(r"""["'](/(?!/)[^"'\s<>{}]*)["']""")
ABSOLUTE = re.compile(r"""https?://testserver(/[^"'\s<>{}]*)""")
SRCSET = re.compile(r"""srcset\s*=\s*["']([^"']+)["']""")

# Never requested: ways out, deliberate error pages, static assets and the admin's
# JavaScript catalogue, none of which depends on who asks.
SKIP = re.compile(
    r"^/(static/|admin/jsi18n/|admin/sprite/|admin/failwhale/|admin/test404/|admin/logout/"
    r"|konto/logout/|sprak/|favicon|admin/editing-sessions/)"
)
SEARCH_PATHS = {"/sok/", "/sok/forslag/"}
# The admin's own doors, open to anyone.
OPEN_ADMIN = re.compile(r"^/admin/(login|password_reset)/")
# Where to go after a form is sent: the same view whatever it says.
IGNORED_PARAMETERS = {"next"}
# How many different query strings one path is tried with (sort orders, filters, pages):
# enough for pagination and every filter link of a listing, not their product. A view of
# one object (its path holds an id) is about that object whatever the query says.
MAX_QUERIES_PER_PATH = 4
MAX_QUERIES_PER_OBJECT_PATH = 1
OBJECT_PATH = re.compile(r"/\d+/")

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
    for match in SRCSET.finditer(text):
        for candidate in html.unescape(match.group(1)).split(","):
            if candidate.strip():
                found.add(candidate.strip().split()[0])
    location = response.get("Location")
    if location:
        found.add(location)
    return {u for u in (normalise(url, link) for link in found) if u}


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


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


class Judge:
    """Decides, for one answer to one user, whether it shows what that user may not see.

    `items` maps each marker to the item it marks; `owner_of(path)` names the marked item an
    admin or file address is about (by model and id), or None."""

    def __init__(self, items, owner_of, login_paths, admin_users):
        self.items = items
        self.admin_users = admin_users
        self.markers = re.compile("|".join(re.escape(m) for m in items))
        self.owner_of = owner_of
        self.login_paths = login_paths

    def problems(self, user, url, response, body):
        status = response.status_code
        found = []
        if status >= 500:
            found.append("server error")
        # What the user typed into the address is no secret to them.
        asked = set(self.markers.findall(url))
        headers = " ".join(response.get(h, "") for h in ("Location", "Content-Disposition", "Link"))
        shown = set(self.markers.findall(body.decode("utf-8", "replace"))) | set(
            self.markers.findall(headers)
        )
        for mark in sorted(shown - asked):
            if user not in self.items[mark].may_see:
                found.append(f"shows {mark}")
        path = urlsplit(url).path
        if (
            path.startswith("/admin/")
            and user not in self.admin_users
            and 200 <= status < 300
            and not OPEN_ADMIN.match(path)
        ):
            found.append(f"the admin answers {status} to a user it must turn away")
        item = self.owner_of(path)
        if item is not None and user not in item.may_see:
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
        if item is None or user in item.may_see:
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
# page) are tried for a few such objects per view: they hold no marker of their own, and the
# listings that name marked objects (explorer, chooser) are always followed.
MAX_UNMARKED_OBJECTS_PER_VIEW = 3
LISTING = re.compile(r"^/admin/(pages|choose-page)/\d+/(results/)?$")


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

    def fetch(self, url):
        """Ask once and judge the answer; returns the response and its body."""
        started = time.perf_counter()
        response = self.client.get(url)
        self.report.timing[self.user][channel_of(url)] += time.perf_counter() - started
        body = body_of(response)
        self.report.count(self.user, url)
        for problem in self.judge.problems(self.user, url, response, body):
            self.report.leaks.append(
                Leak(self.user, channel_of(url), url, response.status_code, problem)
            )
        return response, body

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
        if query:
            limit = (
                MAX_QUERIES_PER_OBJECT_PATH if OBJECT_PATH.search(path) else MAX_QUERIES_PER_PATH
            )
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
