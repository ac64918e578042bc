from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import mail
from home.frontend_cache import mark_public_page
from home.models import Organisation, OutgoingMail


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "short_name", "city", "state", "programme_since"]
    list_filter = ["state"]
    ordering = ["name"]


register_snippet(OrganisationViewSet)
hooks.register("before_serve_page", mark_public_page)  # config.middleware.FrontendCacheMiddleware


class OutgoingMailInspectView(InspectView):
    """One message of the outbox; a failed one can be sent again from here."""

    template_name = "wagtailadmin/outgoing_mails/inspect.html"

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "–" if value is None else value  # not yet sent, no next attempt, no occasion

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        failed = self.object.status == OutgoingMail.Status.FAILED
        if failed and self.user_has_permission("resend"):
            context["resend_url"] = reverse("outgoing_mails:resend", args=[self.object.pk])
        return context


class ResendView(PermissionCheckedMixin, View):
    """A failed message waits again and gets all its attempts (home.mail.resend)."""

    model = OutgoingMail
    permission_required = "resend"
    http_method_names = ["post"]

    def post(self, request, pk):
        row = get_object_or_404(OutgoingMail, pk=pk)
        if mail.resend(row.pk):
            messages.success(
                request, _("»%(subject)s« is being sent again.") % {"subject": row.subject}
            )
        else:
            messages.warning(request, _("Only a failed e-mail can be sent again."))
        return redirect("outgoing_mails:inspect", row.pk)


class OutgoingMailViewSet(ModelViewSet):
    """The outbox (home/mail.py), read only: what waits, what went out, what failed and why,
    and »Send again« for a failed message. Superusers and the group Moderation see it."""

    model = OutgoingMail
    name = "outgoing_mails"
    url_prefix = "outgoing-mails"
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = OutgoingMailInspectView
    inspect_view_fields = [
        "subject",
        "recipients",
        "status",
        "created_at",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "event",
    ]
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    search_backend_name = None
    ordering = "-created_at"
    list_per_page = 50
    form_fields = ["status"]  # no add or edit view; the viewset asks for a form all the same

    def get_permissions_to_register(self):
        codenames = ["view_outgoingmail", "resend_outgoingmail"]
        return super().get_permissions_to_register().filter(codename__in=codenames)

    def get_common_view_kwargs(self, **kwargs):
        hidden = {"add_url_name": None, "edit_url_name": None, "delete_url_name": None}
        return super().get_common_view_kwargs(**hidden, **kwargs)

    def get_urlpatterns(self):
        hidden = {"add", "edit", "delete"}
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden]
        return [*patterns, path("resend/<int:pk>/", ResendView.as_view(), name="resend")]


hooks.register("register_admin_viewset", OutgoingMailViewSet)
