from .accounts import IdentityNumberOverride, Invitation
from .municipality import Municipality
from .pages import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    MunicipalitySectionPage,
    SharedSpacePage,
)
from .personal_data import PrivacyPage

__all__ = [
    "AccessibilityStatementPage",
    "ContentPage",
    "HomePage",
    "IdentityNumberOverride",
    "Invitation",
    "Municipality",
    "MunicipalitySectionPage",
    "PrivacyPage",
    "SharedSpacePage",
]
