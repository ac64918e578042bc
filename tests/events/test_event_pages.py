"""What visitors see of events: the list (upcoming first, soonest first, then past ones),
a simple event, and a congress with its agenda by day and time slot, parallel sessions,
filters by format and topic, and its speakers."""

import datetime

import pytest
from django.utils import timezone

from events.models import SessionFormat
from tests.factories import (
    AgendaSessionFactory,
    CongressPageFactory,
    EventPageFactory,
    SpeakerFactory,
    TopicFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days_from_today(days):
    return TODAY + datetime.timedelta(days=days)


def test_event_list_shows_upcoming_soonest_first_then_past_newest_first(client, events_index):
    CongressPageFactory(
        parent=events_index, title="Kongress in 90 Tagen", start_date=days_from_today(90)
    )
    EventPageFactory(
        parent=events_index,
        title="Treffen in 10 Tagen",
        start=timezone.now() + datetime.timedelta(days=10),
    )
    CongressPageFactory(
        parent=events_index,
        title="Kongress vor einem Jahr",
        start_date=days_from_today(-365),
        end_date=days_from_today(-364),
    )
    CongressPageFactory(
        parent=events_index,
        title="Kongress vor zwei Jahren",
        start_date=days_from_today(-730),
        end_date=days_from_today(-729),
    )

    page = soup(client.get(events_index.url))

    upcoming, past = page.select(".event-list")
    assert [text_of(title) for title in upcoming.select(".event-teaser__title")] == [
        "Treffen in 10 Tagen",
        "Kongress in 90 Tagen",
    ]
    assert [text_of(title) for title in past.select(".event-teaser__title")] == [
        "Kongress vor einem Jahr",
        "Kongress vor zwei Jahren",
    ]
    assert "Anmeldung offen" in text_of(upcoming)


def test_event_list_without_events_says_so(client, events_index):
    assert (
        "Zurzeit sind keine Veranstaltungen geplant"
        in client.get(events_index.url).content.decode()
    )


def test_online_event_shows_its_time_and_that_it_is_online(client, events_index):
    start = timezone.make_aware(datetime.datetime(2030, 3, 5, 16, 0))
    event = EventPageFactory(
        parent=events_index,
        start=start,
        end=start + datetime.timedelta(hours=1),
        place="",
        online=True,
    )

    text = text_of(soup(client.get(event.url)).select_one("main"))

    assert "Dienstag, 5. März 2030, 16:00 – 17:00 Uhr" in text
    assert "Online" in text


@pytest.fixture
def congress(events_index):
    congress = CongressPageFactory(parent=events_index, start_date=days_from_today(30))
    second_day = congress.start_date + datetime.timedelta(days=1)
    housing = TopicFactory(name="Wohnen")
    speaker = SpeakerFactory(name="Aylin Demir")
    for title, format, day, start in [
        ("Abschluss", SessionFormat.PLENARY, second_day, 12),
        ("Workshop Wohnen", SessionFormat.WORKSHOP, congress.start_date, 14),
        ("Eröffnung", SessionFormat.PLENARY, congress.start_date, 10),
        ("Workshop Recht", SessionFormat.WORKSHOP, congress.start_date, 14),
    ]:
        AgendaSessionFactory(
            congress=congress,
            title=title,
            format=format,
            day=day,
            start_time=datetime.time(start),
            end_time=datetime.time(start + 1),
            topics=[housing] if "Wohnen" in title else [],
            speakers=[speaker] if title == "Workshop Wohnen" else [],
        )
    return congress


def agenda(response):
    """[(day heading, [[session titles of a slot], …]), …]"""
    page = soup(response)
    return [
        (
            text_of(day.select_one(".agenda__day-title")),
            [
                [text_of(title) for title in slot.select(".session__title")]
                for slot in day.select(".agenda-slot")
            ],
        )
        for day in page.select(".agenda__day")
    ]


def test_agenda_is_grouped_by_day_in_time_order_with_parallel_sessions_side_by_side(
    client, congress
):
    days = agenda(client.get(congress.url))

    assert [slots for _day, slots in days] == [
        [["Eröffnung"], ["Workshop Wohnen", "Workshop Recht"]],
        [["Abschluss"]],
    ]
    assert f"{congress.start_date.day}. " in days[0][0]
    page = soup(client.get(congress.url))
    assert "2 parallele Angebote" in text_of(page.select(".agenda-slot--parallel")[0])


def test_agenda_filters_by_format_and_topic_with_plain_links(client, congress):
    workshops = agenda(client.get(congress.url, {"format": "workshop"}))
    housing = agenda(client.get(congress.url, {"topic": "wohnen"}))
    nothing = soup(client.get(congress.url, {"format": "break"}))

    assert [slots for _day, slots in workshops] == [[["Workshop Wohnen", "Workshop Recht"]]]
    assert [slots for _day, slots in housing] == [[["Workshop Wohnen"]]]
    assert "Kein Programmpunkt passt zu diesen Filtern." in text_of(nothing.select_one(".agenda"))


def test_speakers_have_an_anchor_listing_their_sessions(client, congress):
    page = soup(client.get(congress.url))

    speaker = page.select_one("#person-aylin-demir")
    assert [text_of(link) for link in speaker.select(".speaker__sessions a")] == ["Workshop Wohnen"]
    session_link = page.select_one(".session__speakers a")
    assert session_link["href"] == "#person-aylin-demir"


def test_registration_link_only_while_registration_is_open(client, congress):
    assert soup(client.get(congress.url)).select_one(f'a[href="{congress.url}anmelden/"]')

    congress.registration_enabled = False
    congress.save_revision().publish()

    assert not soup(client.get(congress.url)).select_one(f'a[href="{congress.url}anmelden/"]')
    assert client.get(congress.url + "anmelden/").status_code == 200  # says it is closed


def test_calendar_of_a_session_of_another_congress_is_not_found(client, congress, events_index):
    other = CongressPageFactory(parent=events_index)
    session = congress.sessions.first()

    assert client.get(f"{other.url}sitzung-{session.pk}/kalender/").status_code == 404
    assert client.get(f"{congress.url}sitzung-{session.pk}/kalender/").status_code == 200
