"""The working groups in the admin, one menu »Arbeitsgruppen«: the groups, for the BBE team
(groups Moderation and Redaktion) — create a group, say who may see and join it, appoint its
moderators, archive it when it is done — and their discussions, for the moderators (group
Moderation, who read every group): correct or delete an opening text. Replies are comments,
moderated under »Kommentare«."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from community.groups.models import GroupThread, WorkingGroup


class WorkingGroupViewSet(ModelViewSet):
    model = WorkingGroup
    name = "community_groups"
    url_prefix = "community/groups"
    icon = "group"
    menu_label = _("Groups")
    copy_view_enabled = False
    list_display = ["name", "visibility", "joining", "ends_on", "archived_at"]
    list_filter = ["visibility", "joining"]
    search_fields = ["name", "purpose"]
    search_backend_name = None
    ordering = "name"


class GroupThreadViewSet(ModelViewSet):
    model = GroupThread
    name = "community_group_threads"
    url_prefix = "community/group-discussions"
    icon = "comment"
    menu_label = _("Discussions")
    copy_view_enabled = False
    list_display = ["title", "group", "author", "created_at", "last_activity_at"]
    list_filter = ["group"]
    search_fields = ["title", "text"]
    search_backend_name = None
    ordering = "-last_activity_at"
    form_fields = ["title", "text"]


class WorkingGroupsMenu(ViewSetGroup):
    menu_label = _("Working groups")
    menu_icon = "group"
    menu_order = 237
    items = (WorkingGroupViewSet, GroupThreadViewSet)


hooks.register("register_admin_viewset", WorkingGroupsMenu)
