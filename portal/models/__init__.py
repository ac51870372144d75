from .municipality import Municipality
from .pages import ContentPage, HomePage, MunicipalitySectionPage, SharedSpacePage

__all__ = [
    "ContentPage",
    "HomePage",
    "Municipality",
    "MunicipalitySectionPage",
    "SharedSpacePage",
]
