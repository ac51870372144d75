"""The demo content of every app, seeded twice in one test: seeding is the slowest thing
the suite does, so one test seeds and checks what each app's demo must hold."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, Revision

from knowledge.models import AgreementPage, DocumentText, GuidePage, RoutinePage
from knowledge.reminders import due_items
from news.models import NewsIndexPage, NewsPostPage
from news.models import Testimonial as Voice  # not "Test…": pytest would try to collect it
from news.testimonials import published_and_consented
from partners.models import (
    ContactPerson,
    Liaison,
    OrganisationKind,
    PartnerDirectoryPage,
    PartnerOrganisation,
)
from portal.models import Invitation, Municipality
from tests.test_provisioning import _snapshot as provisioned_snapshot

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)


def _snapshot():
    return {
        "provisioned": provisioned_snapshot(),
        "knowledge": (
            RoutinePage.objects.count(),
            AgreementPage.objects.count(),
            GuidePage.objects.count(),
            get_document_model().objects.count(),
        ),
        "partners": (
            sorted(PartnerOrganisation.objects.values_list("name", "kind", "checked_on", "email")),
            sorted(ContactPerson.objects.values_list("organisation__name", "name", "email")),
            sorted(Liaison.objects.values_list("organisation__name", "name", "title")),
            PartnerDirectoryPage.objects.count(),
        ),
        "news": (
            NewsIndexPage.objects.count(),
            NewsPostPage.objects.count(),
            Voice.objects.count(),
        ),
        "revisions": Revision.objects.count(),
        "invitations": Invitation.objects.count(),
    }


def test_the_demo_is_complete_and_seeding_twice_changes_nothing(client, capsys, monkeypatch):
    monkeypatch.setattr("knowledge.clock.today", lambda: TODAY)
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "partner.lernia@demo.samverkan.se" in out
    assert "Samverkan-demo-2026" in out
    first = _snapshot()
    call_command("seed_demo", verbosity=0)
    assert _snapshot() == first
    assert Municipality.objects.count() >= 3

    _check_knowledge_bank()
    _check_partner_directory(client)
    _check_news(client)
    _check_search()
    # One pending invitation, and seeding sends no mail.
    invitation = Invitation.objects.get()
    assert invitation.is_pending
    assert invitation.group.name == "Partner – Integra"
    assert mail.outbox == []


def _check_knowledge_bank():
    routines, agreements, guides, _documents = (
        RoutinePage.objects.count(),
        AgreementPage.objects.count(),
        GuidePage.objects.count(),
        get_document_model().objects.count(),
    )
    assert routines >= 15 and agreements == 6 and guides == 3
    statuses = {page.review_status() for page in RoutinePage.objects.all()}
    assert {"current", "overdue"} <= statuses
    agreement_statuses = {page.agreement_status() for page in AgreementPage.objects.all()}
    assert {"in_force", "expiring", "expired"} <= agreement_statuses
    assert RoutinePage.objects.filter(local_version_of__isnull=False).count() == 10
    assert due_items(TODAY).exists()
    # Real files whose text can be searched.
    texts = DocumentText.objects.filter(document__title__endswith=".pdf")
    assert any("nyckelbricka" in t.text for t in texts)
    docx = DocumentText.objects.get(document__title="Individuell framtidsplan – mall.docx")
    assert "följs upp varje halvår" in docx.text
    found = RoutinePage.objects.live().search("nyckelbricka")
    assert [p.title for p in found] == ["Mottagande av ungdom på HVB"]


def _check_partner_directory(client):
    organisations = PartnerOrganisation.objects.all()
    assert organisations.count() >= 20
    assert {o.kind for o in organisations} == set(OrganisationKind.values)
    for name in ("Lernia", "Integra", "Arbetsförmedlingen", "BUP Kalmar län"):
        assert organisations.filter(name=name).count() == 1
    for organisation in organisations:
        assert 2 <= organisation.contacts.count() <= 4, organisation.name
        assert organisation.checked_on is not None
    served = {m.slug for o in organisations for m in o.municipalities_served.all()}
    assert served == {"kalmar", "sodertalje", "norrtalje", "osteraker"}
    assert Liaison.objects.filter(user__isnull=False).exists()
    assert Liaison.objects.filter(user__isnull=True).exists()
    # The directory is in the menu and works for a demo staff member.
    directory = PartnerDirectoryPage.objects.get()
    assert directory.show_in_menus
    client.login(email="personal.kalmar@demo.samverkan.se", password="Samverkan-demo-2026")
    response = client.get(directory.url)
    assert response.status_code == 200
    assert "Partnerkatalog" in response.content.decode()
    # Södertälje's own social services are limited to Södertälje.
    assert "Socialtjänsten Södertälje" not in response.content.decode()
    client.logout()


def _check_news(client):
    assert NewsPostPage.objects.count() >= 12 and NewsIndexPage.objects.count() >= 4
    assert len({post.date.year for post in NewsPostPage.objects.all()}) >= 2
    restricted = PageViewRestriction.objects.filter(page__in=NewsPostPage.objects.values("pk"))
    assert restricted.count() >= 2
    assert NewsPostPage.objects.filter(depth__gt=4).count() >= 3  # in sections and spaces
    assert client.get("/nyheter/").status_code == 200
    # Two film posts: one uploaded with captions, one external behind click-to-load.
    assert NewsPostPage.objects.filter(is_film_post=True).count() == 2
    uploaded = client.get("/nyheter/film-textning/").content.decode()
    assert "<video" in uploaded and "<track" in uploaded and 'srclang="sv"' in uploaded
    embedded = client.get("/nyheter/film-fran-vimeo/").content.decode()
    # The player is only named for the script to load on click: no iframe, no src.
    assert "<iframe" not in embedded
    assert 'data-player-url="https://player.vimeo.com/video/76979871' in embedded
    assert 'src="https://player.vimeo.com' not in embedded
    assert published_and_consented().count() == Voice.objects.count() == 6
    assert "Röster från projektet" in client.get("/").content.decode()


def _check_search():
    """Search leaks nothing of the demo to anyone and finds all they may open."""
    from tests.search.leak_check import check_search_leaks

    wrong, searches, items = check_search_leaks()
    assert items >= 140 and searches >= 7 * items
    assert wrong == []
