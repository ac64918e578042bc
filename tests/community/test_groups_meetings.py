"""Meetings of working groups: the group's moderators plan one (German errors for a wrong
time or a missing place), the other members hear of it and add it to their calendars as an
.ics file, which only those who may read the group get; a past meeting leaves the page and a
cancelled one is gone."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from community.groups.models import GroupMeeting, GroupMembership, WorkingGroup
from community.models import Notification, NotificationKind
from tests.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


@pytest.fixture
def group_moderator(db):
    return MemberProfileFactory(
        user__email="gustav.leitung@example.org", display_name="Gustav Leitung"
    ).user


@pytest.fixture
def group(member, group_moderator):
    group = WorkingGroup.objects.create(name="AG Wohnraum", purpose="…", visibility="closed")
    GroupMembership.objects.create(group=group, user=member)
    GroupMembership.objects.create(
        group=group, user=group_moderator, role=GroupMembership.Role.MODERATOR
    )
    return group


def local(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


def plan(client, group, **fields):
    values = {
        "title": "Drittes Treffen",
        "starts_at": local(7, 14).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": local(7, 16).strftime("%Y-%m-%dT%H:%M"),
        "place": "BBE, Michaelkirchstraße 17/18, Berlin",
        "online_url": "https://konferenz.example.org/ag-wohnraum",
        "description": "Gliederung der Arbeitshilfe",
        **fields,
    }
    url = reverse("community:group_meeting_new", args=[group.slug])
    return client.post(url, {f"meeting-{key}": value for key, value in values.items()})


def test_a_planned_meeting_reaches_the_members_and_their_calendars(
    client, member, group_moderator, group
):
    client.force_login(group_moderator)
    plan(client, group)

    meeting = GroupMeeting.objects.get()
    (notice,) = Notification.objects.filter(kind=NotificationKind.GROUP)
    assert notice.recipient == member
    assert notice.title.startswith("Neues Treffen der „AG Wohnraum“: „Drittes Treffen“")
    client.force_login(member)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Drittes Treffen" in page
    assert "https://konferenz.example.org/ag-wohnraum" in page

    response = client.get(reverse("community:group_meeting_ics", args=[group.slug, meeting.pk]))

    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Drittes Treffen"
    assert event["DTSTART"].dt == local(7, 14)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "Michaelkirchstraße" in str(event["LOCATION"])


@pytest.mark.parametrize(
    ("role", "expected"),
    [("visitor", "login"), ("other_member", 404), ("pending", 404)],  # closed
)
def test_only_readers_of_the_group_get_the_calendar_file(people, group, role, expected):
    meeting = GroupMeeting.objects.create(
        group=group, title="Vertraulich", starts_at=local(3, 10), ends_at=local(3, 11), place="…"
    )
    client = Client()
    if people[role] is not None:
        client.force_login(people[role])

    response = client.get(reverse("community:group_meeting_ics", args=[group.slug, meeting.pk]))

    if expected == "login":
        assert response["Location"].startswith(f"{LOGIN}?next=")
    else:
        assert response.status_code == expected
        assert b"Vertraulich" not in response.content


def test_a_wrong_time_or_no_place_gets_german_errors_and_keeps_the_input(
    client, group_moderator, group
):
    client.force_login(group_moderator)

    response = plan(
        client,
        group,
        starts_at=local(-1, 14).strftime("%Y-%m-%dT%H:%M"),
        ends_at=local(-1, 12).strftime("%Y-%m-%dT%H:%M"),
        place="",
        online_url="",
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Der Beginn liegt in der Vergangenheit." in page
    assert "Das Ende muss nach dem Beginn liegen." in page
    assert "Bitte geben Sie einen Ort oder einen Online-Link an." in page
    assert "Gliederung der Arbeitshilfe" in page
    assert not GroupMeeting.objects.exists()


def test_members_who_do_not_moderate_plan_no_meeting(client, member, group):
    client.force_login(member)

    assert plan(client, group).status_code == 403
    assert not GroupMeeting.objects.exists()


def test_past_meetings_leave_the_page_and_cancelled_ones_are_gone(client, group_moderator, group):
    GroupMeeting.objects.create(
        group=group, title="Auftakt", starts_at=local(-7, 10), ends_at=local(-7, 12), place="…"
    )
    coming = GroupMeeting.objects.create(
        group=group,
        title="Zweites Treffen",
        starts_at=local(2, 10),
        ends_at=local(2, 12),
        place="…",
    )
    client.force_login(group_moderator)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Zweites Treffen" in page
    assert "Auftakt" not in page

    cancel = reverse("community:group_meeting_delete", args=[group.slug, coming.pk])
    assert "Treffen »Zweites Treffen«" in client.get(cancel).content.decode()  # asks first
    assert GroupMeeting.objects.filter(pk=coming.pk).exists()
    response = client.post(cancel, follow=True)

    page = response.content.decode()
    assert "Das Treffen »Zweites Treffen« ist abgesagt." in page
    assert f'id="treffen-{coming.pk}"' not in page
    assert "Es sind keine Treffen geplant." in page
