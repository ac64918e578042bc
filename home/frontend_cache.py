"""The frontend cache (Varnish, deploy/varnish/default.vcl) and what changes purge from it.

Only anonymous views of public pages are cached (config.middleware.FrontendCacheMiddleware,
marked by `mark_public_page`). A change of one page purges the page and the listings that
show it: its ancestors up to the start page (the start page, news list, library and event
index are ancestors of their items). A change that shows on many pages bans everything: a
page of the main or section menu or with children (breadcrumbs), site settings, snippets
(organisations, topics, speakers, ...), page privacy and sites.

Deleting a live page unpublishes it first (Wagtail's pre_delete handler), so `page_unpublished`
covers deletion. Purges go out once the transaction has committed, one batch per transaction:
a request that follows a purge can only fetch the new content. What a rolled-back
transaction queued goes out with the next commit: a purge too many, never one too few.
Without WAGTAILFRONTENDCACHE (development, tests) nothing is sent.
"""

import copy
import logging
import threading
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends, purge_urls_from_cache
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)
_pending = threading.local()


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


def purge_changed_page(instance, **kwargs):
    """page_published, page_unpublished: the page and its ancestors."""
    if not enabled():
        return
    if shows_on_other_pages(instance):
        queue(everything=True)
    else:
        queue(page_urls(instance.get_ancestors(inclusive=True)))


def purge_moved_page(instance, parent_page_before, url_path_before, **kwargs):
    """post_page_move: the page at its old and new address, and both sets of ancestors."""
    if not enabled():
        return
    if shows_on_other_pages(instance):
        queue(everything=True)
        return
    moved_from = copy.copy(instance)
    moved_from.url_path = url_path_before
    pages = [moved_from, *parent_page_before.get_ancestors(inclusive=True)]
    queue(page_urls([*pages, *instance.get_ancestors(inclusive=True)]))


def shows_on_every_page(model):
    return issubclass(model, (BaseSiteSetting, PageViewRestriction, Site)) or (
        model in get_snippet_models()
    )


def purge_everything_on_change(sender, **kwargs):
    """post_save, post_delete of site settings, snippets, page privacy and sites."""
    if enabled() and shows_on_every_page(sender):
        queue(everything=True)


def pending():
    if not hasattr(_pending, "urls"):
        _pending.urls, _pending.everything = set(), False
    return _pending


def queue(urls=(), everything=False):
    state = pending()
    state.urls.update(urls)
    state.everything = state.everything or everything
    transaction.on_commit(flush)


def flush():
    """Sends what the committed transaction queued; later callbacks find nothing left."""
    state = pending()
    urls, everything = state.urls, state.everything
    state.urls, state.everything = set(), False
    if everything:
        ban_everything()
    elif urls:
        purge_urls_from_cache(sorted(urls))


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


def connect():
    page_published.connect(purge_changed_page, dispatch_uid="frontend-cache-publish")
    page_unpublished.connect(purge_changed_page, dispatch_uid="frontend-cache-unpublish")
    post_page_move.connect(purge_moved_page, dispatch_uid="frontend-cache-move")
    post_save.connect(purge_everything_on_change, dispatch_uid="frontend-cache-save")
    post_delete.connect(purge_everything_on_change, dispatch_uid="frontend-cache-delete")
