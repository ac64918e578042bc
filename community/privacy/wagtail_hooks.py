"""The log of privacy requests in the admin, for the moderators: when members exported
their data or deleted their account; it names no one."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from community.admin_views import ReadOnlyViewSet
from community.models import PrivacyRequest


class PrivacyRequestViewSet(ReadOnlyViewSet):
    model = PrivacyRequest
    name = "community_privacy_requests"
    url_prefix = "community/privacyrequest"
    icon = "lock"
    menu_label = _("Privacy requests")
    menu_order = 240
    list_display = ["kind", "created_at"]
    list_filter = ["kind"]
    ordering = "-created_at"


hooks.register("register_admin_viewset", PrivacyRequestViewSet)
