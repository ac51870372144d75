"""Marked content for the crawl: one item of every content kind in every visibility scope,
each carrying its own marker word in its title, text, attachment text and file name, and
used from pages of other scopes where the portal allows it.

A marker is `mx<kind><scope>mx` in lower-case letters only, so it survives slugs, file
names, URL- and HTML-escaping unchanged, and no marker is part of another (each begins and
ends with "mx" and holds no "mx" inside). Who may see each item is written out below by
hand, never asked of the code under test.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, Workflow, WorkflowPage

from knowledge import clock
from knowledge.files import make_pdf
from knowledge.models import (
    AgreementPage,
    GuidePage,
    KnowledgeAttachment,
    PageChange,
    RoutinePage,
)
from knowledge.sections import collection_for
from news.demo_testimonials import seed_testimonial_page
from news.models import NewsIndexPage, NewsPostPage, Testimonial
from portal.provisioning import home_page
from subscriptions.models import Notification, Subscription
from tests.factories import add_image, add_page
from tests.goals.factories import add_goal, add_values, count, share
from tests.knowledge.factories import add_index, add_kb_page
from tests.news.films import add_film
from tests.partners.factories import ContactPersonFactory, add_directory, organisation

# --- who may see what (written out, not computed) --------------------------------------

USERS = [
    "anonymous",
    "staff of A",
    "staff of B",
    "editor of A",
    "partner user",
    "inactive user",
    "superuser",
]
EVERYONE = frozenset(USERS)
MEMBERS = EVERYONE - {"anonymous", "inactive user"}
STAFF = frozenset({"staff of A", "staff of B", "editor of A", "superuser"})
OF_A = frozenset({"staff of A", "editor of A", "superuser"})
OF_B = frozenset({"staff of B", "superuser"})
SHARED = OF_A | {"partner user"}
EDITS_A = frozenset({"editor of A", "superuser"})  # in the admin only
ADMIN = frozenset({"superuser"})
# Who may enter the Wagtail admin at all; everyone else is turned away at its door.
ADMIN_USERS = EDITS_A

# (kind, scope) -> who may see the item. A kind missing from a scope does not exist there
# in the portal (the knowledge bank has no public or login-only section; news indexes live
# under the home page, sections and shared spaces; organisations are never public).
EXPECTED = {
    ("page", "public"): EVERYONE,
    ("page", "members"): MEMBERS,
    ("page", "A"): OF_A,
    ("page", "B"): OF_B,
    ("page", "shared"): SHARED,
    ("page", "draft"): EDITS_A,
    ("page", "revision"): ADMIN,
    # The shared knowledge bank under the home page is for municipal staff, not partners.
    **{(kind, "members"): STAFF for kind in ("routine", "agreement", "guide")},
    **{(kind, "A"): OF_A for kind in ("routine", "agreement", "guide")},
    **{(kind, "B"): OF_B for kind in ("routine", "agreement", "guide")},
    **{(kind, "shared"): SHARED for kind in ("routine", "agreement", "guide")},
    **{(kind, "draft"): EDITS_A for kind in ("routine", "agreement", "guide")},
    # Only the bank's approvers and portal administrators edit the shared bank.
    **{(kind, "revision"): ADMIN for kind in ("routine", "agreement", "guide")},
    # Goals (goals/) are pages of a section or shared space and follow it, with their
    # indicators, values and the admin's entry views.
    ("goal", "A"): OF_A,
    ("goal", "B"): OF_B,
    ("goal", "shared"): SHARED,
    ("goal", "draft"): EDITS_A,
    ("news", "public"): EVERYONE,
    ("news", "A"): OF_A,
    ("news", "B"): OF_B,
    ("news", "shared"): SHARED,
    ("news", "draft"): EDITS_A,
    ("news", "revision"): ADMIN,
    **{(kind, "public"): EVERYONE for kind in ("film", "document", "image")},
    **{(kind, "members"): MEMBERS for kind in ("film", "document", "image")},
    **{(kind, "A"): OF_A for kind in ("film", "document", "image")},
    **{(kind, "B"): OF_B for kind in ("film", "document", "image")},
    **{(kind, "shared"): SHARED for kind in ("film", "document", "image")},
    # Testimonials: published with consent for all; a draft (or an ended consent) for its
    # municipality's editors in the admin; one with no municipality for administrators.
    ("testimonial", "public"): EVERYONE,
    ("testimonial", "A"): EDITS_A,
    ("testimonial", "B"): ADMIN,
    ("testimonial", "draft"): EDITS_A,
    ("testimonial", "revision"): ADMIN,
    # The directory is for members of municipalities; a partner sees its own organisation.
    ("organisation", "members"): STAFF,
    ("organisation", "A"): OF_A,
    ("organisation", "B"): OF_B,
    ("organisation", "shared"): STAFF | {"partner user"},
    ("contact", "members"): STAFF,
    ("contact", "A"): OF_A,
    ("contact", "B"): OF_B,
    ("contact", "shared"): STAFF | {"partner user"},
    # Someone who has left is shown nowhere; the organisation's edit form keeps them.
    ("contact", "left"): ADMIN,
}

# On the site, what only the admin shows (a draft, an unpublished revision, a testimonial
# without published consent, someone who has left) is shown to nobody: news/testimonial_views
# and Wagtail's page serving show a draft not even to its editor. The superuser, whom nothing
# is refused, aside.
ON_SITE = {key: (ADMIN if who <= EDITS_A else who) for key, who in EXPECTED.items()}

SCOPE_CODES = {
    "public": "publik",
    "members": "medlem",
    "A": "kalmar",
    "B": "sodert",
    "shared": "delad",
    "draft": "utkast",
    "revision": "version",
    "left": "slutat",
}
KIND_CODES = {
    "page": "sida",
    "routine": "rutin",
    "agreement": "avtal",
    "guide": "guide",
    "news": "nyhet",
    "film": "film",
    "testimonial": "rost",
    "organisation": "org",
    "contact": "kontakt",
    "document": "dok",
    "image": "bild",
    "goal": "mal",
}


def marker(kind, scope):
    return f"mx{KIND_CODES[kind]}{SCOPE_CODES[scope]}mx"


@dataclass
class Item:
    kind: str
    scope: str
    obj: object
    marker: str
    may_see: frozenset  # in the admin
    may_see_on_site: frozenset


@dataclass
class Marked:
    users: dict
    items: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)  # named places: home, sections, indexes

    def add(self, kind, scope, obj):
        key = (kind, scope)
        self.items.append(Item(kind, scope, obj, marker(*key), EXPECTED[key], ON_SITE[key]))
        return obj

    def get(self, kind, scope):
        return next(i.obj for i in self.items if (i.kind, i.scope) == (kind, scope))

    @property
    def markers(self):
        return {item.marker: item for item in self.items}


# --- building it -----------------------------------------------------------------------


def _text(mark):
    return f"Texten handlar om {mark} och inget annat."


def _rich(mark, extra=""):
    return f"<p>{_text(mark)}</p>{extra}"


def _document(collection, mark):
    Document = get_document_model()
    document = Document(title=f"Dokument {mark}", collection=collection)
    pdf = make_pdf(f"Bilaga {mark}", [_text(mark)])
    document.file.save(f"{mark}.pdf", ContentFile(pdf), save=False)
    document.save()
    return document


def _login_collection():
    collection = Collection.get_first_root_node().add_child(name="För inloggade")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def _files(marked, scope, collection):
    marked.add("document", scope, _document(collection, marker("document", scope)))
    mark = marker("image", scope)
    image = add_image(collection, mark)
    image.title = f"Bild {mark}"
    image.save(update_fields=["title"])
    marked.add("image", scope, image)
    mark = marker("film", scope)
    film = add_film(collection, title=mark, transcript=_text(mark), thumbnail=True)
    marked.add("film", scope, film)


def _content_page(marked, scope, parent):
    mark = marker("page", scope)
    page = add_page(parent, title=f"Sida {mark}", slug=mark, intro=f"<p>{mark}</p>")
    return marked.add("page", scope, page)


def _knowledge(marked, scope, index, attachment=None, **extra):
    today = clock.today()
    per_kind = {
        "routine": (RoutinePage, {"last_reviewed": today, "summary": "Så gör vi."}),
        "agreement": (
            AgreementPage,
            {"valid_from": today, "valid_until": today + datetime.timedelta(days=365)},
        ),
        "guide": (GuidePage, {}),
    }
    for kind, (model, fields) in per_kind.items():
        mark = marker(kind, scope)
        fields = {**fields, **extra.get(kind, {})}
        page = add_kb_page(
            index,
            model,
            attachments=[attachment] if attachment else (),
            title=f"{kind.title()} {mark}",
            slug=mark,
            summary=_text(mark),
            body=[("paragraph", _rich(mark))],
            **{k: v for k, v in fields.items() if k != "summary"},
        )
        marked.add(kind, scope, page)


def _news(marked, scope, index, **extra):
    mark = marker("news", scope)
    post = add_page(
        index,
        model=NewsPostPage,
        title=f"Nyhet {mark}",
        slug=mark,
        intro=f"<p>{mark}</p>",
        body=[("paragraph", _rich(mark))],
        date=clock.today() - datetime.timedelta(days=1),
        **extra,
    )
    return marked.add("news", scope, post)


def _goal(scope, parent, municipality):
    """A goal with the marker in its title, intro and an indicator's name, and values of
    its reporting municipality (a small count among them, masked for most readers)."""
    mark = marker("goal", scope)
    goal = add_goal(
        parent,
        title=f"Mål {mark}",
        slug=mark,
        intro=f"<p>{_text(mark)}</p>",
        indicators=[share(name=f"Andel {mark}"), count(name="Antal deltagare")],
    )
    share_indicator, count_indicator = goal.indicators.order_by("sort_order")
    add_values(share_indicator, {(municipality, "2024"): (12, 16), (municipality, "2025"): (3, 9)})
    add_values(count_indicator, {(municipality, "2024"): 2, (municipality, "2025"): 11})
    return goal


def _unpublished(page):
    page.unpublish()
    page.refresh_from_db()
    return page


def _new_revision(page, mark, title):
    """A live page gets a new, unpublished revision with the marker in its title and body."""
    page = page.specific
    page.title = f"{title} {mark}"
    page.body = [("paragraph", _rich(mark))]
    if hasattr(page, "summary"):
        page.summary = _text(mark)
    # As the admin does: the history names the revision by its (unpublished) title and, as
    # a change of content, offers to preview it and compare it with the live version.
    log(
        instance=page,
        action="wagtail.edit",
        revision=page.save_revision(),
        content_changed=True,
    )


def _lock_and_moderate(page, user):
    page = page.specific
    page.locked, page.locked_by, page.locked_at = True, user, timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    # The portal assigns Wagtail's moderation workflow to no page: assign it here.
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        workflow.start(page, user)


def _testimonial(mark, municipality=None, publish=True, consent=True, **extra):
    today = clock.today()
    fields = {
        "quote": f"Citat {mark}",
        "role": Testimonial.YOUNG_PERSON,
        "short_text": _text(mark),
        "full_text": _text(mark),
        "municipality": municipality,
        **extra,
    }
    if consent:
        fields.update(
            consent_given_by="Personen själv",
            consent_date=today - datetime.timedelta(days=30),
            consent_until=today + datetime.timedelta(days=365),
        )
    testimonial = Testimonial(live=False, **fields)
    testimonial.save()
    revision = testimonial.save_revision()
    if publish:
        revision.publish()
    testimonial.refresh_from_db()
    return testimonial


def build(world):
    """The world's users and places, filled with marked content of every kind and scope."""
    marked = Marked(users=world.users)
    kalmar, sodertalje, lernia = world.municipality_a, world.municipality_b, world.partner
    section_a = world.content["A's section"]
    section_b = world.content["B's section"]
    shared = world.content["shared space A + partner"]
    root = Collection.get_first_root_node()

    # Files first: pages of other scopes use them.
    _files(marked, "public", root.add_child(name="Öppna filer"))
    _files(marked, "members", _login_collection())
    _files(marked, "A", kalmar.collection)
    _files(marked, "B", sodertalje.collection)
    _files(marked, "shared", collection_for(shared))

    # The directory: an open organisation, one limited to A, one to B, and the partner of
    # the shared space; contacts limited the same way, and one who has left.
    orgs = {
        "members": organisation(
            f"Organisation {marker('organisation', 'members')}", served=[kalmar, sodertalje]
        ),
        "A": organisation(
            f"Organisation {marker('organisation', 'A')}", served=[kalmar], limited_to=[kalmar]
        ),
        "B": organisation(
            f"Organisation {marker('organisation', 'B')}",
            served=[sodertalje],
            limited_to=[sodertalje],
        ),
    }
    lernia.name = f"Lernia {marker('organisation', 'shared')}"
    lernia.description = _text(marker("organisation", "shared"))
    lernia.save()
    orgs["shared"] = lernia
    for scope, org in orgs.items():
        if scope != "shared":
            org.description = _text(marker("organisation", scope))
            org.save()
        marked.add("organisation", scope, org)
    contacts = {
        "members": ContactPersonFactory(organisation=orgs["members"]),
        "A": ContactPersonFactory(organisation=orgs["members"], limited_to=[kalmar]),
        "B": ContactPersonFactory(organisation=orgs["members"], limited_to=[sodertalje]),
        "shared": ContactPersonFactory(organisation=lernia),
        "left": ContactPersonFactory(organisation=orgs["members"], has_left=True),
    }
    for scope, contact in contacts.items():
        mark = marker("contact", scope)
        contact.name = f"Kontakt {mark}"
        contact.contact_about = _text(mark)
        contact.email = f"{mark}@partner.example.se"
        contact.save()
        marked.add("contact", scope, contact)
    marked.pages["directory"] = add_directory()

    # Content pages. The public one uses restricted files, links and pages of every other
    # scope: none of it may show to a reader who cannot open them.
    links = "".join(
        f'<p><a linktype="page" id="{page.pk}">länk</a></p>'
        for page in (
            world.content["page deep under A"],
            section_b,
            shared,
            world.content["login-only page"],
        )
    )
    public = _content_page(marked, "public", None)
    _content_page(marked, "members", world.content["login-only page"])
    page_a = _content_page(marked, "A", section_a)
    page_b = _content_page(marked, "B", section_b)
    _content_page(marked, "shared", shared)
    draft = _unpublished(
        add_page(section_a, title=f"Sida {marker('page', 'draft')}", slug=marker("page", "draft"))
    )
    marked.add("page", "draft", draft)
    revised = add_page(None, title="Sida som ändras", slug="sida-som-andras")
    _new_revision(revised, marker("page", "revision"), "Sida")
    marked.add("page", "revision", revised)
    # B's page locked and in moderation, with the unpublished revision: the admin's locked
    # pages and workflow reports, and the dashboard's panels, name them.
    _lock_and_moderate(page_b, world.users["superuser"])
    _lock_and_moderate(revised, world.users["superuser"])

    # The knowledge bank: the shared bank (staff), A's, B's and the shared space's.
    bank = add_index(None, title="Gemensam kunskapsbank", slug="kunskapsbank")
    bank_a = add_index(section_a, title="Kalmars kunskapsbank", slug="kunskapsbank")
    bank_b = add_index(section_b, title="Södertäljes kunskapsbank", slug="kunskapsbank")
    bank_shared = add_index(shared, title="Gemensamma rutiner", slug="kunskapsbank")
    contact_blocks = [
        ("partner_contact", {"contact": contact, "note": "Frågor"}) for contact in contacts.values()
    ]
    related = {
        "agreement": {
            "partner_organisations": [orgs["A"], orgs["B"], orgs["members"]],
            "contact_people": [contacts["A"], contacts["B"], contacts["left"], contacts["members"]],
        },
        # A routine's steps and a guide's content name every contact in partner-contact
        # blocks, whoever may see them.
        "routine": {"steps": contact_blocks},
        "guide": {"content": contact_blocks},
    }
    _knowledge(marked, "members", bank, **related)
    # A's own bank names B's and the shared bank's too: its editor's forms, revisions and
    # compare views must leave out what the editor may not see.
    _knowledge(marked, "A", bank_a, attachment=marked.get("document", "A"), **related)
    _knowledge(marked, "B", bank_b, attachment=marked.get("document", "B"))
    _knowledge(
        marked, "shared", bank_shared, attachment=marked.get("document", "shared"), **related
    )
    for kind, model in (
        ("routine", RoutinePage),
        ("agreement", AgreementPage),
        ("guide", GuidePage),
    ):
        mark = marker(kind, "draft")
        page = model(title=f"Utkast {mark}", slug=mark, summary=_text(mark), live=False)
        page.attachments = [KnowledgeAttachment(document=marked.get("document", "A"))]
        bank_a.add_child(instance=page)
        page.save_revision()
        marked.add(kind, "draft", page)
        revised_kb = add_kb_page(bank, model, title=f"Ändras {kind}", slug=f"andras-{kind}")
        _new_revision(revised_kb, marker(kind, "revision"), kind.title())
        marked.add(kind, "revision", revised_kb)

    # Goals: A's, B's, the shared space's (reported by A) and a draft in A's section.
    marked.add("goal", "A", _goal("A", section_a, kalmar))
    marked.add("goal", "B", _goal("B", section_b, sodertalje))
    marked.add("goal", "shared", _goal("shared", shared, kalmar))
    marked.add("goal", "draft", _unpublished(_goal("draft", section_a, kalmar)))

    # News: the public index, A's, B's and the shared space's.
    news = add_page(None, model=NewsIndexPage, title="Nyheter", slug="nyheter")
    news_a = add_page(section_a, model=NewsIndexPage, title="Nyheter Kalmar", slug="nyheter")
    news_b = add_page(section_b, model=NewsIndexPage, title="Nyheter Södertälje", slug="nyheter")
    news_shared = add_page(shared, model=NewsIndexPage, title="Nyheter ytan", slug="nyheter")
    _news(
        marked,
        "public",
        news,
        main_image=marked.get("image", "public"),
        main_image_alt="En bild",
    )
    _news(marked, "A", news_a, main_image=marked.get("image", "A"), main_image_alt="Kalmar")
    _news(marked, "B", news_b)
    _news(marked, "shared", news_shared)
    mark = marker("news", "draft")
    draft_post = NewsPostPage(title=f"Nyhet {mark}", slug=mark, live=False, date=clock.today())
    news_a.add_child(instance=draft_post)
    draft_post.save_revision()
    marked.add("news", "draft", draft_post)
    # A public post whose main image is B's: neither the page, the listings, the feeds nor
    # the link-preview tags may name it to anyone but B's staff.
    revised_post = add_page(
        news,
        model=NewsPostPage,
        title="Nyhet som ändras",
        slug="andras",
        main_image=marked.get("image", "B"),
        main_image_alt="Södertälje",
    )
    _new_revision(revised_post, marker("news", "revision"), "Nyhet")
    marked.add("news", "revision", revised_post)

    # Testimonials and their page.
    marked.pages["testimonials"] = seed_testimonial_page(home_page())
    # Published for everyone, with a photo for members only.
    marked.add(
        "testimonial",
        "public",
        _testimonial(
            marker("testimonial", "public"),
            photo=marked.get("image", "members"),
            photo_alt="Foto",
        ),
    )
    marked.add(
        "testimonial",
        "A",
        _testimonial(
            marker("testimonial", "A"),
            municipality=kalmar,
            photo=marked.get("image", "A"),
            photo_alt="Foto",
            consent=False,
            publish=False,
        ),
    )
    marked.add(
        "testimonial",
        "B",
        _testimonial(marker("testimonial", "B"), municipality=sodertalje, publish=False),
    )
    marked.add(
        "testimonial",
        "draft",
        _testimonial(marker("testimonial", "draft"), municipality=kalmar, publish=False),
    )
    revised_voice = _testimonial("Ett citat som ändras")
    revised_voice.quote = f"Citat {marker('testimonial', 'revision')}"
    revised_voice.short_text = _text(marker("testimonial", "revision"))
    log(
        instance=revised_voice,
        action="wagtail.edit",
        revision=revised_voice.save_revision(),
        content_changed=True,
    )
    marked.add("testimonial", "revision", Testimonial.objects.get(pk=revised_voice.pk))

    # The public page uses what other scopes hold: an image block, document and film
    # blocks, rich-text links and embeds. So do the members' page and the shared space.
    body = [("paragraph", _rich(marker("page", "public"), links))]
    for scope in ("members", "A", "B", "shared"):
        body += [
            (
                "image",
                {"image": marked.get("image", scope), "alt_text": "Bild", "caption": ""},
            ),
            ("document", {"document": marked.get("document", scope), "label": ""}),
            ("film", {"film": marked.get("film", scope), "heading": ""}),
            (
                "paragraph",
                f'<p><a linktype="document" id="{marked.get("document", scope).pk}">fil</a></p>'
                f'<embed embedtype="image" id="{marked.get("image", scope).pk}"'
                ' format="fullwidth" alt="Inbäddad"/>',
            ),
        ]
        body += [
            ("paragraph", f'<p><a linktype="page" id="{item.obj.pk}">{item.kind}</a></p>')
            for item in marked.items
            if item.scope == scope and item.kind in ("page", "routine", "news", "goal")
        ]
    body.append(("paragraph", f'<p><a linktype="page" id="{draft.pk}">utkast</a></p>'))
    _publish_body(public, body)
    _publish_body(page_a, [("paragraph", f'<p><a linktype="page" id="{page_b.pk}">B</a></p>')])
    # The main menu, as the demo has it: the crawl starts from the home page.
    for page in (
        marked.pages["directory"],
        marked.pages["testimonials"],
        news,
        bank,
        public,
        section_a,
        section_b,
        shared,
        world.content["login-only page"],
    ):
        page.show_in_menus = True
        page.save_revision().publish()
    # Everything created has its entry in the admin's history, as when made in the admin.
    for item in marked.items:
        if item.kind != "contact" and item.scope != "revision":
            log(instance=item.obj, action="wagtail.create")
    marked.pages.update(
        {
            "public news": news,
            "shared bank": bank,
            "bank of A": bank_a,
            "section of A": section_a,
            "section of B": section_b,
            "shared space": shared,
        }
    )
    _ask_to_confirm(marked, world)
    _subscriptions(marked, world)
    _notifications(marked, world)
    return marked


# --- read and acknowledge, subscriptions and notifications (issue 25) -------------------

KNOWLEDGE_KINDS = ("routine", "agreement", "guide")
PAGE_ITEM_KINDS = ("page", "routine", "agreement", "guide", "news", "goal")


def _ask_to_confirm(marked, world):
    """The knowledge pages of A, B and the shared space ask their audience to confirm them
    (published, so the call on the page and the admin's "who has read it" exist)."""
    kalmar, sodertalje, lernia = world.municipality_a, world.municipality_b, world.partner
    audience = {
        "A": [kalmar.members_group, kalmar.editors_group],
        "B": [sodertalje.members_group],
        "shared": [kalmar.members_group, lernia.group],
    }
    for item in marked.items:
        if item.kind in KNOWLEDGE_KINDS and item.scope in audience:
            page = item.obj.specific
            page.confirm_groups = audience[item.scope]
            page.confirm_by = clock.today() + datetime.timedelta(days=14)
            page.save_revision().publish()


# Per user: pages they may read, and one they may not (the list of what they follow, the
# notifications and the digest must never name it). The superuser may read everything:
# theirs is a draft, which the site shows nobody.
FOLLOWS = {
    "staff of A": (["A's section", ("page", "A"), ("routine", "A")], ("page", "B")),
    "staff of B": (["B's section", ("page", "B"), ("routine", "B")], ("page", "A")),
    "editor of A": (["A's section", ("routine", "shared")], ("routine", "B")),
    "partner user": (["shared space A + partner", ("page", "shared")], ("page", "A")),
    "inactive user": (["A's section"], ("page", "B")),
    "superuser": (["A's section", "B's section"], ("page", "draft")),
}


def _subscriptions(marked, world):
    for name, (readable, hidden) in FOLLOWS.items():
        user = world.users[name]
        for target in [*readable, hidden]:
            page = world.content[target] if isinstance(target, str) else marked.get(*target)
            Subscription.objects.get_or_create(user=user, page_id=page.pk)
        # The news of a section or space, readable or not, by its section's title.
        news_of = world.content[
            "shared space A + partner" if name != "staff of B" else "A's section"
        ]
        Subscription.objects.get_or_create(user=user, news_of_id=news_of.pk)


def _notifications(marked, world):
    """A notification of every marked page of every scope for every user, as if made
    before they lost access, each with a change note naming the page's marker."""
    rows = []
    for item in marked.items:
        if item.kind not in PAGE_ITEM_KINDS:
            continue
        page = type(item.obj).objects.get(pk=item.obj.pk)
        # A live page's notification is of its live version (an unpublished revision is
        # never notified); a draft's of its latest.
        revision_id = page.live_revision_id or page.latest_revision_id
        if item.scope != "revision" and revision_id:
            PageChange.objects.get_or_create(
                revision_id=revision_id,
                defaults={"page_id": page.pk, "note": f"Ändrat {item.marker}"},
            )
        for user in world.users.values():
            if getattr(user, "pk", None):
                rows.append(Notification(user=user, page_id=page.pk, revision_id=revision_id))
    Notification.objects.bulk_create(rows)


def _publish_body(page, body):
    page = page.specific
    page.body = body
    page.save_revision().publish()
