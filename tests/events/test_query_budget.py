"""A congress page renders in a fixed number of SQL queries, with 5 sessions or with 40
sessions and 30 speakers (photos, topics and materials included); so does the event list."""

import datetime

import pytest

from tests.factories import (
    AgendaSessionFactory,
    CongressPageFactory,
    EventPageFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    OrganisationFactory,
    SiteImageFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
)
from tests.helpers import commit, soup, text_of
from tests.library.test_query_budget import LOGIN_QUERIES, QUERY_BUDGET, measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def congress(events_index):
    return CongressPageFactory(parent=events_index)


@pytest.fixture
def parts(home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    slides = MaterialTypeFactory(name="Präsentation")
    return {
        "topics": [TopicFactory(name=f"Thema {number}") for number in range(3)],
        "materials": [
            MaterialPageFactory(parent=library, material_type=slides) for _number in range(2)
        ],
        "organisation": OrganisationFactory(),
    }


def add_sessions(congress, parts, count, speakers):
    """`count` sessions over both days, three of them in parallel per slot, each with two of
    `speakers`, a topic and a material."""
    for number in range(count):
        session = AgendaSessionFactory(
            congress=congress,
            title=f"Sitzung {number}",
            format="workshop" if number % 3 else "plenary",
            day=congress.start_date + datetime.timedelta(days=number % 2),
            start_time=datetime.time(9 + number // 6, 0),
            end_time=datetime.time(9 + number // 6, 45),
            speakers=[speakers[number % len(speakers)], speakers[(number + 1) % len(speakers)]],
            topics=[parts["topics"][number % 3]],
        )
        session.materials.set([parts["materials"][number % 2]])
        session.save()


def speakers(count, parts):
    return [
        SpeakerFactory(
            name=f"Person {number}",
            organisation=parts["organisation"] if number % 2 else None,
            photo=SiteImageFactory() if number % 3 == 0 else None,
        )
        for number in range(count)
    ]


MEMBER_BUDGET = QUERY_BUDGET + LOGIN_QUERIES + 1  # + the user's starred sessions


def test_congress_page_is_flat_from_5_to_40_sessions(
    client, congress, parts, django_assert_max_num_queries
):
    """Measured for a signed-in person, who gets the agenda rendered (with stars) where
    visitors get its HTML from the site cache."""
    client.force_login(UserFactory())
    add_sessions(congress, parts, 5, speakers(3, parts))
    few, page = measure(client, congress.url, django_assert_max_num_queries, budget=MEMBER_BUDGET)
    assert len(page.select(".session")) == 5

    congress.sessions.all().delete()
    add_sessions(congress, parts, 40, speakers(30, parts))
    many, page = measure(client, congress.url, django_assert_max_num_queries, budget=MEMBER_BUDGET)

    assert len(page.select(".session")) == 40
    assert len(page.select(".speaker")) == 30
    assert page.select(".star-form")
    assert few == many


def test_visitors_get_the_agenda_without_a_query_and_a_new_session_at_once(
    client, congress, parts, django_assert_max_num_queries
):
    add_sessions(congress, parts, 40, speakers(30, parts))
    queries, page = measure(client, congress.url, django_assert_max_num_queries, budget=0)
    assert len(page.select(".session")) == 40
    assert not page.select(".star-form")

    AgendaSessionFactory(congress=congress, title="Neu im Programm", day=congress.start_date)
    commit()

    page = soup(client.get(congress.url))
    assert len(page.select(".session")) == 41
    assert "Neu im Programm" in [text_of(title) for title in page.select(".session__title")]


def test_event_list_is_flat_from_2_to_20_events(
    client, events_index, django_assert_max_num_queries
):
    def add(count):
        for _number in range(count):
            CongressPageFactory(parent=events_index)
            EventPageFactory(parent=events_index)

    add(1)
    few, _page = measure(client, events_index.url, django_assert_max_num_queries)
    add(9)
    many, page = measure(client, events_index.url, django_assert_max_num_queries)

    assert len(page.select(".event-teaser")) == 20
    assert few == many
