"""The menus: the same on every page of a site or section, so they are kept in the cache
(home/caching.py: config/caches.py says which changes make them stale)."""

from wagtail.models import Page

from home.caching import SITE, cached
from home.models.pages import unrestricted

MENU_FIELDS = ("title", "url_path", "path", "depth")


def menu_items(parent, site):
    """The live, public children of `parent` marked »show in menus«, as (title, url, path)."""
    children = parent.get_children().live().filter(unrestricted()).in_menu().only(*MENU_FIELDS)
    return [(page.title, page.get_url(current_site=site), page.path) for page in children]


def main_menu_pages(site):
    """The main menu: the menu items below the site's start page."""
    return cached(SITE, f"main-menu:{site.pk}", lambda: menu_items(site.root_page, site))


def section_menu(page, site):
    """The menu of the section `page` belongs to (the page right below the start page and
    its menu items) as (section title, url, path) and the items, or None without items."""

    def build():
        section = page if page.depth == 3 else Page.objects.ancestor_of(page).get(depth=3)
        items = menu_items(section, site)
        if not items:
            return None
        return (section.title, section.get_url(current_site=site), section.path), items

    return cached(SITE, f"section-menu:{site.pk}:{page.path[:12]}", build)
