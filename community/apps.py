from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Member area")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django_comments_xtd.models import XtdComment

        from community import notify, questions

        notify.connect()
        # A question is found by the words of its answers: index it again when they change.
        post_save.connect(questions.reindex_question, sender=XtdComment, dispatch_uid="qindex")
        post_delete.connect(questions.reindex_question, sender=XtdComment, dispatch_uid="qindex")
