"""Pages, comments and notifications for the tests of the notifications. Comments are
posted through the site's own comment form; notifications for the digest are made with a
fixed `created_at` (the digest runs at fixed times, nobody sleeps)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone, translation
from django_comments_xtd.models import XtdComment
from wagtail.models import PageViewRestriction

from community.comments import content_type_of, target_key, target_url
from community.models import Notification, NotificationKind
from tests.factories import (
    EventIndexPageFactory,
    LibraryIndexPageFactory,
    NewsIndexPageFactory,
)

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime.datetime(2030, 3, 4, 6, 0, tzinfo=BERLIN)
TUESDAY = MONDAY + datetime.timedelta(days=1)
WEDNESDAY_BEFORE = MONDAY - datetime.timedelta(days=5)


@pytest.fixture(name="library")
def library_fixture(home_page):
    return LibraryIndexPageFactory(parent=home_page)


@pytest.fixture(name="news_index")
def news_index_fixture(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture(name="event_index")
def event_index_fixture(home_page):
    return EventIndexPageFactory(parent=home_page)


def post_comment(client, user, target, text="Danke, das hilft uns weiter.", parent=None):
    """`user` writes a comment (an answer on a question; with `parent` a reply) with the
    site's comment form; returns it."""
    client.force_login(user)
    data = {"target": target_key(target), "comment": text, "next": target_url(target)}
    if parent is not None:
        data["parent"] = parent.pk
    response = client.post(reverse("community:comment_post"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return XtdComment.objects.filter(user=user).latest("pk")


def comment_on(page, user, text="Ein Kommentar"):
    """A public comment of `user` on `page`, stored directly (nobody hears of it)."""
    return XtdComment.objects.create(
        content_type=content_type_of(page),
        object_pk=str(page.pk),
        site=Site.objects.get_current(),
        user=user,
        user_name=user.get_full_name(),
        comment=text,
        submit_date=timezone.now(),
    )


def publish(page):
    """Publishes the page's latest state as an editor does in the admin."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restrict(page, restriction_type, **fields):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return restriction


def notification_of(recipient, kind, target, created_at, title=None):
    """A notification as the site makes it, created at a fixed time."""
    is_comment = isinstance(target, XtdComment)
    if is_comment:
        url = f"{target_url(target.content_object)}#comment-{target.pk}"
    else:
        url = target_url(target)
    return Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=title or f"Über {target.comment[:20] if is_comment else target.title}",
        url=url,
        content_type=(
            ContentType.objects.get_for_model(XtdComment) if is_comment else content_type_of(target)
        ),
        object_id=target.pk,
        created_at=created_at,
    )


def translated(message, **values):
    """A message as the site writes it (in its language), e.g. a notification's title."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message) % values if values else str(message)


def titles_of(user, kind=None):
    notifications = Notification.objects.filter(recipient=user)
    if kind:
        notifications = notifications.filter(kind=kind)
    return sorted(notifications.values_list("title", flat=True))


def kinds_of(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def links_in(body):
    return re.findall(r"https?://\S+", body)


ALL_KINDS = list(NotificationKind)
