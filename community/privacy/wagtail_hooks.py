"""The log of privacy requests in the admin, for the moderators: when members exported
their data or deleted their account; it names no one."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import modeladmin_register

from community.admin_lists import ReadOnlyModelAdmin
from community.models import PrivacyRequest


@modeladmin_register
class PrivacyRequestAdmin(ReadOnlyModelAdmin):
    """When members exported their data or deleted their account; the log names no one."""

    model = PrivacyRequest
    menu_label = _("Privacy requests")
    menu_icon = "lock"
    menu_order = 240
    list_display = ("kind", "created_at")
    list_filter = ("kind",)
    ordering = ("-created_at",)
