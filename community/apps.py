from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def reindex_after_topics_change(instance, action, reverse, **kwargs):
    """Topics are set after a profile or question was saved, and so indexed: index it again
    with its new topics, so that the search finds it by their names at once."""
    from wagtail.search import index

    if not reverse and action in ("post_add", "post_remove", "post_clear"):
        index.insert_or_update_object(instance)


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Member area")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from django_comments_xtd.models import XtdComment

        from community.groups.models import GroupThread, delete_replies
        from community.models import MemberProfile, Question
        from community.notifications import notify
        from community.questions.rules import reindex_question

        notify.connect()
        # A question is found by the words of its answers: index it again when they change.
        post_save.connect(reindex_question, sender=XtdComment, dispatch_uid="qindex")
        post_delete.connect(reindex_question, sender=XtdComment, dispatch_uid="qindex")
        post_delete.connect(
            delete_replies, sender=GroupThread, dispatch_uid="community.thread_replies"
        )
        for model in (MemberProfile, Question):
            m2m_changed.connect(
                reindex_after_topics_change,
                sender=model.topics.through,
                dispatch_uid=f"topics-index-{model.__name__}",
            )
