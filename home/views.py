from django.conf import settings
from django.http import (
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon, e.g. for a PDF they show."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def page_not_found(request, exception=None):
    """The German 404 in the site's design, with navigation."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    """The German 500: a self-contained template that needs no database."""
    context = {"platform_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseServerError(loader.render_to_string("500.html", context))


def csrf_failure(request, reason=""):
    """The German 403 for a form sent without a valid CSRF token (e.g. an old tab), like
    the 500 without the site's navigation (Django calls it without a template context)."""
    context = {"platform_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseForbidden(loader.render_to_string("403_csrf.html", context))
