"""E-mail without waiting for the mail server, and without losing a message when it is down.

`OutboxBackend` is Django's EMAIL_BACKEND: sending a message stores it in the outbox
(home.models.OutgoingMail) and enqueues its delivery as a task (home/tasks.py), both in the
transaction of the change that sends it, so a rolled back change sends nothing and a
committed one always has its message. The task worker (`manage.py db_worker`) hands it to
MAIL_DELIVERY_BACKEND (SMTP in production). A refused message is tried again after 1, 2, 4,
8 and 16 minutes; after MAX_ATTEMPTS it is marked failed, which the admin's list of outgoing
e-mails and /healthz show. A row is claimed before it is sent, so no message goes out twice.
A message made with `once()` names its event, and the outbox keeps one message per event.
`resend()` puts a failed message back in line (the admin's »Send again«).
`manage.py deliver_mails` (a timer, every five minutes) sends what is due in case a task was
lost, and marks messages whose worker stopped while sending as failed: they may have gone
out, so a person decides.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from home.models import OutgoingMail

MAX_ATTEMPTS = 6
STUCK_AFTER = datetime.timedelta(minutes=15)  # a worker that long in `sending` has stopped
# What a refusing or unreachable mail server raises.
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)

logger = logging.getLogger(__name__)


def once(email, event):
    """The EmailMessage `email`, to be sent at most once for `event`: a key that names what
    happened, such as "registration-12-offered". Whatever sends it a second time (a retried
    task, a double click, two workers at the same moment) stores nothing."""
    email.event = event
    return email


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from home.tasks import deliver_mail

        stored = 0
        for email in email_messages:
            row = OutgoingMail.of(email)
            try:
                with transaction.atomic():
                    row.save()
            except IntegrityError:  # its event has a message in the outbox already
                logger.info("E-mail for %s not stored again: it is in the outbox.", row.event)
                continue
            deliver_mail.enqueue(row.pk)
            stored += 1
        return stored


def back_off(attempts):
    return datetime.timedelta(minutes=2 ** (attempts - 1))


def deliver(pk):
    """Sends the outbox's message `pk` if it is still waiting; returns whether it went out."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(pk=pk, status=OutgoingMail.Status.PENDING).update(
        status=OutgoingMail.Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now
    )
    if not claimed:  # sent, failed, or being sent by another worker
        return False
    row = OutgoingMail.objects.get(pk=pk)
    try:
        get_connection(settings.MAIL_DELIVERY_BACKEND).send_messages([row.email()])
    except DELIVERY_ERRORS as error:
        failed = row.attempts >= MAX_ATTEMPTS
        row.status = OutgoingMail.Status.FAILED if failed else OutgoingMail.Status.PENDING
        row.next_attempt_at = None if failed else now + back_off(row.attempts)
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        row.save(update_fields=["status", "next_attempt_at", "last_error"])
        logger.warning("E-mail %s not delivered (attempt %s): %s", pk, row.attempts, error)
        if not failed:
            retry_later(row)
        return False
    row.status, row.sent_at = OutgoingMail.Status.SENT, timezone.now()
    row.save(update_fields=["status", "sent_at"])
    return True


def retry_later(row):
    """Enqueues the next attempt for its time where the task backend can defer tasks;
    elsewhere `deliver_due()` sends it."""
    from home.tasks import deliver_mail

    if deliver_mail.get_backend().supports_defer:
        deliver_mail.using(run_after=row.next_attempt_at).enqueue(row.pk)


def due():
    """Waiting messages whose time has come (or that never had a task)."""
    now = timezone.now()
    waiting = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING)
    return waiting.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def deliver_due():
    """Sends every message that is due, marks stuck ones failed; (sent, stuck) counts."""
    stuck = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.SENDING, next_attempt_at__lt=timezone.now() - STUCK_AFTER
    ).update(
        status=OutgoingMail.Status.FAILED,
        last_error="The worker stopped while sending: it may have gone out. Check first.",
    )
    sent = sum(deliver(pk) for pk in due().values_list("pk", flat=True))
    return sent, stuck


def overdue_count():
    """Messages waiting for longer than a retry takes: the worker is not running."""
    late = timezone.now() - datetime.timedelta(minutes=5)
    late_retry = Q(next_attempt_at__lt=late)
    never_tried = Q(next_attempt_at__isnull=True, created_at__lt=late)
    return due().filter(late_retry | never_tried).count()


def resend(pk):
    """A failed message waits again, with all its attempts, and its delivery is enqueued;
    returns whether it was failed."""
    from home.tasks import deliver_mail

    waiting = OutgoingMail.objects.filter(pk=pk, status=OutgoingMail.Status.FAILED).update(
        status=OutgoingMail.Status.PENDING, attempts=0, next_attempt_at=None
    )
    if waiting:
        deliver_mail.enqueue(pk)
    return bool(waiting)
