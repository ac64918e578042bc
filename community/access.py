"""Who may see what in the member area. Access to member content is membership of the group
Mitglieder (as for Wagtail's view restrictions of pages and documents); a signed-up account
that waits for approval is logged in but sees nothing more than a visitor."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.translation import gettext as _

from home.groups import group_names, staff_ids

MEMBERS_GROUP = "Mitglieder"
MODERATION_GROUP = "Moderation"


def is_staff_account(user):
    """Whether the account belongs to the BBE's staff (home.groups.STAFF): managed by
    administrators, never by moderators."""
    return user.is_authenticated and bool(staff_ids([user.pk]))


def is_member(user):
    """True for approved members (and superusers)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or MEMBERS_GROUP in group_names(user)


def display_name(user):
    """How the site names a user in messages: full name, else e-mail address."""
    return user.get_full_name() or user.email or user.get_username()


def public_name(user):
    """How the site names a person to other members: the profile's name, else the
    account's full name; never an e-mail address."""
    profile = getattr(user, "member_profile", None)
    return (profile.display_name if profile else "") or user.get_full_name() or _("member")


def member_state(user):
    """ "visitor", "pending" (logged in, not approved) or "member"."""
    if not user.is_authenticated:
        return "visitor"
    return "member" if is_member(user) else "pending"


def member_required(view):
    """Visitors go to the login page and back; logged-in accounts without approval get a
    German explanation with status 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_member(request.user):
            return render(request, "community/members_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
