"""The working groups on the site: the list of the groups someone may know of, a group's
page, and what members and group moderators do there — join an open group, ask to join and
answer a request, invite a member (from their profile) and answer an invitation, leave,
remove a member, archive a finished group, found a group where the site settings allow.

Who may do what is community/groups/access.py's business. A group someone may not know of
answers 404, and a visitor is asked to log in first for any group that is not public (also
for addresses that name no group), so that nothing tells that a closed or secret group
exists."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.access import is_member, member_required, public_name
from community.comments.counts import with_counts
from community.comments.rules import visible_comments
from community.groups import access, emails
from community.groups.forms import (
    DecisionForm,
    GroupForm,
    InviteForm,
    MaterialLinkForm,
    MeetingForm,
    RequestForm,
    ThreadForm,
)
from community.groups.ics import meeting_calendar
from community.groups.models import (
    GroupMaterial,
    GroupMembership,
    GroupSettings,
    GroupThread,
    Joining,
    WorkingGroup,
)
from community.models import Follow, MemberProfile
from community.notifications.notify import meeting_planned, thread_started
from events.ics import calendar_filename, calendar_response
from home.models.pages import viewable_by
from home.pagination import page_of
from library.models import MaterialPage

PER_PAGE = 20
THREADS_PER_PAGE = 20
ACTIVE = GroupMembership.State.ACTIVE
REQUESTED = GroupMembership.State.REQUESTED
INVITED = GroupMembership.State.INVITED


def known_group(view):
    """Calls `view(request, group, …)` with the group `slug` if the user may know of it."""

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        group = WorkingGroup.objects.filter(slug=slug).first()
        if group is None or not access.may_know(request.user, group):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404
        return view(request, group, *args, **kwargs)

    return wrapper


def moderated(view):
    """`known_group` for the group's moderators only (others get 403)."""

    @wraps(view)
    @member_required
    @known_group
    def wrapper(request, group, *args, **kwargs):
        if not access.may_moderate(request.user, group):
            raise PermissionDenied
        return view(request, group, *args, **kwargs)

    return wrapper


def readable(view):
    """`known_group` for those who may read the group's content: visitors log in first,
    accounts waiting for approval get the »members only« page, other members 404."""

    @wraps(view)
    @known_group
    def wrapper(request, group, *args, **kwargs):
        if not access.may_read(request.user, group):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_member(request.user):
                return render(request, "community/members_only.html", status=403)
            raise Http404
        return view(request, group, *args, **kwargs)

    return wrapper


def may_create(request):
    """Whether the user may found a group on the site: members where the site settings
    allow it, the BBE's moderators always."""
    if access.is_network_moderator(request.user):
        return True
    return is_member(request.user) and GroupSettings.for_request(request).members_create_groups


def with_member_counts(groups):
    active = Count("memberships", filter=Q(memberships__state=ACTIVE))
    return groups.annotate(member_count=active).prefetch_related("topics")


# --- The list and a group's page --------------------------------------------------------------


@never_cache
def group_list(request):
    user = request.user
    known = with_member_counts(access.known_to(user))
    own = {}
    if user.is_authenticated:
        own = {found.group_id: found for found in GroupMembership.objects.filter(user=user)}
    mine = list(known.filter(pk__in=own).order_by("archived_at", "name"))
    for group in mine:
        group.own = own[group.pk]
    others = known.exclude(pk__in=own).order_by("archived_at", "name")
    return render(
        request,
        "community/groups/list.html",
        {
            "mine": mine,
            "others_page": page_of(others, request.GET.get("page"), PER_PAGE),
            "may_create": may_create(request),
            "is_member": is_member(user),
        },
    )


@never_cache
@known_group
def group_detail(request, group):
    return group_page(request, group)


def group_page(request, group, forms=None, status=200):
    """A group's page; `forms` are bound forms to show again with their errors."""
    user = request.user
    forms = forms or {}
    readable = access.may_read(user, group)
    threads = None
    if readable:
        threads = page_of(
            with_counts(
                group.threads.select_related("author__member_profile"),
                visible_comments().filter(
                    content_type=ContentType.objects.get_for_model(GroupThread)
                ),
                "reply_count",
            ),
            request.GET.get("page"),
            THREADS_PER_PAGE,
        )
    moderates = access.may_moderate(user, group)
    memberships = group.memberships.select_related("user__member_profile")
    members = []
    if readable:
        members = sorted(
            memberships.filter(state=ACTIVE),
            key=lambda found: (found.role != found.Role.MODERATOR, public_name(found.user).lower()),
        )
    waiting = memberships.filter(state=REQUESTED).order_by("created_at") if moderates else []
    own = access.any_membership(user, group)
    return render(
        request,
        "community/groups/detail.html",
        {
            "group": group,
            "topics": group.topics.all(),
            "own": own,
            "is_member": is_member(user),
            "readable": readable,
            "moderates": moderates,
            "members": [
                (found, public_name(found.user), profile_of(found.user)) for found in members
            ],
            "member_count": group.memberships.filter(state=ACTIVE).count(),
            "requests": [
                (
                    found,
                    public_name(found.user),
                    profile_of(found.user),
                    forms.get(found.pk) or DecisionForm(found),
                )
                for found in waiting
            ],
            "invited_count": memberships.filter(state=INVITED).count() if moderates else 0,
            "request_form": forms.get("request") or RequestForm(),
            "threads_page": threads,
            "meetings": upcoming_meetings(group) if readable else [],
            "linked": linked_materials(group, user) if readable else [],
            "material_form": forms.get("material") or MaterialLinkForm(user, group),
            "meeting_form": forms.get("meeting") or MeetingForm(),
            "may_write": access.may_write(user, group),
            "thread_form": forms.get("thread") or ThreadForm(),
        },
        status=status,
    )


def profile_of(user):
    """The user's approved profile (to link to), or None (staff have none)."""
    profile = getattr(user, "member_profile", None)
    return profile if profile is not None and profile.is_approved else None


# --- Discussions ------------------------------------------------------------------------------


@require_POST
@member_required
@known_group
def start_thread(request, group):
    if not access.may_write(request.user, group):
        raise PermissionDenied
    form = ThreadForm(request.POST)
    if not form.is_valid():
        return group_page(request, group, {"thread": form}, status=400)
    thread = form.save(commit=False)
    thread.group, thread.author = group, request.user
    thread.save()
    Follow.objects.create(
        user=request.user,
        content_type=ContentType.objects.get_for_model(GroupThread),
        object_id=thread.pk,
    )
    thread_started(thread)
    messages.success(request, _("Your discussion has been started."))
    return redirect(thread)


@never_cache
@readable
def thread_detail(request, group, pk):
    """A discussion with its replies, for those who may read the group."""
    thread = get_object_or_404(group.threads.select_related("author__member_profile"), pk=pk)
    author = thread.author
    return render(
        request,
        "community/groups/thread.html",
        {
            "group": group,
            "thread": thread,
            "author_name": public_name(author) if author else _("former member"),
            "author_profile": profile_of(author) if author else None,
            "moderates": access.may_moderate(request.user, group),
        },
    )


@moderated
def delete_thread(request, group, pk):
    """Deletes a discussion with its replies, after asking: for the group's moderators."""
    thread = get_object_or_404(group.threads, pk=pk)
    if request.method != "POST":
        context = {"group": group, "thread": thread, "title": _("Delete the discussion")}
        return render(request, "community/groups/delete_thread.html", context)
    thread.delete()  # its replies with it (community.groups.models.delete_replies)
    messages.success(request, _("The discussion »%(title)s« is deleted.") % {"title": thread})
    return redirect(group)


# --- Meetings ---------------------------------------------------------------------------------


def upcoming_meetings(group):
    return list(group.meetings.filter(ends_at__gte=timezone.now()))


@require_POST
@moderated
def add_meeting(request, group):
    if group.is_archived:
        raise PermissionDenied
    form = MeetingForm(request.POST)
    if not form.is_valid():
        return group_page(request, group, {"meeting": form}, status=400)
    meeting = form.save(commit=False)
    meeting.group, meeting.created_by = group, request.user
    meeting.save()
    meeting_planned(meeting)
    messages.success(request, _("The meeting »%(title)s« is planned.") % {"title": meeting})
    return redirect(meeting.get_absolute_url())


@moderated
def delete_meeting(request, group, pk):
    """Cancels a meeting, after asking."""
    meeting = get_object_or_404(group.meetings, pk=pk)
    if request.method != "POST":
        context = {"group": group, "meeting": meeting, "title": _("Cancel the meeting")}
        return render(request, "community/groups/cancel_meeting.html", context)
    meeting.delete()
    messages.success(request, _("The meeting »%(title)s« is cancelled.") % {"title": meeting})
    return redirect(group)


@readable
def meeting_ics(request, group, pk):
    """A meeting as a file for the calendar, for those who may read the group."""
    meeting = get_object_or_404(group.meetings.select_related("group"), pk=pk)
    return calendar_response(meeting_calendar(meeting, request), calendar_filename(meeting.title))


# --- Materials of the knowledge database ------------------------------------------------------


def linked_materials(group, user):
    """The group's links to published materials the user may open, newest first."""
    visible = MaterialPage.objects.live().filter(viewable_by(user)).values("pk")
    links = group.materials.filter(material__in=visible).select_related("added_by__member_profile")
    links = list(links.select_related("material"))
    moderates = access.may_moderate(user, group)
    for link in links:
        link.may_remove = moderates or link.added_by_id == user.pk
        link.added_by_name = public_name(link.added_by) if link.added_by else _("former member")
    return links


@require_POST
@member_required
@known_group
def link_material(request, group):
    if not access.may_write(request.user, group):
        raise PermissionDenied
    form = MaterialLinkForm(request.user, group, request.POST)
    if not form.is_valid():
        return group_page(request, group, {"material": form}, status=400)
    material = form.cleaned_data["address"]
    GroupMaterial.objects.create(
        group=group, material=material, note=form.cleaned_data["note"], added_by=request.user
    )
    messages.success(request, _("»%(title)s« is linked to the group.") % {"title": material.title})
    return redirect(f"{group.get_absolute_url()}#materials-title")


@require_POST
@member_required
@known_group
def unlink_material(request, group, pk):
    link = get_object_or_404(group.materials.select_related("material"), pk=pk)
    if link.added_by_id != request.user.pk and not access.may_moderate(request.user, group):
        raise PermissionDenied
    link.delete()
    messages.success(
        request, _("»%(title)s« is no longer linked.") % {"title": link.material.title}
    )
    return redirect(f"{group.get_absolute_url()}#materials-title")


# --- Joining and leaving ----------------------------------------------------------------------


@require_POST
@member_required
@known_group
def join(request, group):
    """Joins an open group, or asks to join one that takes requests."""
    if group.is_archived:
        messages.error(request, _("This working group is archived: nobody joins it any more."))
        return redirect(group)
    if access.any_membership(request.user, group) is not None:
        return redirect(group)
    if group.joining == Joining.OPEN:
        GroupMembership.objects.create(group=group, user=request.user)
        messages.success(request, _("You are now a member of »%(name)s«.") % {"name": group})
    elif group.joining == Joining.REQUEST:
        form = RequestForm(request.POST)
        if not form.is_valid():
            return group_page(request, group, {"request": form}, status=400)
        found = GroupMembership.objects.create(
            group=group, user=request.user, state=REQUESTED, message=form.cleaned_data["message"]
        )
        emails.request_received(found)
        messages.success(
            request,
            _("Your request has gone to the group's moderators. We will let you know by e-mail."),
        )
    else:
        messages.error(request, _("Only the group's moderators invite new members."))
    return redirect(group)


@require_POST
@member_required
@known_group
def accept_invitation(request, group):
    found = access.any_membership(request.user, group)
    if found is None or found.state != INVITED or group.is_archived:
        messages.error(request, _("There is no invitation to this working group for you."))
        return redirect(group)
    found.state = ACTIVE
    found.save(update_fields=["state"])
    messages.success(request, _("You are now a member of »%(name)s«.") % {"name": group})
    return redirect(group)


@member_required
@known_group
def leave(request, group):
    """Leaves the group, withdraws one's request or declines an invitation; leaving asks
    first."""
    found = access.any_membership(request.user, group)
    if found is None:
        return redirect(group)
    if request.method != "POST":
        context = {"group": group, "own": found, "title": _("Leave the group")}
        return render(request, "community/groups/leave.html", context)
    found.delete()
    done = {
        ACTIVE: _("You have left »%(name)s«."),
        REQUESTED: _("Your request to join »%(name)s« is withdrawn."),
        INVITED: _("You have declined the invitation to »%(name)s«."),
    }
    messages.success(request, done[found.state] % {"name": group})
    return redirect(group if access.may_know(request.user, group) else "community:groups")


# --- The group's moderators -------------------------------------------------------------------


@require_POST
@moderated
def decide(request, group, pk):
    """Accepts or declines a request to join, with a message to the person."""
    found = get_object_or_404(group.memberships, pk=pk, state=REQUESTED)
    form = DecisionForm(found, request.POST)
    if not form.is_valid():
        return group_page(request, group, {found.pk: form}, status=400)
    accepted = "accept" in request.POST
    name = public_name(found.user)
    if accepted:
        found.state = ACTIVE
        found.save(update_fields=["state"])
        messages.success(request, _("%(name)s is now a member of the group.") % {"name": name})
    else:
        found.delete()
        messages.success(request, _("The request of %(name)s is declined.") % {"name": name})
    emails.request_decided(found, group, accepted, form.cleaned_data["message"])
    return redirect(group)


@moderated
def remove_member(request, group, pk):
    found = get_object_or_404(group.memberships.select_related("user"), pk=pk, state=ACTIVE)
    if found.user_id == request.user.pk:
        return redirect("community:group_leave", group.slug)
    name = public_name(found.user)
    if request.method != "POST":
        context = {"group": group, "name": name, "title": _("Remove a member")}
        return render(request, "community/groups/remove.html", context)
    found.delete()
    emails.removed(found, group)
    messages.success(request, _("%(name)s is no longer a member of the group.") % {"name": name})
    return redirect(group)


@require_POST
@moderated
def archive(request, group):
    """Archives a finished group (read-only) or opens it again."""
    group.archived_at = None if group.is_archived else timezone.now()
    group.save(update_fields=["archived_at"])
    if group.is_archived:
        messages.success(request, _("The working group is archived: it is read-only now."))
    else:
        messages.success(request, _("The working group is open again."))
    return redirect(group)


@require_POST
@member_required
def invite(request, pk):
    """Invites the member with profile `pk` into one of the groups the user moderates."""
    profile = get_object_or_404(MemberProfile.objects.approved(), pk=pk)
    form = InviteForm(request.user, profile.user, request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("group", [])))
        return redirect("community:profile", profile.pk)
    found = GroupMembership.objects.create(
        group=form.cleaned_data["group"],
        user=profile.user,
        state=INVITED,
        message=form.cleaned_data["message"],
    )
    emails.invited(found, public_name(request.user))
    messages.success(
        request,
        _("%(name)s is invited to »%(group)s«.")
        % {"name": profile.display_name, "group": found.group},
    )
    return redirect("community:profile", profile.pk)


@never_cache
@member_required
def create_group(request):
    if not may_create(request):
        raise PermissionDenied
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            group = form.save()
            GroupMembership.objects.create(
                group=group, user=request.user, role=GroupMembership.Role.MODERATOR
            )
        messages.success(
            request,
            _("The working group »%(name)s« is founded; you moderate it.") % {"name": group},
        )
        return redirect(group)
    return render(request, "community/groups/form.html", {"form": form})
