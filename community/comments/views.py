"""Comments: write one (or an answer to a question, or a reply), correct it within the
edit window, report someone else's to the moderators, follow a discussion, and the
discussion of a congress session. django-comments-xtd's own views and URLs are not used;
the rules live in community/comments/rules.py."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_comments.models import CommentFlag
from django_comments.signals import comment_was_flagged, comment_was_posted
from django_comments_xtd.models import XtdComment

from community.access import member_required
from community.comments import rules
from community.comments.forms import CommentForm
from community.comments.limits import POST_LIMIT_REACHED, PostLimitReached, post
from community.models import Follow, GroupThread, Question
from events.models import AgendaSession
from home.caching import rows_updated


def members_post(view):
    """POST only. Visitors log in and come back to the page they were on; accounts
    without approval get the members-only page (403)."""

    @require_POST
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(back_url(request))
        return member_required(view)(request, *args, **kwargs)

    return wrapper


def back_url(request, fallback="/"):
    """The page the form was sent from (`next`), if it is on this site."""
    url = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if url and safe else fallback


def open_target(request, key):
    """The target a form names, if the member may comment on it now; 404 otherwise."""
    target = rules.target_from_key(key)
    if target is None or not rules.is_open_for_comments(target, request):
        raise Http404
    return target


def comment_of(request, pk):
    """A visible comment whose target the member may read; 404 otherwise."""
    comment = get_object_or_404(rules.visible_comments().select_related("content_type"), pk=pk)
    target = comment.content_object
    if target is None or not rules.is_open_for_comments(target, request):
        raise Http404
    return comment, target


# --- Writing --------------------------------------------------------------------------------


@members_post
def post_comment(request):
    target = open_target(request, request.POST.get("target"))
    if not rules.may_write(target, request.user):
        raise PermissionDenied
    answers = isinstance(target, Question)
    form = CommentForm(request.POST)
    parent = replied_to(request, target, form)
    if not form.is_valid():
        return form_again(request, target, form, parent, status=400)

    comment = XtdComment(
        content_type=rules.content_type_of(target),
        object_pk=str(target.pk),
        site=Site.objects.get_current(request),
        user=request.user,
        user_name=rules.author_name(request.user)[:50],
        user_email="",
        comment=form.cleaned_data["comment"],
        submit_date=timezone.now(),
        ip_address=None,
        is_public=True,
        parent_id=parent.pk if parent else 0,
    )

    def store():
        comment.save()
        if isinstance(target, Question | GroupThread):
            type(target).objects.filter(pk=target.pk).update(last_activity_at=comment.submit_date)

    try:
        post(request.user, store)  # within the hour's allowance, counted under a lock
    except PostLimitReached:
        form.add_error(None, POST_LIMIT_REACHED)
        return form_again(request, target, form, parent, status=429)
    comment_was_posted.send(sender=XtdComment, comment=comment, request=request)
    if answers and parent is None:
        messages.success(request, _("Your answer has been published."))
    else:
        messages.success(request, _("Your comment has been published."))
    return redirect(f"{back_url(request, rules.target_url(target))}#comment-{comment.pk}")


def replied_to(request, target, form):
    """The comment replied to (`parent`): a visible top-level comment of the same target.
    Threads go two levels deep, so a reply to a reply is refused (an error on `form`)."""
    parent_pk = request.POST.get("parent", "")
    if not parent_pk:
        return None
    parent = None
    if parent_pk.isdigit():
        parent = rules.visible_comments(target).filter(pk=parent_pk).first()
    if parent is None:
        raise Http404
    if parent.level != 0:
        form.add_error(
            None, _("You can reply to a comment, but not to a reply. Please reply to the comment.")
        )
    return parent


def form_again(request, target, form, parent, status):
    """The form with what was typed and what is wrong with it."""
    return render(
        request,
        "community/comments/post_failed.html",
        {
            "target": target,
            "target_key": rules.target_key(target),
            "target_url": rules.target_url(target),
            "answers": isinstance(target, Question),
            "form": form,
            "parent": parent,
            "next": back_url(request, rules.target_url(target)),
        },
        status=status,
    )


@never_cache
@member_required
def edit_comment(request, pk):
    comment, target = comment_of(request, pk)
    if not rules.may_edit(comment, request.user):
        return render(
            request,
            "community/comments/edit_refused.html",
            {
                "own": comment.user_id == request.user.pk,
                "target_url": rules.target_url(target),
                "edit_minutes": settings.COMMUNITY_COMMENT_EDIT_MINUTES,
            },
            status=403,
        )
    form = CommentForm(
        request.POST if request.method == "POST" else None, initial={"comment": comment.comment}
    )
    if request.method == "POST" and form.is_valid():
        # update(), not save(): saving makes django-comments-xtd publish the replies again.
        XtdComment.objects.filter(pk=comment.pk).update(comment=form.cleaned_data["comment"])
        rows_updated.send(XtdComment, objects=[comment])  # pages that show it forget it
        messages.success(request, _("Your changes have been saved."))
        return redirect(f"{rules.target_url(target)}#comment-{comment.pk}")
    return render(
        request,
        "community/comments/edit.html",
        {
            "comment": comment,
            "form": form,
            "target": target,
            "target_url": rules.target_url(target),
            "deadline": rules.edit_deadline(comment),
        },
        status=400 if form.errors else 200,
    )


# --- Reporting and following ----------------------------------------------------------------


@members_post
def flag_comment(request, pk):
    comment, target = comment_of(request, pk)
    back = back_url(request, rules.target_url(target))
    if comment.user_id == request.user.pk:
        messages.error(request, _("You cannot report your own comment."))
        return redirect(f"{back}#comment-{comment.pk}")
    flag, created = CommentFlag.objects.get_or_create(
        comment=comment, user=request.user, flag=CommentFlag.SUGGEST_REMOVAL
    )
    if created:
        comment_was_flagged.send(
            sender=XtdComment, comment=comment, flag=flag, created=True, request=request
        )
    messages.success(request, _("Thank you, the moderation team will look at the comment."))
    return redirect(f"{back}#comment-{comment.pk}")


@members_post
def follow(request):
    target = open_target(request, request.POST.get("target"))
    which = {
        "user": request.user,
        "content_type": rules.content_type_of(target),
        "object_id": target.pk,
    }
    if request.POST.get("action") == "unfollow":
        Follow.objects.filter(**which).delete()
        messages.success(request, _("You no longer follow this discussion."))
    else:
        Follow.objects.get_or_create(**which)
        messages.success(request, _("You follow this discussion and hear of new comments in it."))
    return redirect(f"{back_url(request, rules.target_url(target))}#discussion")


# --- A congress session's discussion -------------------------------------------------------


@never_cache
def session_discussion(request, pk):
    session = get_object_or_404(AgendaSession.objects.select_related("congress"), pk=pk)
    if not rules.is_open_for_comments(session, request):
        raise Http404
    return render(
        request,
        "community/comments/session_discussion.html",
        {"session": session, "congress": session.congress},
    )
