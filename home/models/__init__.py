from .mail import OutgoingMail
from .media import SiteImage, SiteRendition
from .pages import ContentPage, HomePage, NewsIndexPage, NewsPage, german_slug
from .site_settings import SiteSettings
from .snippets import FederalState, NamedModel, Organisation

__all__ = [
    "ContentPage",
    "FederalState",
    "HomePage",
    "NamedModel",
    "NewsIndexPage",
    "NewsPage",
    "Organisation",
    "OutgoingMail",
    "SiteImage",
    "SiteRendition",
    "SiteSettings",
    "german_slug",
]
