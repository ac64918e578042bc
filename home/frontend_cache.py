"""The frontend cache (Varnish, deploy/varnish/default.vcl): what it may keep and how it is
told to forget.

Only anonymous views of public pages are cached (config.middleware.FrontendCacheMiddleware,
marked by `mark_public_page`). What a change purges (a page and the listings that show it: its
ancestors up to the start page) or whether it bans everything is the registry's decision
(config/caches.py); home/caching.py sends it once the transaction has committed, right after
the new versions. Without WAGTAILFRONTENDCACHE (development, tests) nothing is sent.
"""

import logging
from urllib.request import Request, urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

logger = logging.getLogger(__name__)


def mark_public_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: a live page without view restrictions (its own or an
    ancestor's), asked for at its own address (not a sub-route of a routable page such as a
    registration form or a personal registration page), may be kept by the frontend cache.
    The middleware decides whether this response may."""
    if (
        page.live
        and request.path == page.get_url(request=request)
        and not page.get_view_restrictions().exists()
    ):
        request.frontend_cache_public = True


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def shows_on_other_pages(page):
    """The start page and its children (main menu), pages shown in a section menu, and pages
    with children (their titles are in their children's breadcrumbs)."""
    return page.depth <= 3 or page.show_in_menus or not page.is_leaf()


def page_urls(pages):
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def listed_urls(page):
    """The addresses of `page` and of the listings that show it: its ancestors up to the
    start page (the start page, news list, library and event index list their items)."""
    return page_urls(page.get_ancestors(inclusive=True))


def send(urls, everything):
    """Purges `urls`, or bans `everything`, from each frontend cache; nothing without one."""
    if not enabled():
        return
    if everything:
        ban_everything()
    elif urls:
        # Now, not as a task (Wagtail's purge_urls_from_cache enqueues one): the purge is due.
        purge_urls_from_cache_task.call(sorted(urls))


def ban_everything():
    """A BAN request to each HTTP backend; the VCL accepts it from localhost only."""
    for name, backend in get_backends().items():
        if not isinstance(backend, HTTPBackend):
            logger.warning("Frontend cache %s cannot ban everything: not an HTTP backend.", name)
            continue
        url = f"{backend.cache_scheme}://{backend.cache_netloc}/"
        try:
            urlopen(Request(url, method="BAN"), timeout=5)  # noqa: S310 - from settings
        except OSError as error:
            logger.error("Could not ban everything from frontend cache %s: %s", name, error)
        else:
            logger.info("Banned everything from frontend cache %s", name)
