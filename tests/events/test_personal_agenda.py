"""»Mein Programm«: logged-in users star sessions of congresses, see them by congress and day,
and subscribe to them through a secret calendar address they can renew."""

import datetime
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.models import CalendarFeed, StarredSession
from tests.factories import (
    AgendaSessionFactory,
    CalendarFeedFactory,
    CongressPageFactory,
    SpeakerFactory,
    StarredSessionFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

MY_PROGRAMME = "/mein-programm/"


@pytest.fixture
def congress(events_index):
    return CongressPageFactory(
        parent=events_index,
        title="Fachkongress 2017",
        slug="fachkongress-2017",
        start_date=datetime.date(2017, 11, 23),
        end_date=datetime.date(2017, 11, 24),
    )


@pytest.fixture
def session(congress):
    return AgendaSessionFactory(
        congress=congress,
        title="Eröffnung und Grußworte",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(10, 15),
        speakers=[SpeakerFactory(name="Dr. Ansgar Klein", organisation_name="BBE")],
    )


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def member_client(client, user):
    client.force_login(user)
    return client


def star_url(session):
    return reverse("events:star", args=[session.pk])


def feed_url(token):
    return reverse("events:calendar_feed", args=[token])


def uids_in(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def uid(session):
    return f"session-{session.pk}@localhost"


def star(user, *sessions):
    for session in sessions:
        StarredSessionFactory(user=user, session=session)


# --- Who may ----------------------------------------------------------------------------------


def test_urls_are_german():
    assert reverse("events:my_programme") == MY_PROGRAMME
    assert reverse("events:star", args=[7]) == "/mein-programm/merken/7/"
    assert reverse("events:calendar_feed", args=["abc"]) == "/mein-programm/kalender/abc.ics"


def test_visitor_is_sent_to_login_for_my_programme(client, home_page):
    response = client.get(MY_PROGRAMME)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={quote(MY_PROGRAMME)}"
    assert client.get(response["Location"]).status_code == 200


def test_visitor_who_stars_is_sent_to_login_and_back_to_the_congress(client, congress, session):
    response = client.post(star_url(session), {"star": "1", "next": congress.url})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={quote(congress.url)}"
    assert not StarredSession.objects.exists()


def test_visitor_cannot_renew_a_feed(client, home_page):
    response = client.post(reverse("events:renew_feed"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_get_on_the_star_address_is_not_allowed(member_client, session):
    assert member_client.get(star_url(session)).status_code == 405
    assert not StarredSession.objects.exists()


def test_session_of_an_unpublished_congress_cannot_be_starred(member_client, congress, session):
    congress.unpublish()

    response = member_client.post(star_url(session), {"star": "1"})

    assert response.status_code == 404
    assert not StarredSession.objects.exists()


def test_session_of_a_private_congress_cannot_be_starred(member_client, congress, session):
    PageViewRestriction.objects.create(page=congress, restriction_type=PageViewRestriction.LOGIN)

    assert member_client.post(star_url(session), {"star": "1"}).status_code == 404
    assert not StarredSession.objects.exists()


def test_unknown_session_cannot_be_starred(member_client, home_page):
    assert member_client.post("/mein-programm/merken/999999/", {"star": "1"}).status_code == 404


# --- Starring ---------------------------------------------------------------------------------


def test_user_stars_and_unstars_a_session(member_client, user, congress, session):
    added = member_client.post(star_url(session), {"star": "1", "next": congress.url})

    assert StarredSession.objects.filter(user=user, session=session).exists()
    assert added.status_code == 302
    assert added["Location"] == f"{congress.url}#{session.anchor}"

    removed = member_client.post(star_url(session), {"star": "0", "next": congress.url})

    assert not StarredSession.objects.filter(user=user, session=session).exists()
    assert removed["Location"] == f"{congress.url}#{session.anchor}"


def test_starring_twice_keeps_one_star(member_client, user, session):
    member_client.post(star_url(session), {"star": "1"})
    member_client.post(star_url(session), {"star": "1"})

    assert StarredSession.objects.filter(user=user, session=session).count() == 1


def test_star_without_a_state_toggles(member_client, user, session):
    member_client.post(star_url(session))
    assert StarredSession.objects.filter(user=user, session=session).exists()

    member_client.post(star_url(session))
    assert not StarredSession.objects.filter(user=user, session=session).exists()


def test_starring_confirms_with_a_message(member_client, session):
    response = member_client.post(star_url(session), {"star": "1"}, follow=True)

    assert "Eröffnung und Grußworte" in text_of(soup(response).select_one(".messages"))


def test_unsafe_next_address_is_not_followed(member_client, session):
    response = member_client.post(star_url(session), {"star": "1", "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == f"{MY_PROGRAMME}#{session.anchor}"
    assert "evil" not in response["Location"]


def test_star_form_on_my_programme_passes_the_csrf_check(user, session):
    star(user, session)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    form = soup(browser.get(MY_PROGRAMME)).select_one(f"form[action='{star_url(session)}']")
    button = form.select_one("button[name=star]")
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    data[button["name"]] = button["value"]

    response = browser.post(form["action"], data)

    assert data["csrfmiddlewaretoken"]
    assert data["next"] == MY_PROGRAMME
    assert response.status_code == 302
    assert not StarredSession.objects.filter(user=user, session=session).exists()


# --- The page »Mein Programm« -----------------------------------------------------------------


def test_my_programme_lists_starred_sessions_by_congress_and_day_in_time_order(
    member_client, user, events_index, congress, session
):
    second_day = AgendaSessionFactory(congress=congress, title="Foren", day=congress.end_date)
    early = AgendaSessionFactory(congress=congress, title="Frühstück", start_time=datetime.time(8))
    AgendaSessionFactory(congress=congress, title="Nicht gewählt")
    later_congress = CongressPageFactory(parent=events_index, title="Fachkongress 2031")
    other = AgendaSessionFactory(congress=later_congress, title="Ausblick")
    star(user, second_day, other, session, early)

    page = soup(member_client.get(MY_PROGRAMME))

    congresses = page.select(".my-programme__congress")
    assert [text_of(section.h2) for section in congresses] == [
        "Fachkongress 2031",  # still to come: first
        "Fachkongress 2017",
    ]
    past = congresses[1]
    assert len(past.select(".my-programme__day")) == 2
    assert [text_of(title) for title in past.select(".my-programme__title")] == [
        "Frühstück",
        "Eröffnung und Grußworte",
        "Foren",
    ]
    link = past.select_one(f"#{session.anchor} .my-programme__title a")
    assert link["href"] == f"{congress.url}#{session.anchor}"
    assert "Dr. Ansgar Klein (BBE)" in text_of(past.select_one(f"#{session.anchor}"))
    assert "Nicht gewählt" not in text_of(page.main)


def test_my_programme_hides_sessions_of_congresses_taken_offline(
    member_client, user, congress, session
):
    star(user, session)
    congress.unpublish()

    page = soup(member_client.get(MY_PROGRAMME))

    assert not page.select(".my-programme__session")
    assert page.select_one(".empty-state")


def test_my_programme_without_stars_shows_the_empty_state(member_client, events_index):
    page = soup(member_client.get(MY_PROGRAMME))

    assert not page.select(".my-programme__congress")
    empty = page.select_one(".empty-state")
    assert empty.select_one("a")["href"] == events_index.url


def test_my_programme_creates_the_feed_and_shows_its_absolute_address(member_client, user):
    assert not CalendarFeed.objects.filter(user=user).exists()

    response = member_client.get(MY_PROGRAMME)

    feed = CalendarFeed.objects.get(user=user)
    address = soup(response).select_one("#feed-url")["value"]
    assert address == f"http://testserver{feed_url(feed.token)}"
    assert "no-store" in response["Cache-Control"]


# --- The calendar feed ------------------------------------------------------------------------


def test_feed_returns_the_starred_sessions_without_login(client, user, congress, session):
    unstarred = AgendaSessionFactory(congress=congress)
    star(user, session)
    feed = CalendarFeedFactory(user=user)

    response = client.get(feed_url(feed.token))

    assert response.status_code == 200
    assert uids_in(response) == {uid(session)}
    assert uid(unstarred) not in uids_in(response)


def test_feed_leaves_out_sessions_of_congresses_taken_offline(client, user, congress, session):
    star(user, session)
    feed = CalendarFeedFactory(user=user)
    congress.unpublish()

    assert uids_in(client.get(feed_url(feed.token))) == set()


def test_feed_never_shows_another_users_stars(client, user, congress, session):
    other_user = UserFactory()
    theirs = AgendaSessionFactory(congress=congress)
    star(user, session)
    star(other_user, theirs)
    mine = CalendarFeedFactory(user=user)
    their_feed = CalendarFeedFactory(user=other_user)

    assert uids_in(client.get(feed_url(mine.token))) == {uid(session)}
    assert uids_in(client.get(feed_url(their_feed.token))) == {uid(theirs)}


def test_unknown_token_gives_404(client, home_page):
    assert client.get(feed_url("kein-gueltiges-token")).status_code == 404


def test_after_renewing_the_old_address_gives_404_and_the_new_one_works(
    member_client, client, user, session
):
    star(user, session)
    member_client.get(MY_PROGRAMME)
    old_token = CalendarFeed.objects.get(user=user).token

    response = member_client.post(reverse("events:renew_feed"), follow=True)

    new_token = CalendarFeed.objects.get(user=user).token
    assert new_token != old_token
    assert response.redirect_chain == [(MY_PROGRAMME, 302)]
    assert soup(response).select_one(".messages .message")
    assert new_token in soup(response).select_one("#feed-url")["value"]
    visitor = Client()
    assert visitor.get(feed_url(old_token)).status_code == 404
    assert uids_in(visitor.get(feed_url(new_token))) == {uid(session)}


def test_get_on_the_renew_address_is_not_allowed(member_client, user):
    assert member_client.get(reverse("events:renew_feed")).status_code == 405


def test_my_programme_needs_no_more_queries_as_it_grows(
    member_client, user, events_index, congress, session
):
    star(user, session)
    member_client.get(MY_PROGRAMME)  # creates the feed; sessions and caches warm up
    with CaptureQueriesContext(connection) as small:
        member_client.get(MY_PROGRAMME)
    for other in CongressPageFactory.create_batch(2, parent=events_index):
        star(
            user,
            *AgendaSessionFactory.create_batch(
                3, congress=other, speakers=SpeakerFactory.create_batch(2)
            ),
        )
    member_client.get(MY_PROGRAMME)  # the new pages renewed the site cache: it fills again
    with CaptureQueriesContext(connection) as large:
        page = soup(member_client.get(MY_PROGRAMME))

    assert len(page.select(".my-programme__session")) == 7
    assert len(large) == len(small)
