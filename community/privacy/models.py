"""The log of privacy requests: that a member exported their data or deleted their account,
without naming the person."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PrivacyRequest(models.Model):
    """That a member exported their data or deleted their account, and when: for the
    admins' records, without naming the person."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("data export")
        DELETION = "deletion", _("account deletion")

    kind = models.CharField(_("request"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%d.%m.%Y %H:%M})"
