"""What members hear about: notifications in the site (with an unread count) and by e-mail,
at once or in one combined digest, per kind as each member chooses (weekly by default)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("replies to my comments and questions, and in discussions I follow")
    ACCEPTED = "accepted", _("my answer was accepted")
    MATERIAL = "material", _("new materials in my topics")
    NEWS = "news", _("news from the BBE")
    EVENT = "event", _("new events")
    GROUP = "group", _("new discussions in my working groups")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("by e-mail at once")
    DAILY = "daily", _("in the daily digest")
    WEEKLY = "weekly", _("in the weekly digest")
    NEVER = "never", _("not by e-mail (only here on the site)")


DEFAULT_FREQUENCY = Frequency.WEEKLY


class NotificationSetting(models.Model):
    """How a member wants to hear of one kind of notification; without a row, weekly."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=NotificationKind.choices)
    frequency = models.CharField(
        _("e-mail"), max_length=12, choices=Frequency.choices, default=DEFAULT_FREQUENCY
    )

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_setting_per_kind")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} {self.frequency}"


class Notification(models.Model):
    """One thing a member should hear of. `target` is what it is about (a comment, a
    question, a page); before it is shown or sent, it is checked that the member may
    still see it. `emailed_at` is set once it went out, at once or in a digest, so that no
    item is sent twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("address"), max_length=500)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("created"), db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("sent by e-mail"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="unread_notifications")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "content_type", "object_id"],
                name="one_notification_per_thing",
            )
        ]

    def __str__(self):
        return self.title
