from knowledge.models.acknowledgements import (
    Acknowledgement,
    AcknowledgementReminderState,
    PageChange,
)
from knowledge.models.documents import DocumentText, SectionCollection
from knowledge.models.pages import (
    AgreementPage,
    AgreementParty,
    AgreementReport,
    GuidePage,
    KnowledgeAttachment,
    KnowledgeIndexPage,
    KnowledgePage,
    RoutinePage,
)
from knowledge.models.reminders import ReviewReminder
from knowledge.models.topics import KnowledgePageTag, Topic

__all__ = [
    "Acknowledgement",
    "AcknowledgementReminderState",
    "AgreementPage",
    "AgreementParty",
    "AgreementReport",
    "DocumentText",
    "GuidePage",
    "KnowledgeAttachment",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "KnowledgePageTag",
    "PageChange",
    "ReviewReminder",
    "RoutinePage",
    "SectionCollection",
    "Topic",
]
