"""Who may know of a working group, read its content and moderate it: the one place every
surface asks (group pages, files, search, notifications, e-mails, exports). A secret group's
existence is itself private. The BBE's moderators (group Moderation) moderate every group."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from community.access import MEMBERS_GROUP, MODERATION_GROUP, is_member
from community.groups.models import GroupMembership, Visibility, WorkingGroup
from home.groups import group_names

ACTIVE = GroupMembership.State.ACTIVE


def is_network_moderator(user):
    return user.is_authenticated and (user.is_superuser or MODERATION_GROUP in group_names(user))


def membership(user, group):
    """The user's active membership of `group`, or None."""
    if not user.is_authenticated:
        return None
    # The stored memberships: `group.memberships` may hold a form's unsaved ones.
    return GroupMembership.objects.filter(group=group, user=user, state=ACTIVE).first()


def any_membership(user, group):
    """The user's membership of `group` in any state (active, asked, invited), or None."""
    if not user.is_authenticated:
        return None
    return GroupMembership.objects.filter(group=group, user=user).first()


def may_know(user, group):
    """Whether the user may learn that `group` exists, with its name and purpose: of a
    secret group its members and those it invites."""
    if group.visibility == Visibility.PUBLIC or is_network_moderator(user):
        return True
    if group.visibility == Visibility.CLOSED:
        return is_member(user)
    return is_member(user) and any_membership(user, group) is not None


def may_read(user, group):
    """Whether the user may read the group's threads, files, meetings and member list."""
    if is_network_moderator(user):
        return True
    if not is_member(user):
        return False
    return group.visibility == Visibility.PUBLIC or membership(user, group) is not None


def may_moderate(user, group):
    """Whether the user accepts requests, removes members and archives the group."""
    if is_network_moderator(user):
        return True
    found = membership(user, group)
    return is_member(user) and found is not None and found.role == GroupMembership.Role.MODERATOR


def may_write(user, group):
    """Whether the user starts discussions and replies in the group: its members and
    moderators, while the group is not archived."""
    if group.is_archived or not is_member(user):
        return False
    return is_network_moderator(user) or membership(user, group) is not None


def readable_by(user_ids):
    """{user id: the ids of the groups that user may read} (as may_read) for those of
    `user_ids` who may read any, in a few queries however many (notifications, digests)."""
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    members = set(
        users.filter(Q(is_superuser=True) | Q(groups__name=MEMBERS_GROUP)).values_list(
            "pk", flat=True
        )
    )
    moderators = set(
        users.filter(Q(is_superuser=True) | Q(groups__name=MODERATION_GROUP)).values_list(
            "pk", flat=True
        )
    )
    everything = set(WorkingGroup.objects.values_list("pk", flat=True)) if moderators else set()
    public = set(
        WorkingGroup.objects.filter(visibility=Visibility.PUBLIC).values_list("pk", flat=True)
    )
    readable = {user_id: set(public) for user_id in members}
    for user_id, group_id in GroupMembership.objects.filter(
        user__in=members, state=ACTIVE
    ).values_list("user", "group"):
        readable[user_id].add(group_id)
    for user_id in moderators:
        readable[user_id] = everything
    return readable


def known_to(user):
    """The groups the user may know of, as a queryset (lists, search)."""
    groups = WorkingGroup.objects.all()
    if is_network_moderator(user):
        return groups
    if not is_member(user):
        return groups.filter(visibility=Visibility.PUBLIC)
    own = GroupMembership.objects.filter(user=user).values("group")
    return groups.filter(~Q(visibility=Visibility.SECRET) | Q(pk__in=own))


def moderated_by(user):
    """The groups the user moderates (every group for the BBE's moderators)."""
    groups = WorkingGroup.objects.all()
    if is_network_moderator(user):
        return groups
    if not is_member(user):
        return groups.none()
    own = GroupMembership.objects.filter(
        user=user, state=ACTIVE, role=GroupMembership.Role.MODERATOR
    ).values("group")
    return groups.filter(pk__in=own)
