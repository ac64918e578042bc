"""What every page of the site reads and what rarely changes, kept in the cache: the site of a
host name with its start page, the site settings, the page view restrictions and the menus.

One version number covers all of it, and the pages config.middleware.PageCacheMiddleware
keeps. Any change of a page (a draft, a publication, a move, a deletion), of a snippet, of
a view restriction, of a site or of the site settings sets a new version,
so a cached value is never read after the change; old versions simply expire. Where the
cache is unreachable, every value is read from the database as if nothing were cached.

What every page reads and what costs most to build again (the library's catalogue of facets)
is built right after the request that changed the site, once its response has been sent
(`rebuild_after_changes`), so that the next visitor does not wait for it.
"""

import logging
import re
import threading
import time

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move
from wagtail.snippets.models import get_snippet_models

VERSION_KEY = "site-cache:version"
# The search index's version: the search backends set a new one whenever they index or
# remove anything (search/cache.py), so that what was found before is not read again.
INDEX_VERSION_KEY = "search:index-version"
TIMEOUT = 60 * 60 * 24
MISSING = object()
SLUG = re.compile(r"[-\w]{1,100}")

logger = logging.getLogger(__name__)
# Functions of no arguments that build what a new version left missing (rebuild_after_changes).
REBUILT_AFTER_CHANGES = []
# Whether the request this thread serves has set a new version.
_this_request = threading.local()


def version(key=VERSION_KEY):
    """The current version under `key`; a new one if the cache has none (after a restart or
    a flush)."""
    current = cache.get(key)
    if current is None:
        current = time.time_ns()
        if not cache.add(key, current, None):
            current = cache.get(key, current)
    return current


def new_version(key=VERSION_KEY, **kwargs):
    """Makes everything cached under the old version stale (also a signal receiver)."""
    cache.set(key, time.time_ns(), None)
    if key == VERSION_KEY:
        _this_request.changed = True


def rebuild_after_changes(function):
    """Has `function()` called after each request that set a new version, when its response
    has been sent: an editor's publication does not wait for it, and the next visitor finds
    it built. (Changes outside requests, such as imports, leave it to the next visitor.)"""
    REBUILT_AFTER_CHANGES.append(function)
    return function


def request_starts(**kwargs):
    _this_request.changed = False


def request_ends(**kwargs):
    if not getattr(_this_request, "changed", False):
        return
    _this_request.changed = False
    for function in REBUILT_AFTER_CHANGES:
        try:
            function()
        except Exception:  # the response is out; the next visitor builds it after all
            logger.exception("Could not rebuild %s after a change", function.__qualname__)


def cached(name, build):
    """The value cached under `name` for the current version, built by `build()` when
    missing. `None` is a value like any other."""
    key = f"site-cache:{version()}:{name}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def site_for_request(request):
    """The Wagtail site of the request, with its start page loaded (Wagtail's
    `Site.find_for_request` keeps its answer on the request as `_wagtail_site`)."""
    if not hasattr(request, "_wagtail_site"):
        hostname = request._get_raw_host().rsplit(":", 1)[0].lower()

        def build():
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page.specific  # noqa: B018 -- loads the start page to be cached
            return site

        request._wagtail_site = cached(f"site:{hostname}:{request.get_port()}", build)
    return request._wagtail_site


class SiteMiddleware:
    """Finds the request's site in the cache instead of the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_for_request(request)
        return self.get_response(request)


def child_type(parent, slug):
    """The content type id of the child page of `parent` with `slug`, or None. Only found
    pages are kept, so unknown addresses fill no cache."""
    if not SLUG.fullmatch(slug):
        return None
    key = f"site-cache:{version()}:child:{parent.pk}:{slug}"
    content_type_id = cache.get(key)
    if content_type_id is None:
        children = Page.objects.child_of(parent).filter(slug=slug)
        content_type_id = children.values_list("content_type_id", flat=True).first()
        if content_type_id is not None:
            cache.set(key, content_type_id, TIMEOUT)
    return content_type_id


def restricted_paths():
    """{path of a page with view restrictions: [restriction ids]} for the whole tree, and
    whether any page is an alias (whose restrictions are those of its original)."""

    def build():
        paths = {}
        for restriction_id, path in PageViewRestriction.objects.values_list("pk", "page__path"):
            paths.setdefault(path, []).append(restriction_id)
        return paths, Page.objects.filter(alias_of__isnull=False).exists()

    return cached("restricted-paths", build)


def rebuild_shared_values():
    """What every page of every site reads, built again after a change: the view
    restrictions, each site's settings and main menu."""
    from home.models import SiteSettings
    from home.navigation import main_menu_pages

    restricted_paths()
    for site in Site.objects.select_related("root_page"):
        SiteSettings.for_site(site)
        main_menu_pages(site)


def view_restrictions(page):
    """The view restrictions that cover `page`, as Wagtail's `get_view_restrictions()`
    returns them, but without a query for the (usual) page that none covers."""
    paths, any_alias = restricted_paths()
    if any_alias:
        return None
    ids = [
        restriction_id
        for path, restriction_ids in paths.items()
        if page.path.startswith(path)
        for restriction_id in restriction_ids
    ]
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)


def shown_on_pages(sender):
    """Models whose objects pages show: pages, snippets (organisations, topics, speakers …)
    and what decides who sees a page or how every page looks."""
    from home.models import SiteSettings

    return issubclass(sender, (Page, PageViewRestriction, Site, SiteSettings)) or (
        sender in get_snippet_models()
    )


def new_version_on_change(sender, **kwargs):
    if shown_on_pages(sender):
        new_version()


def connect():
    post_save.connect(new_version_on_change, dispatch_uid="site-cache-save")
    post_delete.connect(new_version_on_change, dispatch_uid="site-cache-delete")
    post_page_move.connect(new_version, dispatch_uid="site-cache-page-move")
    m2m_changed.connect(
        new_version,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="site-cache-restriction-groups",
    )
    request_started.connect(request_starts, dispatch_uid="site-cache-request-starts")
    request_finished.connect(request_ends, dispatch_uid="site-cache-request-ends")
