"""Members' comments (django-comments-xtd's XtdComment, our own views): what can be
commented, who reads and writes, and the thread of a discussion.

A discussion belongs to a target: a Wagtail page with `comments_enabled`, a congress's
AgendaSession, a Question or a working group's GroupThread (read by those the group lets
read it, written by its members: community/groups/access.py). Targets travel in forms as
a key "app_label.model:pk".
Only approved members read and write comments (community.access.is_member); visitors and
accounts waiting for approval see how many there are."""

import datetime
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import Page

from community.groups import access as groups
from community.groups.models import Visibility
from community.models import Follow, GroupThread, MemberProfile, MemberStatus, Question
from community.questions.rules import may_accept
from events.models import AgendaSession
from home.caching import SITE, cached

TARGET_KEY = re.compile(r"^(\w+)\.(\w+):(\d+)$")


# --- Targets --------------------------------------------------------------------------------


def content_type_of(target):
    """A page's own (specific) type, also for a plain Page object; other models' type."""
    if isinstance(target, Page):
        return ContentType.objects.get_for_id(target.content_type_id)
    return ContentType.objects.get_for_model(target)


def target_key(target):
    content_type = content_type_of(target)
    return f"{content_type.app_label}.{content_type.model}:{target.pk}"


def target_from_key(key):
    """The object a key names (any type that can have comments), or None."""
    match = TARGET_KEY.match(key or "")
    if not match:
        return None
    app_label, model, pk = match.groups()
    try:
        model_class = ContentType.objects.get_by_natural_key(app_label, model).model_class()
    except ContentType.DoesNotExist:
        return None
    if not takes_comments(model_class):
        return None
    return model_class._default_manager.filter(pk=pk).first()


def takes_comments(model_class):
    if model_class is None:
        return False
    if issubclass(model_class, Page):
        return any(field.name == "comments_enabled" for field in model_class._meta.fields)
    return issubclass(model_class, AgendaSession | Question | GroupThread)


def page_visible(page, request):
    """Whether the page's view restrictions (its own and its ancestors') let the user in."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def is_open_for_comments(target, request):
    """Whether comments on `target` may be read and written now (by a member): a live page
    the user may see that has comments switched on, a session of a live congress the user
    may see, a question that is not hidden."""
    if isinstance(target, Page):
        return target.live and target.comments_enabled and page_visible(target, request)
    if isinstance(target, AgendaSession):
        congress = target.congress
        return congress.live and page_visible(congress, request)
    if isinstance(target, Question):
        return target.is_public
    if isinstance(target, GroupThread):
        return groups.may_read(request.user, target.group)
    return False


def group_only(target):
    """Whether only a working group's members read the discussion of `target` (not every
    approved member)."""
    return isinstance(target, GroupThread) and target.group.visibility != Visibility.PUBLIC


def may_write(target, user):
    """Whether the member, who may read the discussion of `target`, may also write in it:
    in a working group only its members and moderators, while it is not archived."""
    if isinstance(target, GroupThread):
        return groups.may_write(user, target.group)
    return True


def target_url(target):
    """Where a target's discussion is read."""
    if isinstance(target, Page):
        return target.url or "/"
    if isinstance(target, AgendaSession):
        return reverse("community:session_discussion", args=[target.pk])
    return target.get_absolute_url()


def target_title(target):
    return str(target)


# --- Comments -------------------------------------------------------------------------------


def visible_comments(target=None):
    """Comments readers see: neither hidden by a moderator nor removed."""
    comments = XtdComment.objects.filter(is_public=True, is_removed=False)
    if target is None:
        return comments
    return comments.filter(content_type=content_type_of(target), object_pk=str(target.pk))


def comment_count(target, answers=False):
    """How many comments (or answers) readers see below `target`, kept in the cache SITE,
    which every comment makes stale (config/caches.py)."""

    def count():
        comments = visible_comments(target)
        return (comments.filter(level=0) if answers else comments).count()

    key = f"comment-count:{target_key(target)}:{answers}"
    return cached(SITE, key, count)


def author_name(user):
    """How a new comment is signed: the member's display name, else the account's full
    name; never an e-mail address."""
    profile = MemberProfile.objects.filter(user=user).first()
    name = profile.display_name if profile else user.get_full_name()
    return name or str(_("member"))


def edit_deadline(comment):
    return comment.submit_date + datetime.timedelta(minutes=settings.COMMUNITY_COMMENT_EDIT_MINUTES)


def may_edit(comment, user):
    """Authors correct their comment within COMMUNITY_COMMENT_EDIT_MINUTES of posting it."""
    return comment.user_id == user.pk and timezone.now() <= edit_deadline(comment)


def thread(target, user, answers=False):
    """The discussion of `target` as `user` (a member) reads it: top-level comments oldest
    first (for a question: the accepted answer first), each with `.replies`; every comment
    knows its author's name and profile link, whether the user reported it and what the
    user may do with it. One query, however long the discussion."""
    reported = CommentFlag.objects.filter(
        comment=OuterRef("pk"), user=user, flag=CommentFlag.SUGGEST_REMOVAL
    )
    comments = (
        visible_comments(target)
        .select_related("user__member_profile")
        .annotate(is_flagged=Exists(reported))
        .order_by("thread_id", "order", "pk")
    )
    top_level = {}
    for comment in comments:
        describe(comment, user)
        if comment.level == 0:
            comment.replies = []
            top_level[comment.pk] = comment
        elif comment.parent_id in top_level:
            top_level[comment.parent_id].replies.append(comment)
    threads = list(top_level.values())
    if answers and isinstance(target, Question):
        accepts = may_accept(user, target)
        for comment in threads:
            comment.is_accepted = comment.pk == target.accepted_answer_id
            comment.may_accept = accepts and not comment.is_accepted
        threads.sort(key=lambda comment: not comment.is_accepted)
    return threads


def describe(comment, user):
    """Adds what the template shows: author, profile link, own, editable."""
    author = comment.user
    profile = getattr(author, "member_profile", None) if author else None
    if author is None:
        comment.author_name = _("former member")
    else:
        comment.author_name = (
            profile.display_name if profile else author.get_full_name() or comment.user_name
        )
    comment.author_profile_pk = (
        profile.pk
        if profile and profile.status == MemberStatus.APPROVED and author.is_active
        else None
    )
    comment.is_own = author is not None and comment.user_id == user.pk
    comment.may_edit = comment.is_own and may_edit(comment, user)


def follows(user, target):
    return Follow.objects.filter(
        user=user, content_type=content_type_of(target), object_id=target.pk
    ).exists()
