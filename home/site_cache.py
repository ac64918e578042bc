"""What every page of the site reads and what rarely changes, kept in the cache `SITE`
(home/caching.py; config/caches.py says what makes it stale): the site of a host name with
its start page, the page view restrictions and each page below its parent, as routing reads
it. The site settings (home/models/site_settings.py), the menus and the footer
(home/navigation.py), the library's catalogue of facets, fragments of pages
(`{% shared_fragment %}`) and visitors' whole pages (config/middleware.py) are kept the
same way. What every page reads is built again right after the request that changed it
(`rebuild_shared_values`), once its response has been sent, so that the next visitor does not
wait for it.
"""

import re

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from home.caching import SITE, cached

SLUG = re.compile(r"[-\w]{1,100}")


def site_for_request(request):
    """The Wagtail site of the request, with its start page loaded (Wagtail's
    `Site.find_for_request` keeps its answer on the request as `_wagtail_site`)."""
    if not hasattr(request, "_wagtail_site"):
        hostname = request._get_raw_host().rsplit(":", 1)[0].lower()
        request._wagtail_site = site_for(hostname, request.get_port())
    return request._wagtail_site


# The addresses (hostname, port) this process served lately, at most MAX_SERVED: their
# sites are built again after a change (rebuild_shared_values).
_served = set()
MAX_SERVED = 16


def site_for(hostname, port):
    """The site Wagtail finds for the address, with its start page as its own type and what
    that shows, or None."""
    if (hostname, port) not in _served:
        if len(_served) >= MAX_SERVED:
            _served.clear()
        _served.add((hostname, port))

    def build():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        with_related(site.root_page.specific)
        return site

    return cached(SITE, f"site:{hostname}:{port}", build)


class SiteMiddleware:
    """Finds the request's site in the cache instead of the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_for_request(request)
        return self.get_response(request)


def with_related(page):
    """`page` with the related objects its template shows (its `kept_with`) loaded, to be
    kept together in the cache."""
    for name in getattr(page, "kept_with", ()):
        getattr(page, name)
    return page


def child_page(parent, slug):
    """The child page of `parent` with `slug`, as its own type, or None: what routing reads
    at each level of an address. Any change of a page makes SITE stale, so the kept page is
    the one in the database. Only found pages are kept, so unknown addresses fill no cache."""
    if not SLUG.fullmatch(slug):
        return None
    return cached(
        SITE,
        f"child-page:{parent.pk}:{slug}",
        lambda: with_related(Page.objects.child_of(parent).filter(slug=slug).specific().first()),
        keep=lambda child: child is not None,
    )


def restricted_paths():
    """{path of a page with view restrictions: [restriction ids]} for the whole tree, and
    whether any page is an alias (whose restrictions are those of its original)."""

    def build():
        paths = {}
        for restriction_id, path in PageViewRestriction.objects.values_list("pk", "page__path"):
            paths.setdefault(path, []).append(restriction_id)
        return paths, Page.objects.filter(alias_of__isnull=False).exists()

    return cached(SITE, "restricted-paths", build)


def rebuild_shared_values():
    """What every page of every site reads, built again after a change: the view
    restrictions, the sites of the addresses served lately, each site's settings and main
    menu, and the sections below its start page as routing finds them."""
    from home.models import SiteSettings
    from home.navigation import main_menu_pages

    restricted_paths()
    for hostname, port in list(_served):
        site_for(hostname, port)
    for site in Site.objects.select_related("root_page"):
        SiteSettings.for_site(site)
        main_menu_pages(site)
        for slug in site.root_page.get_children().live().values_list("slug", flat=True):
            child_page(site.root_page, slug)


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
