"""A member's privacy rights: download everything the platform holds about them (JSON), and
delete their account. Both are logged as a PrivacyRequest that names no one.

The export stays one JSON file: the profile photo is in it as Base64 text (with its file
name and type), so that the file itself is handed out, not only its name."""

import base64
import json
import mimetypes
from pathlib import PurePosixPath

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_comments.models import Comment, CommentFlag

from community.access import is_member
from community.comments import rules
from community.groups.models import GroupThread, memberships_of
from community.models import (
    CollectionItem,
    Follow,
    MaterialCollection,
    MemberProfile,
    Notification,
    NotificationSetting,
    PrivacyRequest,
    Question,
)
from community.privacy.forms import DeleteAccountForm
from events import waiting_list
from events.models import CalendarFeed, Registration, StarredSession
from events.models.registrations import ACTIVE
from home.caching import rows_updated

EXPORT_FILENAME = "meine-daten.json"


@never_cache
@login_required
def my_data(request):
    return render(
        request, "community/privacy/my_data.html", {"may_delete": may_delete_itself(request.user)}
    )


@never_cache
@login_required
def export(request):
    """The requester's own data as a JSON file: there is no way to ask for anyone else's."""
    data = personal_data(request.user, request)
    PrivacyRequest.objects.create(kind=PrivacyRequest.Kind.EXPORT)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response.headers["Content-Disposition"] = content_disposition_header(True, EXPORT_FILENAME)
    return response


@never_cache
@login_required
def delete_account(request):
    user = request.user
    if not may_delete_itself(user):
        return render(request, "community/privacy/delete_account.html", {"staff": True}, status=403)
    form = DeleteAccountForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        logout(request)
        delete_user(user)
        messages.success(
            request,
            _(
                "Your account and your personal data have been deleted. Thank you for having "
                "been part of the network."
            ),
        )
        return redirect("/")
    return render(request, "community/privacy/delete_account.html", {"form": form})


def may_delete_itself(user):
    """Accounts of the staff (administrators, editors, moderators) are removed by an
    administrator, who also hands over their work."""
    return not (user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"))


# --- What the platform holds about a user ---------------------------------------------------


def personal_data(user, request):
    """Everything about `user`; `request` (the user's own) decides what of other members'
    content the user may still read (the comments they reported)."""
    profile = (
        MemberProfile.objects.select_related("organisation")
        .prefetch_related("topics", "languages")
        .filter(user=user)
        .first()
    )
    feed = CalendarFeed.objects.filter(user=user).first()
    return {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "profile": profile_data(profile) if profile else None,
        "consent": (
            {"accepted_at": profile.privacy_consent_at, "version": profile.privacy_notice_version}
            if profile
            else None
        ),
        "event_registrations": [
            registration_data(registration)
            for registration in Registration.objects.of_user(user)
            .select_related("congress")
            .prefetch_related("workshops")
            .order_by("created_at", "pk")
        ],
        "starred_sessions": [
            {
                "congress": star.session.congress.title,
                "session": star.session.title,
                "day": star.session.day,
                "start": star.session.start_time,
                "starred_at": star.created_at,
            }
            for star in StarredSession.objects.filter(user=user)
            .select_related("session__congress")
            .order_by("created_at", "pk")
        ],
        "calendar_feed": {"exists": True, "token": feed.token} if feed else {"exists": False},
        "contributions": contributions_of(user),
        "comment_reports": comment_reports_of(user, request),
        "collections": collections_of(user),
        "working_groups": [
            {
                "group": found.group.name,
                "role": found.role,
                "state": found.state,
                "message": found.message,
                "since": found.created_at,
            }
            for found in memberships_of(user)
        ],
        "followed_discussions": [
            {"kind": follow.content_type.model, "id": follow.object_id, "since": follow.created_at}
            for follow in Follow.objects.filter(user=user).select_related("content_type")
        ],
        "notification_settings": {
            setting.kind: setting.frequency
            for setting in NotificationSetting.objects.filter(user=user)
        },
        "notifications": [
            {
                "kind": notification.kind,
                "title": notification.title,
                "created_at": notification.created_at,
                "read_at": notification.read_at,
                "emailed_at": notification.emailed_at,
            }
            for notification in Notification.objects.filter(recipient=user).order_by("pk")
        ],
    }


def profile_data(profile):
    return {
        "status": profile.status,
        "status_changed_at": profile.status_changed_at,
        "display_name": profile.display_name,
        "photo": photo_data(profile.photo),
        "organisation": profile.organisation.name if profile.organisation else None,
        "proposed_organisation": profile.proposed_organisation,
        "role": profile.role,
        "federal_state": profile.get_state_display() if profile.state else "",
        "city": profile.city,
        "topics": [topic.name for topic in profile.topics.all()],
        "languages": [language.name for language in profile.languages.all()],
        "bio": profile.bio,
        "offers": profile.offers,
        "seeks": profile.seeks,
        "contact_email": profile.contact_email,
        "contact_phone": profile.contact_phone,
        "contact_visibility": profile.contact_visibility,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def photo_data(photo):
    """The photo file itself, as Base64 text that fits into the JSON file; None without a
    photo. Should the file be missing from the storage, its name comes with `base64` None."""
    if not photo:
        return None
    name = PurePosixPath(photo.name).name
    try:
        with photo.open("rb"):
            content = photo.read()
    except FileNotFoundError:
        content = None
    return {
        "file_name": name,
        "content_type": mimetypes.guess_type(name)[0] or "application/octet-stream",
        "size": len(content) if content is not None else None,
        "base64": base64.b64encode(content).decode("ascii") if content is not None else None,
    }


def registration_data(registration):
    return {
        "congress": registration.congress.title,
        "state": registration.state,
        "created_at": registration.created_at,
        "name": registration.name,
        "organisation": registration.organisation,
        "email": registration.email,
        "workshops": [session.title for session in registration.workshops.all()],
        "dietary_needs": registration.dietary_needs,
        "accessibility_needs": registration.accessibility_needs,
        "privacy_consent_at": registration.privacy_consent_at,
        "offered_at": registration.offered_at,
        "offer_expires_at": registration.offer_expires_at,
        "cancelled_at": registration.cancelled_at,
    }


def contributions_of(user):
    """What the user wrote for others to read (comments, questions, discussions in working
    groups), with their date."""
    comments = [
        {"kind": "comment", "posted_at": comment.submit_date, "text": comment.comment}
        for comment in Comment.objects.filter(user=user).order_by("submit_date", "pk")
    ]
    questions = [
        {
            "kind": "question",
            "posted_at": question.created_at,
            "title": question.title,
            "text": question.text,
        }
        for question in Question.objects.filter(author=user).order_by("created_at", "pk")
    ]
    discussions = [
        {
            "kind": "discussion",
            "posted_at": thread.created_at,
            "title": thread.title,
            "text": thread.text,
        }
        for thread in GroupThread.objects.filter(author=user).order_by("created_at", "pk")
    ]
    return comments + questions + discussions


def comment_reports_of(user, request):
    """The comments the user reported to the moderators (and any other flag they set on a
    comment), oldest first: which comment, in which discussion, when. The discussion and
    the comment's text only while the user may still read them: not the text of a comment
    the moderators hid or removed since."""
    flags = (
        CommentFlag.objects.filter(user=user)
        .select_related("comment")
        .prefetch_related("comment__content_object")
        .order_by("flag_date", "pk")
    )
    member = is_member(user)
    return [report_data(flag, request, member) for flag in flags]


def report_data(flag, request, member):
    comment = flag.comment
    target = comment.content_object
    readable = member and target is not None and rules.is_open_for_comments(target, request)
    visible = readable and comment.is_public and not comment.is_removed
    return {
        "flag": flag.flag,
        "reported_at": flag.flag_date,
        "comment": {
            "id": comment.pk,
            "posted_at": comment.submit_date,
            "discussion": rules.target_title(target) if readable else None,
            "address": f"{rules.target_url(target)}#comment-{comment.pk}" if readable else None,
            "text": comment.comment if visible else None,
        },
    }


def collections_of(user):
    collections = MaterialCollection.objects.filter(owner=user).prefetch_related(
        Prefetch("items", CollectionItem.objects.select_related("material"))
    )
    return [
        {
            "name": collection.name,
            "description": collection.description,
            "shared": collection.is_shared,
            "items": [
                {"material": item.material.title, "note": item.note}
                for item in collection.items.all()
            ],
        }
        for collection in collections
    ]


# --- Deleting an account ----------------------------------------------------------------------


def delete_user(user):
    """Cancel the user's registrations for congresses to come (the places go to the waiting
    list), blank the personal details of every registration, anonymise what they wrote,
    and delete the account with its profile, stars and calendar feed. The profile's photo
    file goes once the deletion is committed (MemberProfile's post_delete); the profile is
    locked first, so that it is the photo stored now, not one that a simultaneous edit of
    the profile replaced."""
    with transaction.atomic():
        profile = MemberProfile.objects.select_for_update().filter(user=user)
        list(profile.values_list("pk", flat=True))  # locked until the deletion is committed
        registrations = Registration.objects.of_user(user)
        today = timezone.localdate()
        for registration in registrations.filter(state__in=ACTIVE, congress__end_date__gte=today):
            waiting_list.cancel(registration)
        anonymise(registrations)
        comments = Comment.objects.filter(user=user)
        shown = list(comments)
        comments.update(
            user=None, user_name=_("former member"), user_email="", user_url="", ip_address=None
        )
        rows_updated.send(Comment, objects=shown)  # pages that show the name forget it
        user.delete()
        PrivacyRequest.objects.create(kind=PrivacyRequest.Kind.DELETION)


def anonymise(registrations):
    """Blank the registrations' personal details; the rows stay for the congress's numbers.
    (The e-mails about the cancellation go out after the commit, from the objects that
    waiting_list.cancel() holds.)"""
    ids = list(registrations.values_list("pk", flat=True))
    Registration.workshops.through.objects.filter(registration_id__in=ids).delete()
    Registration.objects.filter(pk__in=ids).update(
        user=None,
        name="",
        organisation="",
        email="",
        dietary_needs="",
        accessibility_needs="",
    )
