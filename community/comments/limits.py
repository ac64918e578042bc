"""How much a member may post: at most COMMUNITY_POSTS_PER_HOUR comments, answers and
questions together within the last hour.

Every view that stores one of them does so through `post()`, which counts the last hour's
posts and stores the new one in one transaction, holding a lock on the author's user row
(SELECT … FOR UPDATE on PostgreSQL): posts of one member sent at the same time (several
tabs, a script, a double click) are counted one after the other and cannot overshoot the
allowance. SQLite has no row locks but only one writing transaction at a time; one that
counted cannot store over another one's post (it fails with »database is locked«), and
with the connection option `transaction_mode` IMMEDIATE it waits for the other instead."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment

from community.models import Question

POST_LIMIT_REACHED = _(
    "You have posted a lot within the last hour. Please wait a while before you post again; "
    "what you wrote is kept."
)


class PostLimitReached(Exception):
    """The member posted the hour's allowance: nothing was stored."""


def posts_within_the_hour(user):
    since = timezone.now() - datetime.timedelta(hours=1)
    return (
        XtdComment.objects.filter(user=user, submit_date__gte=since).count()
        + Question.objects.filter(author=user, created_at__gte=since).count()
    )


def may_post(user):
    """False once the member posted the hour's allowance. For a form's early answer only:
    what is stored is decided by `post()`."""
    return posts_within_the_hour(user) < settings.COMMUNITY_POSTS_PER_HOUR


def post(user, store):
    """Calls `store()`, which saves `user`'s new comment, answer or question, and returns
    its result, if the member may post one more; raises PostLimitReached otherwise, without
    calling it. The count and `store()` run in one transaction with the author locked."""
    with transaction.atomic():
        lock_author(user)
        if not may_post(user):
            raise PostLimitReached
        return store()


def lock_author(user):
    """Locks the author's user row until the transaction ends (where the database has row
    locks): the next post of the same member waits here and counts this one."""
    rows = get_user_model()._default_manager.select_for_update().filter(pk=user.pk)
    list(rows.values_list("pk", flat=True))
