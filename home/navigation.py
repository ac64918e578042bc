"""The main menu of each site, kept in the cache: it is the same on every page, and reading
it costs two queries. Publishing, unpublishing, moving or deleting a page, a change of a
page's privacy and a change of a site clear it."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

TIMEOUT = 60 * 60 * 24


def cache_key(site_id):
    return f"main-menu:{site_id}"


def main_menu_pages(site):
    """The site root's live, public children marked »show in menus«, as (title, url, path)."""
    items = cache.get(cache_key(site.pk))
    if items is None:
        children = (
            site.root_page.get_children()
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "path", "depth")
        )
        items = [(page.title, page.get_url(current_site=site), page.path) for page in children]
        cache.set(cache_key(site.pk), items, TIMEOUT)
    return items


def clear_main_menus(**kwargs):
    cache.delete_many([cache_key(site_id) for site_id in Site.objects.values_list("pk", flat=True)])


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_main_menus, dispatch_uid=f"main-menu-{signal}")
    post_delete.connect(clear_main_menus, sender=Page, dispatch_uid="main-menu-page-delete")
    for model in (PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                clear_main_menus, sender=model, dispatch_uid=f"main-menu-{model.__name__}-{signal}"
            )
