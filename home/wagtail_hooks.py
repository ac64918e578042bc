from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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


class OutgoingMailViewSet(ModelViewSet):
    """The outbox (home/mail.py), read only: what waits, what went out, what failed and why.
    Superusers see it; the group editor offers it to other staff."""

    model = OutgoingMail
    name = "outgoing_mails"
    url_prefix = "outgoing-mails"
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "subject",
        "recipients",
        "status",
        "created_at",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    search_backend_name = None
    ordering = "-created_at"
    list_per_page = 50
    form_fields = ["status"]  # no add or edit view; the viewset asks for a form all the same

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_outgoingmail")

    def get_common_view_kwargs(self, **kwargs):
        hidden = {"add_url_name": None, "edit_url_name": None, "delete_url_name": None}
        return super().get_common_view_kwargs(**hidden, **kwargs)

    def get_urlpatterns(self):
        hidden = {"add", "edit", "delete"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in hidden]


hooks.register("register_admin_viewset", OutgoingMailViewSet)
