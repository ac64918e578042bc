"""The members' exchange (Fachaustausch): the questions members ask the network.

Answers are comments (django-comments-xtd's XtdComment, threaded to depth 2): on a question,
the top-level comments are its answers and their replies the discussion of each answer."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.search import index

from library.models import MaterialPage, Topic


class QuestionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_public=True)

    def open(self):
        return self.filter(accepted_answer__isnull=True)

    def solved(self):
        return self.filter(accepted_answer__isnull=False)


class Question(index.Indexed, models.Model):
    """A concrete question a member asks the network. Its answers are comments; the asker
    or a moderator accepts one, which marks the question solved."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    title = models.CharField(_("question"), max_length=200)
    text = models.TextField(_("details"), max_length=5000)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="+")
    materials = models.ManyToManyField(
        MaterialPage,
        verbose_name=_("materials it is about"),
        blank=True,
        related_name="questions",
    )
    accepted_answer = models.ForeignKey(
        XtdComment,
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField(
        _("visible"), default=True, help_text=_("Moderators hide a question by unticking this.")
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now, db_index=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)

    objects = QuestionQuerySet.as_manager()
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("text"),
        index.SearchField("answer_texts"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("is_public"),
    ]

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:question", args=[self.pk])

    def answer_texts(self):
        """The text of its visible answers and their replies, for the search."""
        from community.questions.rules import discussion_texts  # it imports this module

        return discussion_texts([self.pk]).get(self.pk, "")

    @property
    def is_solved(self):
        return self.accepted_answer_id is not None
