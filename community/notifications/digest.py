"""The digest: one e-mail per approved member with the notifications not yet e-mailed,
in sections (news, materials, events, from the network).

`send_digests()` runs once a day (`manage.py send_digests` from cron or a systemd timer):
- kinds a member gets in the daily digest go out with every run;
- kinds in the weekly digest go out with the run on a Monday (local time), so a member
  gets at most one weekly digest a week; the daily kinds come with it in the same e-mail;
- kinds chosen »at once« whose e-mail did not go out (the choice was made after the item
  arrived, or sending failed) come with the next run;
- kinds chosen »never« stay on the site only.
Only items of the last MAX_AGE are e-mailed (older ones stay in the list on the site), and
only those the member may still see: a hidden comment or question, an unpublished page or
a deleted thing is left out. Each item is sent once (`emailed_at`), so running it twice
sends nothing new."""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import (
    DEFAULT_FREQUENCY,
    Frequency,
    MemberProfile,
    Notification,
    NotificationKind,
    NotificationSetting,
)
from community.notifications.emails import absolute, claimed, send
from community.notifications.notify import still_visible

logger = logging.getLogger(__name__)

WEEKLY_DIGEST_WEEKDAY = 0  # Monday
MAX_AGE = datetime.timedelta(days=30)

SECTIONS = [
    (_("News"), [NotificationKind.NEWS]),
    (_("New materials in your topics"), [NotificationKind.MATERIAL]),
    (_("Events"), [NotificationKind.EVENT]),
    (_("From the network"), [NotificationKind.REPLY, NotificationKind.ACCEPTED]),
    (_("Your working groups"), [NotificationKind.GROUP]),
]


@dataclass
class DigestReport:
    digests: int = 0
    notifications: int = 0
    failed: int = 0


def due_frequencies(now):
    """The frequencies whose items go out with a run at `now`."""
    due = {Frequency.DAILY, Frequency.IMMEDIATELY}
    if timezone.localtime(now).weekday() == WEEKLY_DIGEST_WEEKDAY:
        due.add(Frequency.WEEKLY)
    return due


def send_digests(now=None):
    """Sends the digests that are due at `now` (default: now); returns a DigestReport."""
    now = now or timezone.now()
    report = DigestReport()
    for user, items in due_items(now).items():
        try:
            with claimed(items, now) as mine:
                if mine:
                    context = {"sections": sections(mine), "count": len(mine)}
                    send(user, "community/notifications/emails/digest", context, mine)
                    report.digests += 1
                    report.notifications += len(mine)
        except Exception:
            logger.exception("The digest to user %s could not be sent.", user.pk)
            report.failed += 1
    return report


def due_items(now):
    """{member: [notifications due at `now` that they may see]}, oldest first."""
    unsent = list(
        Notification.objects.filter(
            recipient__in=MemberProfile.objects.approved().values("user_id"),
            emailed_at__isnull=True,
            created_at__lte=now,
            created_at__gt=now - MAX_AGE,
        )
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("created_at", "pk")
    )
    settings = NotificationSetting.objects.filter(user_id__in={n.recipient_id for n in unsent})
    chosen = {(s.user_id, s.kind): s.frequency for s in settings}
    due = due_frequencies(now)
    unsent = [n for n in unsent if chosen.get((n.recipient_id, n.kind), DEFAULT_FREQUENCY) in due]
    visible = still_visible(unsent, member=True)
    by_member = defaultdict(list)
    for notification in unsent:
        if notification.pk in visible:
            by_member[notification.recipient].append(notification)
    return by_member


def sections(notifications):
    """[(section title, [(title, link)])] of the sections with items, in SECTIONS' order."""
    result = []
    for title, kinds in SECTIONS:
        items = [(n.title, absolute(n.url)) for n in notifications if n.kind in kinds]
        if items:
            result.append((title, items))
    return result
