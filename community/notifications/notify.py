"""Who hears of what: the receivers that turn events into notifications (one per recipient,
kind and thing), the e-mail sent at once to those who want it so, and the check that a
member may still see what a notification is about before it is shown or sent.

- A comment is posted: the author of the comment it replies to, the asker of the question
  it answers and everyone who follows the discussion hear of it (never its own author).
- An answer is accepted: its author hears of it.
- A news item, a material or an event is published for the first time: approved members
  hear of it (of a material only those whose topics it shares)."""

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_comments.signals import comment_was_posted
from django_comments_xtd.models import XtdComment
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published

from community.access import MEMBERS_GROUP, is_member
from community.comments.rules import content_type_of, target_title, target_url, visible_comments
from community.groups import access as groups
from community.models import (
    Follow,
    Frequency,
    GroupMeeting,
    GroupMembership,
    GroupThread,
    MemberProfile,
    Notification,
    NotificationKind,
    NotificationSetting,
    Question,
)
from community.notifications import emails
from community.questions.signals import answer_accepted
from events.models import AgendaSession, CongressPage, EventPage
from home.models import NewsPage
from home.models.pages import unrestricted
from library.models import MaterialPage

TITLE_LENGTH = 120  # of the thing's title quoted in a notification's title
# What belongs to a working group: only those who may read the group hear of it.
GROUP_CONTENT = (GroupThread, GroupMeeting)


def connect():
    """Called once from CommunityConfig.ready()."""
    comment_was_posted.connect(comment_posted, dispatch_uid="community.notify.comment")
    answer_accepted.connect(accepted, dispatch_uid="community.notify.accepted")
    page_published.connect(first_published, dispatch_uid="community.notify.page")


# --- Creating notifications -----------------------------------------------------------------


def notify(recipient_ids, kind, target, title, url):
    """One notification of `kind` about `target` for each recipient (once: an existing one
    stays as it is); those who want this kind at once get an e-mail after the commit."""
    recipient_ids = set(recipient_ids)
    if not recipient_ids:
        return
    content_type = content_type_of(target)
    now = timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=recipient_id,
                kind=kind,
                title=title[:300],
                url=url[:500],
                content_type=content_type,
                object_id=target.pk,
                created_at=now,
            )
            for recipient_id in recipient_ids
        ],
        ignore_conflicts=True,
    )
    transaction.on_commit(
        partial(send_at_once, kind, content_type.pk, target.pk, recipient_ids), robust=True
    )


def quoted(title):
    return Truncator(" ".join(str(title).split())).chars(TITLE_LENGTH)


def comment_posted(sender, comment, **kwargs):
    """A new comment, answer or reply: who hears of it and with which title (the closest
    reason wins: a reply to one's own comment before an answer to one's question before a
    discussion one follows)."""
    if not isinstance(comment, XtdComment) or not comment.is_public or comment.is_removed:
        return
    target = comment.content_object
    if target is None:
        return
    name = quoted(target_title(target))
    followers = Follow.objects.filter(
        content_type_id=comment.content_type_id, object_id=comment.object_pk
    ).values_list("user_id", flat=True)
    with translation.override(settings.LANGUAGE_CODE):
        reasons = [(followers, _("New comment on “%(title)s”") % {"title": name})]
        if isinstance(target, Question) and target.author_id:
            title = (
                _("New answer to your question “%(title)s”")
                if comment.level == 0
                else _("New comment on your question “%(title)s”")
            )
            reasons.append(([target.author_id], title % {"title": name}))
        if isinstance(target, GroupThread) and target.author_id:
            title = _("New reply in your discussion “%(title)s”") % {"title": name}
            reasons.append(([target.author_id], title))
        if comment.parent_id and comment.parent_id != comment.pk:
            parent = XtdComment.objects.filter(pk=comment.parent_id).values("user_id").first()
            title = _("Reply to your comment on “%(title)s”") % {"title": name}
            reasons.append(([parent["user_id"]] if parent else [], title))
    url = f"{target_url(target)}#comment-{comment.pk}"
    notified = {comment.user_id, None}
    for recipients, title in reversed(reasons):  # closest reason first
        new = set(recipients) - notified
        notify(new, NotificationKind.REPLY, comment, title, url)
        notified |= new


def tell_group(group, thing, title, url, author_id):
    """The group's active members but `author_id` hear of `thing` (kind GROUP)."""
    members = group.memberships.filter(state=GroupMembership.State.ACTIVE)
    recipients = set(members.values_list("user_id", flat=True)) - {author_id}
    notify(recipients, NotificationKind.GROUP, thing, title, url)


def thread_started(thread):
    """The group's other members hear of a new discussion in it."""
    with translation.override(settings.LANGUAGE_CODE):
        title = _("New discussion in “%(group)s”: “%(title)s”") % {
            "group": quoted(thread.group.name),
            "title": quoted(thread.title),
        }
    tell_group(thread.group, thread, title, thread.get_absolute_url(), thread.author_id)


def meeting_planned(meeting):
    """The group's other members hear of a new meeting."""
    with translation.override(settings.LANGUAGE_CODE):
        when = formats.date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")
        title = _("New meeting of “%(group)s”: “%(title)s”, %(when)s") % {
            "group": quoted(meeting.group.name),
            "title": quoted(meeting.title),
            "when": when,
        }
    tell_group(meeting.group, meeting, title, meeting.get_absolute_url(), meeting.created_by_id)


def accepted(sender, question, comment, **kwargs):
    """The answer's author hears that the asker (or a moderator) accepted it."""
    if not comment.user_id or comment.user_id == question.author_id:
        return
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Your answer to “%(title)s” was accepted") % {"title": quoted(question.title)}
    url = f"{question.get_absolute_url()}#comment-{comment.pk}"
    notify([comment.user_id], NotificationKind.ACCEPTED, comment, title, url)


PAGE_KINDS = {
    NewsPage: (NotificationKind.NEWS, gettext_lazy("News: %(title)s")),
    MaterialPage: (NotificationKind.MATERIAL, gettext_lazy("New material: %(title)s")),
    EventPage: (NotificationKind.EVENT, gettext_lazy("New event: %(title)s")),
    CongressPage: (NotificationKind.EVENT, gettext_lazy("New event: %(title)s")),
}


def first_published(sender, instance, revision=None, **kwargs):
    """News, materials and events, when they go live for the first time and members may
    read them, are announced to the approved members (materials to those of their
    topics)."""
    if sender not in PAGE_KINDS or instance.first_published_at != instance.last_published_at:
        return
    if not readable_pages(member=True).filter(pk=instance.pk).exists():
        return
    kind, title = PAGE_KINDS[sender]
    members = MemberProfile.objects.approved()
    if kind == NotificationKind.MATERIAL:
        members = members.filter(topics__in=instance.topics.all())
    with translation.override(settings.LANGUAGE_CODE):
        title = str(title) % {"title": quoted(instance.title)}
    recipients = members.values_list("user_id", flat=True)
    notify(recipients, kind, instance, title, target_url(instance))


# --- E-mail at once -------------------------------------------------------------------------


def send_at_once(kind, content_type_id, object_id, recipient_ids):
    """After the commit: the e-mail to each recipient who wants `kind` at once and may see
    the thing (an item already sent is never sent again)."""
    wanting = NotificationSetting.objects.filter(
        user_id__in=recipient_ids, kind=kind, frequency=Frequency.IMMEDIATELY
    ).values("user_id")
    unsent = Notification.objects.filter(
        kind=kind,
        content_type_id=content_type_id,
        object_id=object_id,
        recipient__in=wanting,
        recipient__is_active=True,
        emailed_at__isnull=True,
    ).select_related("recipient")
    for notification in unsent:
        if still_visible([notification], is_member(notification.recipient)):
            emails.send_one(notification)


# --- What a member may still see ------------------------------------------------------------


def still_visible(notifications, member):
    """The pks of those `notifications` whose thing still exists and which their recipient
    may see: `member` is whether the recipients are approved members (only members read
    comments and questions); of a working group's discussion only those who may read the
    group. A few queries however many notifications there are."""
    keys = {(n.content_type_id, n.object_id) for n in notifications}
    visible = visible_things(keys, member)
    found = [n for n in notifications if (n.content_type_id, n.object_id) in visible]
    return {n.pk for n in found} - outside_their_groups(found)


def outside_their_groups(notifications):
    """The pks of those `notifications` about a working group's discussion or meeting (or a
    comment in a discussion) whose recipient may not (any more) read that group."""
    in_groups = {ContentType.objects.get_for_model(model).pk: model for model in GROUP_CONTENT}
    comment_type = ContentType.objects.get_for_model(XtdComment).pk
    comment_ids = {n.object_id for n in notifications if n.content_type_id == comment_type}
    commented = {}
    if comment_ids:
        found = XtdComment.objects.filter(pk__in=comment_ids, content_type_id__in=in_groups)
        found = found.values_list("pk", "content_type", "object_pk")
        commented = {pk: (content_type, int(object_pk)) for pk, content_type, object_pk in found}
    thing_of = {}  # notification: (content type id, object id) of the group's thing
    for notification in notifications:
        key = (notification.content_type_id, notification.object_id)
        if notification.content_type_id in in_groups:
            thing_of[notification] = key
        elif notification.content_type_id == comment_type and notification.object_id in commented:
            thing_of[notification] = commented[notification.object_id]
    if not thing_of:
        return set()
    group_of = {}
    for content_type, model in in_groups.items():
        ids = {object_id for kind, object_id in thing_of.values() if kind == content_type}
        for pk, group in model.objects.filter(pk__in=ids).values_list("pk", "group"):
            group_of[(content_type, pk)] = group
    readable = groups.readable_by({notification.recipient_id for notification in thing_of})
    return {
        notification.pk
        for notification, thing in thing_of.items()
        if group_of.get(thing) not in readable.get(notification.recipient_id, set())
    }


def visible_things(keys, member):
    """Of `keys` {(content type id, object id)}, those of things that exist and that the
    reader may see. A comment counts when it is neither hidden nor removed and what it is
    about is visible; only members read comments, questions and sessions' discussions."""
    comment_type = ContentType.objects.get_for_model(XtdComment).pk
    comment_ids = {
        object_id for content_type_id, object_id in keys if content_type_id == comment_type
    }
    on = comment_targets(comment_ids) if member else {}
    others = {key for key in keys if key[0] != comment_type} | set(on.values())
    by_model = defaultdict(set)
    for content_type_id, object_id in others:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and object_id is not None:
            by_model[model].add(object_id)
    page_ids = set().union(*(ids for model, ids in by_model.items() if issubclass(model, Page)))
    pages = set(readable_pages(member).filter(pk__in=page_ids).values_list("pk", flat=True))
    visible = set()
    for model, ids in by_model.items():
        found = ids & pages if issubclass(model, Page) else visible_ids(model, ids, member)
        content_type_id = ContentType.objects.get_for_model(model).pk
        visible |= {(content_type_id, object_id) for object_id in found}
    return visible | {(comment_type, pk) for pk, thing in on.items() if thing in visible}


def comment_targets(ids):
    """{comment pk: (content type id, object id) of what it is about} of the comments
    `ids` that are neither hidden nor removed."""
    comments = visible_comments().filter(pk__in=ids)
    return {
        pk: (content_type_id, int(object_pk))
        for pk, content_type_id, object_pk in comments.values_list(
            "pk", "content_type", "object_pk"
        )
    }


def visible_ids(model, ids, member):
    """Of the questions or congress sessions `ids`, those the reader may see."""
    if not member:
        return set()
    if model is Question:
        return set(Question.objects.visible().filter(pk__in=ids).values_list("pk", flat=True))
    if model in GROUP_CONTENT:  # whose group the reader may read: outside_their_groups()
        return set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if model is AgendaSession:
        congresses = readable_pages(member).values("pk")
        sessions = AgendaSession.objects.filter(pk__in=ids, congress__in=congresses)
        return set(sessions.values_list("pk", flat=True))
    return set()


def readable_pages(member):
    """Live pages a visitor (or, with `member`, an approved member) may read: no view
    restriction covers them but one for logged-in users or for the group Mitglieder."""
    pages = Page.objects.live()
    if not member:
        return pages.filter(unrestricted())
    closed = (
        PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
        .exclude(restriction_type=PageViewRestriction.LOGIN)
        .exclude(restriction_type=PageViewRestriction.GROUPS, groups__name=MEMBERS_GROUP)
    )
    return pages.filter(~Exists(closed))
