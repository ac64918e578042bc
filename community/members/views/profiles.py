"""Member profiles: a member's page, their photo, and the form to edit one's own profile.

Approved members see each other's approved profiles; everybody logged in sees their own,
in any state, so that an account waiting for approval can fill in its profile."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from community.access import is_member, is_staff_account, member_required
from community.groups.forms import InviteForm
from community.members.forms import ProfileForm
from community.models import MemberProfile, MemberStatus
from community.templatetags.plain_text import plain_text


def profile_for(user):
    """The user's profile; created on first use for accounts made without the sign-up form
    (e.g. members added in the admin): named after the user, approved if the user is a
    member already, pending otherwise. Staff get none this way (None): a profile would put
    their account in the moderators' list of members."""
    try:
        return user.member_profile
    except MemberProfile.DoesNotExist:
        if is_staff_account(user):
            return None
        return MemberProfile.objects.create(
            user=user,
            display_name=user.get_full_name() or user.get_username(),
            status=MemberStatus.APPROVED if is_member(user) else MemberStatus.PENDING,
        )


def viewable_profile(view):
    """Calls `view(request, profile)` with the profile `pk` if the user may see it: one's
    own profile always; other profiles only members (see member_required), and only
    approved ones (404 otherwise)."""

    @member_required
    def others(request, profile):
        if profile is None or not profile.is_approved or not profile.user.is_active:
            raise Http404
        return view(request, profile)

    @wraps(view)
    def wrapper(request, pk):
        profile = MemberProfile.objects.select_related("user", "organisation").filter(pk=pk)
        profile = profile.first()
        if profile is not None and profile.user_id == request.user.pk:
            return view(request, profile)
        return others(request, profile)

    return wrapper


@never_cache
@viewable_profile
def profile_detail(request, profile):
    texts = [
        ("about", _("About me"), profile.bio),
        ("offers", _("I offer"), profile.offers),
        ("seeks", _("I am looking for"), profile.seeks),
    ]
    return render(
        request,
        "community/members/profile_detail.html",
        {
            "profile": profile,
            "own": profile.user_id == request.user.pk,
            "texts": [(key, title, plain_text(text)) for key, title, text in texts if text],
            "topics": profile.topics.all(),
            "languages": profile.languages.all(),
            "invite_form": invite_form(request.user, profile),
        },
    )


def invite_form(user, profile):
    """The form to invite the member into a working group the user moderates, or None."""
    if profile.user_id == user.pk or not profile.is_approved:
        return None
    form = InviteForm(user, profile.user)
    return form if form.fields["group"].queryset.exists() else None


@viewable_profile
def photo(request, profile):
    """The photo, from the file storage through this check (media/members/ is not served
    as files). Pages link it with the profile's time of change (?v=), so browsers may
    keep it."""
    if not profile.photo:
        raise Http404
    try:
        file = profile.photo.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(file)
    response["Cache-Control"] = "private, max-age=86400"
    return response


@never_cache
@login_required
def edit_profile(request):
    profile = profile_for(request.user)
    if profile is None:
        return render(request, "community/members/staff_profile.html")
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=profile)
    else:
        form = ProfileForm(instance=profile)
    if form.is_bound and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("community:profile", pk=profile.pk)
    return render(
        request, "community/members/profile_form.html", {"form": form, "profile": profile}
    )
