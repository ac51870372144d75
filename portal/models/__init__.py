from .accounts import IdentityNumberOverride, Invitation
from .municipality import Municipality
from .pages import ContentPage, HomePage, MunicipalitySectionPage, SharedSpacePage

__all__ = [
    "ContentPage",
    "HomePage",
    "IdentityNumberOverride",
    "Invitation",
    "Municipality",
    "MunicipalitySectionPage",
    "SharedSpacePage",
]
