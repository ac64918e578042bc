"""The iCalendar files of a congress's agenda and of one session (events/ics.py): read back
with the icalendar package, they are valid RFC 5545 with the Berlin time zone, stable UIDs
and what a calendar entry needs (title, place, description, link to the session)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from events.ics import (
    calendar_filename,
    calendar_response,
    congress_calendar,
    personal_calendar,
    session_calendar,
)
from tests.factories import (
    AgendaSessionFactory,
    CalendarFeedFactory,
    CongressPageFactory,
    SpeakerFactory,
    StarredSessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def congress(events_index):
    return CongressPageFactory(
        parent=events_index,
        title="Fachkongress 2017",
        slug="fachkongress-2017",
        start_date=datetime.date(2017, 11, 23),
        end_date=datetime.date(2017, 11, 24),
        venue_name="Tagesspiegel Verlagshaus",
        venue_address="Askanischer Platz 3, 10963 Berlin",
    )


@pytest.fixture
def opening(congress):
    return AgendaSessionFactory(
        congress=congress,
        title="Eröffnung und Grußworte",
        day=datetime.date(2017, 11, 23),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(10, 15),
        room="Saal 1",
        description="Begrüßung durch das Bundesfamilienministerium.",
        speakers=[SpeakerFactory(name="Dr. Ansgar Klein", organisation_name="BBE")],
    )


def parse(calendar_bytes):
    return Calendar.from_ical(calendar_bytes)


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_session_calendar_is_valid_with_prodid_version_and_berlin_timezone(opening):
    calendar = parse(session_calendar(opening))

    calendar.validate()
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()


def test_start_and_end_are_berlin_wall_clock_times_with_tzid(opening):
    raw = session_calendar(opening)
    event = only_event(parse(raw))

    assert b"DTSTART;TZID=Europe/Berlin:20171123T093000" in raw
    assert b"DTEND;TZID=Europe/Berlin:20171123T101500" in raw
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTEND"].params["TZID"] == "Europe/Berlin"
    assert event.start == datetime.datetime(2017, 11, 23, 9, 30, tzinfo=BERLIN)
    assert event.end == datetime.datetime(2017, 11, 23, 10, 15, tzinfo=BERLIN)


def test_dtstamp_is_in_utc(opening):
    event = only_event(parse(session_calendar(opening)))

    assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)


@pytest.mark.parametrize(
    ("day", "offset_hours"),
    [(datetime.date(2017, 6, 15), 2), (datetime.date(2017, 11, 23), 1)],
    ids=["summer", "winter"],
)
def test_the_files_own_vtimezone_gives_summer_and_winter_offsets(congress, day, offset_hours):
    session = AgendaSessionFactory(congress=congress, day=day, start_time=datetime.time(10))
    calendar = parse(session_calendar(session))
    # The zone as the file describes it, not as Python knows it.
    zone = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    start = only_event(calendar)["DTSTART"].dt

    assert start.replace(tzinfo=zone).utcoffset() == datetime.timedelta(hours=offset_hours)
    assert start.utcoffset() == datetime.timedelta(hours=offset_hours)


def test_uid_stays_the_same_across_requests_and_after_editing_the_session(rf, opening):
    first = only_event(parse(session_calendar(opening, rf.get("/"))))
    second = only_event(parse(congress_calendar(opening.congress, rf.get("/"))))
    opening.title = "Eröffnung"
    opening.start_time = datetime.time(9)
    opening.save()
    edited = only_event(parse(session_calendar(opening)))

    assert first["UID"] == second["UID"] == edited["UID"] == f"session-{opening.pk}@localhost"
    assert edited["SUMMARY"] == "Eröffnung"


def test_event_has_summary_location_description_and_link_to_the_session(opening):
    event = only_event(parse(session_calendar(opening)))

    assert event["SUMMARY"] == "Eröffnung und Grußworte"
    assert event["LOCATION"] == (
        "Saal 1, Tagesspiegel Verlagshaus, Askanischer Platz 3, 10963 Berlin"
    )
    description = str(event["DESCRIPTION"])
    assert "Begrüßung durch das Bundesfamilienministerium." in description
    assert "Dr. Ansgar Klein (BBE)" in description
    assert "Fachkongress 2017" in description
    assert event["URL"] == (
        f"http://localhost/veranstaltungen/fachkongress-2017/#sitzung-{opening.pk}"
    )


def test_congress_calendar_has_one_event_per_session_and_nothing_else(
    events_index, congress, opening
):
    AgendaSessionFactory(congress=congress, start_time=datetime.time(11))
    AgendaSessionFactory(congress=congress, day=congress.end_date, room="")
    AgendaSessionFactory(congress=CongressPageFactory(parent=events_index))

    calendar = parse(congress_calendar(congress))

    calendar.validate()
    assert {component.name for component in calendar.subcomponents} == {"VTIMEZONE", "VEVENT"}
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert uids == [f"session-{session.pk}@localhost" for session in congress.sessions.all()]
    assert len(uids) == 3
    assert calendar.calendar_name == "Fachkongress 2017"


def test_congress_calendar_lists_sessions_in_time_order(congress, opening):
    late = AgendaSessionFactory(congress=congress, day=congress.end_date)
    early = AgendaSessionFactory(congress=congress, start_time=datetime.time(8))

    calendar = parse(congress_calendar(congress))

    assert [event["SUMMARY"] for event in calendar.walk("VEVENT")] == [
        early.title,
        opening.title,
        late.title,
    ]


def test_calendar_without_sessions_is_still_valid(db, home_page):
    calendar = parse(personal_calendar(UserFactory()))

    calendar.validate()
    assert calendar.walk("VEVENT") == []
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_calendar_response_is_an_attachment_with_an_ascii_file_name(opening):
    response = calendar_response(
        session_calendar(opening), calendar_filename(opening.congress.title)
    )

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="fachkongress-2017.ics"'
    assert parse(response.content).walk("VEVENT")


def test_calendar_file_names_spell_umlauts_the_german_way():
    assert calendar_filename("Fachkongress Köln 2018") == "fachkongress-koeln-2018.ics"
    assert calendar_filename("»«") == "kalender.ics"


def unfolded(raw):
    """The file's text with folded long lines joined again (RFC 5545, 3.1)."""
    return raw.replace(b"\r\n ", b"").decode()


def text_value(value):
    """A TEXT value as written, unescaped (RFC 5545, 3.3.11): icalendar reads NAME and
    X-WR-CALNAME as unknown properties and leaves their escapes in."""
    return re.sub(
        r"\\([\\;,nN])",
        lambda match: "\n" if match.group(1) in "nN" else match.group(1),
        value.to_ical().decode(),
    )


def test_session_file_of_a_title_with_a_line_break_is_served_as_a_valid_calendar(client, congress):
    session = AgendaSessionFactory(congress=congress, title="Workshop A\nTandems begleiten")

    response = client.get(f"{congress.url}sitzung-{session.pk}/kalender/")

    assert response.status_code == 200
    calendar = parse(response.content)
    calendar.validate()
    assert only_event(calendar)["SUMMARY"] == "Workshop A Tandems begleiten"
    assert text_value(calendar["NAME"]) == "Workshop A Tandems begleiten"


def test_semicolons_and_commas_in_the_congress_title_are_escaped_and_come_back_intact(
    client, congress, opening
):
    congress.title = "Fachkongress 2017; Berlin, Köln"
    congress.save_revision().publish()

    response = client.get(f"{congress.url}kalender/")
    session_response = client.get(f"{congress.url}sitzung-{opening.pk}/kalender/")

    assert response.status_code == session_response.status_code == 200
    text = unfolded(response.content)
    assert "\r\nNAME:Fachkongress 2017\\; Berlin\\, Köln\r\n" in text
    assert "\r\nX-WR-CALNAME:Fachkongress 2017\\; Berlin\\, Köln\r\n" in text
    for raw in (response.content, session_response.content):
        calendar = parse(raw)
        calendar.validate()
        assert "Fachkongress 2017; Berlin, Köln" in str(only_event(calendar)["DESCRIPTION"])
    calendar = parse(response.content)
    assert text_value(calendar["NAME"]) == congress.title
    assert text_value(calendar["X-WR-CALNAME"]) == congress.title


def test_personal_feed_with_a_line_break_in_a_starred_title_is_a_valid_calendar(client, congress):
    user = UserFactory()
    session = AgendaSessionFactory(congress=congress, title="Forum;\r\nEngagement, vor Ort")
    StarredSessionFactory(user=user, session=session)
    feed = CalendarFeedFactory(user=user)

    response = client.get(reverse("events:calendar_feed", args=[feed.token]))

    assert response.status_code == 200
    calendar = parse(response.content)
    calendar.validate()
    assert only_event(calendar)["SUMMARY"] == "Forum; Engagement, vor Ort"
    assert "\r\nSUMMARY:Forum\\; Engagement\\, vor Ort\r\n" in unfolded(response.content)
    assert text_value(calendar["NAME"]) == "Mein Programm"
