import hashlib

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils.cache import patch_cache_control

from home.caching import MISSING, SITE, key_for, lookup, store


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy of CONTENT_SECURITY_POLICY on the public site, and the relaxed
    CONTENT_SECURITY_POLICY_ADMIN below the admin, whose scripts and styles are inline."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIXES):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts


# Never kept by a shared cache, whatever a page says (deploy/varnish/default.vcl passes them too).
PRIVATE_PATH_PREFIXES = ("/admin/", "/documents/", "/konto/", "/netzwerk/", "/suche/")


class FrontendCacheMiddleware:
    """Cache-Control for the frontend cache (Varnish), opt-in: a response may be kept by a
    shared cache only when home.frontend_cache.mark_public_page marked the request (a live
    Wagtail page without view restrictions, at its own address) and it is a GET or HEAD with
    status 200 from a visitor without any cookie or login that sets no cookie and rendered no
    CSRF token. It then says `public, max-age=0, s-maxage=FRONTEND_CACHE_S_MAXAGE`; every other
    response without a Cache-Control of its own says `private`. A view's own header (e.g. the
    admin's never_cache, robots.txt) is left alone.

    Sits above SessionMiddleware and CsrfViewMiddleware, so it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if shared_cache_may_keep(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.FRONTEND_CACHE_S_MAXAGE
            )
            request.shared_cache_may_keep = True
        else:
            patch_cache_control(response, private=True)
        return response


class PageCacheMiddleware:
    """The app's own copy of what Varnish may keep, for when there is no Varnish or for
    requests that miss it: a visitor's view of a public page (what FrontendCacheMiddleware
    marks `public`) is kept in the cache for FRONTEND_CACHE_S_MAXAGE seconds and served to
    the next request for the same address that has no cookie and no Authorization header.
    The key holds the version of the cache SITE (home/caching.py), so a change of anything the
    registry (config/caches.py) says pages show is shown at once; what it lists as shown late
    (free places) shows after at most FRONTEND_CACHE_S_MAXAGE, as through Varnish.
    PAGE_CACHE switches it off: where Varnish runs, it would only repeat what Varnish keeps."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not may_share(request):
            return self.get_response(request)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        found = key_for(SITE, f"page:{request.get_host()}:{digest}")
        if found is None:  # this thread's open transaction changed what pages show
            return self.get_response(request)
        response = lookup(found[1], local=False)
        if response is not MISSING:
            response["X-Page-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if request.method == "GET" and getattr(request, "shared_cache_may_keep", False):
            response["X-Page-Cache"] = "MISS"
            store(SITE, *found, response, settings.FRONTEND_CACHE_S_MAXAGE, local=False)
        return response


def may_share(request):
    """A request any visitor could have made: GET or HEAD, no cookie, no credentials."""
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(PRIVATE_PATH_PREFIXES)
    )


def shared_cache_may_keep(request, response):
    user = getattr(request, "user", None)
    return (
        getattr(request, "frontend_cache_public", False)
        and may_share(request)
        and response.status_code == 200
        and not (user and user.is_authenticated)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )
