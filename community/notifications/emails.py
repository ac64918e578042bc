"""The e-mails of notifications, one at once (notify.py) or the digest (digest.py): plain
text, in the site's language, and for each kind of notification they contain a link that
ends e-mails of that kind in one click (signed, so no login is needed), also given to mail
programmes as List-Unsubscribe header (RFC 8058)."""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.sites.models import Site
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from community.access import display_name
from community.models import Notification, NotificationKind
from home import mail

UNSUBSCRIBE_SALT = "community.unsubscribe"


def unsubscribe_token(user, kinds):
    """A token for the unsubscribe link: the user and the kinds it ends, signed (no
    expiry, so the link of an old e-mail still works)."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object([user.pk, ",".join(kinds)])


def read_unsubscribe_token(token):
    """(user pk, [kinds]) of a token; BadSignature for a forged or damaged one."""
    try:
        user_pk, kinds = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
        kinds = kinds.split(",")
    except (TypeError, ValueError, AttributeError) as error:
        raise signing.BadSignature("malformed unsubscribe token") from error
    if not isinstance(user_pk, int) or not set(kinds) <= set(NotificationKind.values):
        raise signing.BadSignature("malformed unsubscribe token")
    return user_pk, kinds


def absolute(url):
    """An address of the site as a link for an e-mail."""
    if url.startswith(("https://", "http://")):
        return url
    return settings.BASE_URL.rstrip("/") + url


def unsubscribe_url(user, kinds):
    return absolute(reverse("community:unsubscribe", args=[unsubscribe_token(user, kinds)]))


def send(user, template, context, notifications):
    """Renders `template`.txt and `template`_subject.txt and sends them to `user` about
    `notifications`, once (home.mail.once), with one unsubscribe link per kind of them and
    one for all of them in the headers."""
    pks = [notification.pk for notification in notifications]
    kinds = {notification.kind for notification in notifications}
    kinds = [kind for kind in NotificationKind.values if kind in kinds]
    context = {
        **context,
        "name": display_name(user),
        "site_name": Site.objects.get_current().name,
        "settings_url": absolute(reverse("community:notification_settings")),
        "unsubscribe_links": [
            (NotificationKind(kind).label, unsubscribe_url(user, [kind])) for kind in kinds
        ],
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(
        subject,
        body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url(user, kinds)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    mail.once(message, f"notifications-{user.pk}-{min(pks)}-{max(pks)}-{len(pks)}").send()


def claim(notifications, now):
    """Those of `notifications` that no other e-mail has taken, now marked as e-mailed (so
    that an item never goes out twice, even when two senders meet)."""
    pks = [notification.pk for notification in notifications]
    Notification.objects.filter(pk__in=pks, emailed_at__isnull=True).update(emailed_at=now)
    mine = set(Notification.objects.filter(pk__in=pks, emailed_at=now).values_list("pk", flat=True))
    return [notification for notification in notifications if notification.pk in mine]


def release(notifications):
    """After a failed sending: the items may go out with the next e-mail."""
    pks = [notification.pk for notification in notifications]
    Notification.objects.filter(pk__in=pks).update(emailed_at=None)


@contextmanager
def claimed(notifications, now):
    """Claims `notifications` and gives those it got; if sending them fails, they are
    released again (and the error raised), so they go out with the next e-mail."""
    mine = claim(notifications, now)
    try:
        yield mine
    except Exception:
        release(mine)
        raise


def send_one(notification):
    """The e-mail at once of one notification (nothing if it already went out)."""
    user = notification.recipient
    if not user.email:
        return
    with claimed([notification], timezone.now()) as mine:
        if mine:
            context = {"notification": notification, "link": absolute(notification.url)}
            send(user, "community/notifications/emails/notification", context, mine)
