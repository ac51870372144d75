"""The demo knowledge bank: enough of everything, real attachments, idempotent."""

from django.core.management import call_command
from wagtail.documents import get_document_model

from knowledge.models import AgreementPage, DocumentText, GuidePage, RoutinePage
from knowledge.reminders import due_items


def _counts():
    return (
        RoutinePage.objects.count(),
        AgreementPage.objects.count(),
        GuidePage.objects.count(),
        get_document_model().objects.count(),
    )


def test_seed_creates_the_demo_knowledge_bank_once(db, fixed_today):
    call_command("seed_demo", verbosity=0)
    routines, agreements, guides, documents = _counts()
    assert routines >= 15 and agreements == 6 and guides == 3
    call_command("seed_demo", verbosity=0)
    assert _counts() == (routines, agreements, guides, documents)

    statuses = {page.review_status() for page in RoutinePage.objects.all()}
    assert {"current", "overdue"} <= statuses
    agreement_statuses = {page.agreement_status() for page in AgreementPage.objects.all()}
    assert {"in_force", "expiring", "expired"} <= agreement_statuses
    assert RoutinePage.objects.filter(local_version_of__isnull=False).count() == 2
    assert due_items(fixed_today).exists()

    # Real files whose text can be searched.
    texts = DocumentText.objects.filter(document__title__endswith=".pdf")
    assert any("nyckelbricka" in t.text for t in texts)
    docx = DocumentText.objects.get(document__title="Individuell framtidsplan – mall.docx")
    assert "följs upp varje halvår" in docx.text
    found = RoutinePage.objects.live().search("nyckelbricka")
    assert [p.title for p in found] == ["Mottagande av ungdom på HVB"]
