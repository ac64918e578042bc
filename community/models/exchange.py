"""The members' exchange: questions (Fachaustausch) and who follows which discussion.

Comments are django-comments-xtd's XtdComment, threaded to depth 2. On a question, the
top-level comments are its answers and their replies the discussion of each answer."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
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
        from community.questions import discussion_texts  # the module imports this one

        return discussion_texts([self.pk]).get(self.pk, "")

    @property
    def is_solved(self):
        return self.accepted_answer_id is not None


class Follow(models.Model):
    """A member follows a discussion (the comments of a page, a session or a question) and
    hears of new comments there."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed discussion")
        verbose_name_plural = _("followed discussions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="follow_a_discussion_once"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.content_type.model} {self.object_id}"
