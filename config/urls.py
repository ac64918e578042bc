from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from community.members.views import accounts
from config.health import healthz
from home import views as home_views

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
# allauth's rate limits answer through this one (config/outages.py).
handler429 = "config.outages.too_many_requests"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Before Wagtail's own: the admin's login under the site's lock-out, and its password
    # reset, rate-limited and for staff only.
    path("admin/login/", home_views.AdminLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/password_reset/",
        home_views.AdminPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("", include("events.urls")),
    # Wagtail's own login for private pages is never linked (WAGTAIL_FRONTEND_LOGIN_URL):
    # it goes to allauth's, so that no login form escapes the lock-out.
    re_path(
        r"^_util/login/$",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
    # allauth's login, answering HTTP 429 when an account is locked out
    path("konto/login/", accounts.LoginView.as_view(), name="account_login"),
    path("konto/", include("allauth.urls")),
    path("netzwerk/", include("community.urls")),
    path("suche/", include("search.urls")),
]

if settings.SERVE_MEDIA:
    # Development and tests only; in production the reverse proxy serves media. Images only:
    # documents are always served through Wagtail's permission check, never as files.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += [path("", include(wagtail_urls))]
