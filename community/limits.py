"""How much a member may post: at most COMMUNITY_POSTS_PER_HOUR comments, answers and
questions together within the last hour."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from community.models import Question


def may_post(user):
    """False once the member posted the hour's allowance (checked on the server)."""
    since = timezone.now() - datetime.timedelta(hours=1)
    posted = (
        XtdComment.objects.filter(user=user, submit_date__gte=since).count()
        + Question.objects.filter(author=user, created_at__gte=since).count()
    )
    return posted < settings.COMMUNITY_POSTS_PER_HOUR
