from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.frontend_cache import mark_public_page
from home.models import Organisation


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
