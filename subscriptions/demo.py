"""Demo subscriptions: what the demo users follow, how often they hear, and a few unread
notifications so that the bell in the header shows a count.

Every step looks up before it creates, so seeding twice changes nothing.
"""

from django.contrib.auth import get_user_model

from knowledge.models import KnowledgePage, Topic
from portal.models import Municipality, SharedSpacePage
from subscriptions.models import Notification, Preference, Subscription
from subscriptions.state import touch

# email -> how often they want to hear
FREQUENCIES = {
    "personal.kalmar@demo.samverkan.se": Preference.DAILY,
    "redaktor.kalmar@demo.samverkan.se": Preference.WEEKLY,
    "partner.lernia@demo.samverkan.se": Preference.WEEKLY,
    "personal.norrtalje@demo.samverkan.se": Preference.WEEKLY,
}
# The Kalmar routines (knowledge/demo_acknowledgements.py) and pages staff hear about.
KALMAR_NEWS = ["brandskydd-hvb", "avvikelserapportering", "lakemedelshantering"]
KALMAR_CHANGED = ["hvb-och-stodboende"]


def _users():
    User = get_user_model()
    return {user.email: user for user in User.objects.filter(email__in=FREQUENCIES)}


def _follow(user, **target):
    if user is not None and all(target.values()):
        Subscription.objects.get_or_create(user=user, **target)


def _notify(user, page, kind):
    if user is None or page is None or not page.live:
        return False
    if Notification.objects.filter(user=user, page=page).exists():
        return False
    Notification.objects.create(
        user=user, page=page, revision_id=page.latest_revision_id, kind=kind
    )
    return True


def _under(section, slugs):
    pages = section.get_descendants().filter(slug__in=slugs, live=True).specific()
    return {page.slug: page for page in pages}


def seed():
    users = _users()
    kalle = users.get("personal.kalmar@demo.samverkan.se")
    karin = users.get("redaktor.kalmar@demo.samverkan.se")
    lina = users.get("partner.lernia@demo.samverkan.se")
    nils = users.get("personal.norrtalje@demo.samverkan.se")
    for email, frequency in FREQUENCIES.items():
        if email in users:
            Preference.objects.get_or_create(user=users[email], defaults={"frequency": frequency})

    kalmar = Municipality.objects.filter(slug="kalmar").first()
    section = kalmar.section_page if kalmar else None
    roslagen = SharedSpacePage.objects.filter(slug="samverkan-roslagen").first()
    topic = Topic.objects.filter(name="Boende").first()

    # Kalmar's staff follow their section and a topic; the editor the section's news; the
    # partner and Norrtälje's staff the shared space they work in.
    _follow(kalle, page=section)
    _follow(kalle, topic=topic)
    _follow(karin, news_of=section)
    _follow(lina, page=roslagen)
    _follow(nils, page=roslagen)

    touched = []
    if section is not None:
        pages = _under(section, KALMAR_NEWS + KALMAR_CHANGED)
        for slug in KALMAR_NEWS:
            if _notify(kalle, pages.get(slug), Notification.NEW):
                touched.append(kalle.pk)
        for slug in KALMAR_CHANGED:
            if _notify(kalle, pages.get(slug), Notification.CHANGED):
                touched.append(kalle.pk)
    if roslagen is not None:
        in_space = (
            KnowledgePage.objects.live()
            .descendant_of(roslagen)
            .order_by("-last_published_at", "pk")[:2]
        )
        for page in in_space:
            for user in (lina, nils):
                if _notify(user, page, Notification.CHANGED):
                    touched.append(user.pk)
    # The bell's count is cached per user: make it count the new rows.
    touch(touched)
    return touched
