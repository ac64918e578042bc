"""Questions and answers for the tests of the members' exchange, stored as the site stores
them: an answer is a top-level XtdComment on the question, a reply one below it."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from community.models import Question
from tests.factories import TopicFactory


def ask(author, title="Wie finden wir Patinnen im ländlichen Raum?", topics=None, **fields):
    """A visible question of `author` with `topics` (a new topic when none are given)."""
    fields.setdefault("text", "Bei uns melden sich kaum Engagierte. Was hat bei Ihnen geholfen?")
    question = Question.objects.create(author=author, title=title, **fields)
    question.topics.set(topics or [TopicFactory()])
    return question


def answer(question, user, text="Wir arbeiten mit den Kirchengemeinden zusammen.", **fields):
    """A public answer (`parent=` an answer: a reply to it)."""
    parent = fields.pop("parent", None)
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(Question),
        object_pk=str(question.pk),
        site=Site.objects.get_current(),
        user=user,
        user_name=user.get_full_name(),
        user_email="",
        comment=text,
        submit_date=fields.pop("submit_date", timezone.now()),
        parent_id=parent.pk if parent else 0,
        **fields,
    )


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)
