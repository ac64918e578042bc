"""The names of a user's groups, read once per request: the member area, the knowledge
database and the events all ask which groups someone is in (Mitglieder, Redaktion …), and
who counts as staff."""

from django.contrib.auth import get_user_model
from django.db.models import Q

# The BBE's staff (the groups of home/migrations/0002_groups.py): their accounts are managed
# by administrators, never by moderators, and only they use the admin's password reset.
STAFF_GROUPS = ("Redaktion", "Veranstaltungsmanagement", "Moderation")
STAFF = (
    Q(is_superuser=True)
    | Q(is_staff=True)
    | Q(groups__name__in=STAFF_GROUPS)
    | Q(groups__permissions__codename="access_admin")
    | Q(user_permissions__codename="access_admin")
)


def staff_users():
    """Superusers, Django staff, the staff groups, and anyone else who may enter the admin."""
    return get_user_model().objects.filter(STAFF).distinct()


def staff_ids(user_ids):
    """Which of the users are staff."""
    return set(staff_users().filter(pk__in=list(user_ids)).values_list("pk", flat=True))


def group_names(user):
    """A frozenset of the names of `user`'s groups (empty for visitors), cached on the user
    object, which lives as long as the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_group_names"):
        user._group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._group_names


def audience(user):
    """Who sees the same things in the knowledge database and the search, and so may share
    what is kept of it: visitors (and inactive accounts), superusers, and people with the
    same groups."""
    if not (user.is_authenticated and user.is_active):
        return "visitors"
    if user.is_superuser:
        return "superusers"
    return "groups:" + ",".join(sorted(group_names(user)))
