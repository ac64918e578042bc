from .media import SiteImage, SiteRendition
from .pages import ContentPage, HomePage, NewsIndexPage, NewsPage
from .site_settings import SiteSettings

__all__ = [
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SiteImage",
    "SiteRendition",
    "SiteSettings",
]
