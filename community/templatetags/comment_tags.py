"""The discussion below a page, a congress session or a question.

`{% discussion page %}` (`{% discussion question answers=True %}` for a question's
answers) shows members the thread with its forms; visitors and accounts waiting for
approval see only how many comments there are. `{% session_comment_count session as n %}`
gives the number for the link in a congress's agenda (one query per congress)."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count
from django.db.models.functions import Cast
from wagtail.models import Page

from community.access import member_state
from community.comments import rules
from community.models import MemberProfile, MemberStatus
from events.models import AgendaSession

register = template.Library()


@register.inclusion_tag("community/comments/discussion.html", takes_context=True)
def discussion(context, target, answers=False):
    request = context["request"]
    user = request.user
    if isinstance(target, Page) and not getattr(target, "comments_enabled", False):
        return {"hidden": True}
    shown = {
        "target": target,
        "target_key": rules.target_key(target),
        "answers": answers,
        "state": member_state(user),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
    if shown["state"] == "member":
        comments = rules.thread(target, user, answers=answers)
        shown["comments"] = comments
        shown["count"] = (
            len(comments) if answers else sum(1 + len(comment.replies) for comment in comments)
        )
        shown["following"] = rules.follows(user, target)
        shown["may_write"] = rules.may_write(target, user)
        shown["group_only"] = rules.group_only(target)
    else:
        shown["count"] = rules.comment_count(target, answers=answers)
        shown["awaiting_approval"] = (
            user.is_authenticated
            and MemberProfile.objects.filter(user=user, status=MemberStatus.PENDING).exists()
        )
    return shown


@register.simple_tag(takes_context=True)
def session_comment_count(context, session):
    """How many comments the session has. The numbers of all sessions of its congress are
    read at once and kept on the request."""
    request = context["request"]
    counts = getattr(request, "_session_comment_counts", None)
    if counts is None:
        counts = request._session_comment_counts = {}
    if session.congress_id not in counts:
        counts[session.congress_id] = counts_of_congress(session.congress_id)
    return counts[session.congress_id].get(str(session.pk), 0)


def counts_of_congress(congress_id):
    sessions = (
        AgendaSession.objects.filter(congress_id=congress_id)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    rows = (
        rules.visible_comments()
        .filter(
            content_type=ContentType.objects.get_for_model(AgendaSession),
            object_pk__in=sessions,
        )
        .order_by()
        .values("object_pk")
        .annotate(number=Count("pk"))
    )
    return {row["object_pk"]: row["number"] for row in rows}
