"""The working groups in the admin, for the BBE team (groups Moderation and Redaktion): create
a group, say who may see and join it, appoint its moderators, archive it when it is done."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from community.groups.models import WorkingGroup


class WorkingGroupViewSet(ModelViewSet):
    model = WorkingGroup
    name = "community_groups"
    url_prefix = "community/groups"
    icon = "group"
    menu_label = _("Working groups")
    menu_order = 237
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["name", "visibility", "joining", "ends_on", "archived_at"]
    list_filter = ["visibility", "joining"]
    search_fields = ["name", "purpose"]
    search_backend_name = None
    ordering = "name"


hooks.register("register_admin_viewset", WorkingGroupViewSet)
