"""The names of a user's groups, read once per request: the member area, the knowledge
database and the events all ask which groups someone is in (Mitglieder, Redaktion …)."""


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
