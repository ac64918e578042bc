"""The outbox: every e-mail the platform sends is a row here first (home/mail.py)."""

import pickle

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One e-mail message, stored in the transaction of the change that sends it and
    delivered by a task (home/tasks.py), at most once, retried with back-off while the mail
    server refuses it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    subject = models.CharField(_("subject"), max_length=255)
    recipients = models.TextField(_("recipients"))
    # The message with its attachments, pickled: written and read by this code only.
    message = models.BinaryField()
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # What the message is about, e.g. "registration-12-offered" (home.mail.once): a second
    # message for the same event is not stored, so it cannot go out twice.
    event = models.CharField(_("occasion"), max_length=200, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        permissions = [("resend_outgoingmail", _("Can send a failed e-mail again"))]

    def __str__(self):
        return self.subject

    @classmethod
    def of(cls, email):
        """A new row for the EmailMessage `email` (not saved)."""
        email.connection = None  # a backend instance: not part of the message
        return cls(
            event=getattr(email, "event", None),
            subject=str(email.subject)[:255],
            recipients=", ".join(email.recipients()),
            message=pickle.dumps(email),
        )

    def email(self):
        return pickle.loads(bytes(self.message))  # noqa: S301 -- our own rows
