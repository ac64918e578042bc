"""Every notification URL × every role: visitors log in; every logged-in account (pending,
member, other member, moderator, editor) reaches only its own notifications and settings,
and there is no way to see or change another's."""

from urllib.parse import urlparse

import pytest
from django.urls import reverse

from community.models import Frequency, Notification, NotificationKind, NotificationSetting
from community.notifications.emails import unsubscribe_url
from tests.community.conftest import MONDAY
from tests.factories import MaterialPageFactory, NotificationFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
ROLES = ["pending", "member", "other_member", "moderator", "editor"]


@pytest.fixture
def people(member, other_member, pending, moderator, editor):
    return {
        "pending": pending,
        "member": member,
        "other_member": other_member,
        "moderator": moderator,
        "editor": editor,
    }


@pytest.fixture
def everyones(people, library):
    """One notification for each person, titled with their role."""
    return {
        role: NotificationFactory(
            recipient=user,
            kind=NotificationKind.MATERIAL,
            target=MaterialPageFactory(parent=library, title=f"Material für {role}"),
            created_at=MONDAY,
            title=f"Nur für {role}",
        )
        for role, user in people.items()
    }


def settings_data(frequency):
    return {kind.value: frequency for kind in NotificationKind}


# --- Visitors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("community:notifications", "get"),
        ("community:notifications_read", "post"),
        ("community:notification_settings", "get"),
        ("community:notification_settings", "post"),
    ],
)
def test_visitors_are_sent_to_the_login(client, everyones, name, method):
    response = getattr(client, method)(reverse(name), settings_data(Frequency.NEVER))

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert not NotificationSetting.objects.exists()
    assert not Notification.objects.filter(read_at__isnull=False).exists()


def test_marking_read_takes_no_get(client, member):
    client.force_login(member)

    assert client.get(reverse("community:notifications_read")).status_code == 405


# --- Logged-in accounts: their own only -----------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_everyone_logged_in_sees_only_their_own_notifications(client, people, everyones, role):
    client.force_login(people[role])

    for url in (
        reverse("community:notifications"),
        reverse("community:notifications") + f"?user={everyones['member'].recipient_id}",
        reverse("community:notifications") + f"?recipient={everyones['member'].recipient_id}",
    ):
        response = client.get(url)
        assert response.status_code == 200
        text = text_of(soup(response).select_one("main"))
        for other, notification in everyones.items():
            assert (notification.title in text) == (other == role)


@pytest.mark.parametrize("role", ROLES)
def test_marking_read_changes_only_ones_own(client, people, everyones, role):
    client.force_login(people[role])

    response = client.post(reverse("community:notifications_read"))

    assert response.status_code == 302
    read = Notification.objects.filter(read_at__isnull=False)
    assert list(read.values_list("recipient", flat=True)) == [people[role].pk]


@pytest.mark.parametrize("role", ROLES)
def test_settings_change_only_ones_own(client, people, role):
    client.force_login(people[role])

    assert client.get(reverse("community:notification_settings")).status_code == 200
    response = client.post(
        reverse("community:notification_settings"), settings_data(Frequency.DAILY)
    )

    assert response.status_code == 302
    changed = NotificationSetting.objects.values_list("user", flat=True).distinct()
    assert list(changed) == [people[role].pk]


# --- The unsubscribe link -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["visitor", *ROLES])
def test_the_unsubscribe_link_works_for_whoever_holds_it_and_only_for_its_owner(
    client, people, member, role
):
    if role != "visitor":
        client.force_login(people[role])
    path = urlparse(unsubscribe_url(member, [NotificationKind.NEWS])).path

    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200

    assert list(NotificationSetting.objects.values_list("user", "kind", "frequency")) == [
        (member.pk, NotificationKind.NEWS, Frequency.NEVER)
    ]
