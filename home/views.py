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
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.admin.views.account import LoginView, PasswordResetView

from home import ratelimit

TOO_MANY_RESETS = _(
    "Too many requests to reset a password in a short time. Please wait an hour and try again."
)


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


class AdminPasswordResetView(PasswordResetView):
    """The admin's »Forgot password?«, limited like the site's (ACCOUNT_RATE_LIMITS
    "admin_password_reset": per IP address and per address typed); past the limit the form
    says so (status 429) and no e-mail is sent. The form is home.forms.AdminPasswordResetForm
    (WAGTAILADMIN_USER_PASSWORD_RESET_FORM)."""

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if not ratelimit.allowed(self.request, "admin_password_reset", key=email):
            form.add_error(None, TOO_MANY_RESETS)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


class AdminLoginView(LoginView):
    """Wagtail's admin login, answering 429 when the account or the address is locked out
    (home.forms.AdminLoginForm, WAGTAILADMIN_USER_LOGIN_FORM)."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error("__all__", "too_many_login_attempts"):
            response.status_code = 429
        return response
