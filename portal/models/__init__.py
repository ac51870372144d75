from .accounts import IdentityNumberOverride, Invitation
from .municipality import Municipality
from .pages import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    MunicipalitySectionPage,
    SharedSpacePage,
)

__all__ = [
    "AccessibilityStatementPage",
    "ContentPage",
    "HomePage",
    "IdentityNumberOverride",
    "Invitation",
    "Municipality",
    "MunicipalitySectionPage",
    "SharedSpacePage",
]
