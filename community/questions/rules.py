"""The questions of the members' exchange (Fachaustausch): their answers (the top-level
public comments on a question), who may read and accept them, and accepting an answer."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments_xtd.models import XtdComment
from wagtail.search import index

from community.comments.counts import with_counts
from community.models import Question
from community.questions.signals import answer_accepted

# Moderators (group Moderation) and superusers: they read hidden questions and accept
# answers to any question.
MODERATE_QUESTIONS = "community.change_question"


def is_moderator(user):
    return user.is_authenticated and user.has_perm(MODERATE_QUESTIONS)


def readable_by(user):
    """The questions `user` may open: moderators also the hidden ones."""
    return Question.objects.all() if is_moderator(user) else Question.objects.visible()


def answers(question=None):
    """The answers to questions (to `question` when given): top-level comments that are
    neither hidden nor removed."""
    comments = XtdComment.norel_objects.filter(
        content_type=ContentType.objects.get_for_model(Question),
        level=0,
        is_public=True,
        is_removed=False,
    )
    return comments.filter(object_pk=str(question.pk)) if question else comments


def with_answer_counts(questions):
    """`questions` with `answer_count`, counted in the same query."""
    return with_counts(questions, answers(), "answer_count")


def for_listing(questions):
    """`questions` with what a list shows (asker, topics, number of answers), newest
    activity first, in two queries however many there are."""
    listed = questions.select_related("author__member_profile").prefetch_related("topics")
    return with_answer_counts(listed).order_by("-last_activity_at", "-pk")


def open_in_topics(topics):
    """The visible open questions, of the `topics` when there are any."""
    questions = Question.objects.visible().open()
    if topics:
        in_topics = Question.topics.through.objects.filter(topic__in=topics)
        questions = questions.filter(pk__in=in_topics.values("question_id"))
    return questions


def asker(question):
    """(name, profile) of who asked: the profile only while it is approved. »former member«
    once the account is deleted; never the e-mail address."""
    author = question.author
    if author is None:
        return _("former member"), None
    profile = getattr(author, "member_profile", None)
    if profile is None:
        return author.get_full_name() or _("member"), None
    return profile.display_name, profile if profile.is_approved else None


def may_accept(user, question):
    """The asker and moderators accept an answer."""
    own = user.is_authenticated and question.author_id == user.pk
    return own or is_moderator(user)


def accept(question, comment):
    """Marks `comment` (one of `answers(question)`) as the accepted answer; the question is
    solved. False when it was accepted already; else the listeners of `answer_accepted`
    hear of it."""
    if question.accepted_answer_id == comment.pk:
        return False
    question.accepted_answer = comment
    question.last_activity_at = timezone.now()
    question.save(update_fields=["accepted_answer", "last_activity_at"])
    answer_accepted.send(sender=Question, question=question, comment=comment)
    return True


def discussion_texts(question_pks):
    """{question pk: the text of its visible answers and their replies}."""
    comments = XtdComment.norel_objects.filter(
        content_type=ContentType.objects.get_for_model(Question),
        object_pk__in=[str(pk) for pk in question_pks],
        is_public=True,
        is_removed=False,
    ).order_by("thread_id", "order")
    texts = {}
    for object_pk, comment in comments.values_list("object_pk", "comment"):
        texts.setdefault(int(object_pk), []).append(comment)
    return {pk: "\n".join(parts) for pk, parts in texts.items()}


def reindex_question(instance, **kwargs):
    """After an answer or reply was saved or deleted: the question's entry in the search
    index holds the new text of its answers."""
    if instance.content_type_id != ContentType.objects.get_for_model(Question).pk:
        return
    question = Question.objects.filter(pk=instance.object_pk).first()
    if question is not None:
        index.insert_or_update_object(question)
