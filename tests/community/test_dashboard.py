"""»Mein Bereich«: where a user lands after logging in. It says what state the account is in
and what to do next, leads into the member area, and shows the newest materials in the
member's topics and the coming events with the state of their registration."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events import waiting_list
from tests.factories import (
    CongressPageFactory,
    EventPageFactory,
    MaterialPageFactory,
    TopicFactory,
)
from tests.helpers import commit, soup, text_of

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("community:dashboard")
QUERY_BUDGET = 15


def published(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


def dashboard_of(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return soup(response)


def links_in(element):
    return {link["href"] for link in element.select("a")}


def test_visitor_is_sent_to_login(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={DASHBOARD}"


def test_pending_account_learns_it_waits_for_approval_and_to_complete_the_profile(
    client, home_page, pending
):
    page = dashboard_of(client, pending)

    status = page.select_one(".account-status")
    assert "account-status--pending" in status["class"]
    assert "Neuer Verein e. V." in text_of(status)
    assert reverse("community:profile_edit") in links_in(status)
    shortcuts = links_in(page.select_one(".shortcuts"))
    assert reverse("community:directory") not in shortcuts
    assert reverse("community:organisations") not in shortcuts


def test_member_has_shortcuts_into_the_member_area_and_the_exchange(client, home_page, member):
    page = dashboard_of(client, member)

    assert "account-status--approved" in page.select_one(".account-status")["class"]
    assert links_in(page.select_one(".shortcuts")) == {
        reverse("community:profile", args=[member.member_profile.pk]),
        reverse("community:directory"),
        reverse("community:organisations"),
        reverse("community:groups"),
        reverse("community:questions"),
        reverse("community:collections"),
        reverse("events:my_programme"),
        reverse("community:notification_settings"),
        reverse("community:my_data"),
    }
    assert "Caritas Berlin" in text_of(page.select_one(".account-status"))


def test_editor_without_profile_is_offered_to_create_one(client, home_page, editor):
    page = dashboard_of(client, editor)

    status = page.select_one(".account-status")
    assert "account-status--none" in status["class"]
    assert reverse("community:profile_edit") in links_in(status)
    assert reverse("wagtailadmin_home") in links_in(page.select_one(".shortcuts"))


def test_member_sees_the_five_newest_materials_of_their_topics_they_may_see(
    client, library, member
):
    mine, other = TopicFactory(name="Wohnen"), TopicFactory(name="Recht und Aufenthalt")
    member.member_profile.topics.set([mine])
    for number in range(6):
        MaterialPageFactory(
            parent=library,
            title=f"Wohnen {number}",
            topics=[mine],
            first_published_at=published(days_ago=10 - number),
        )
    MaterialPageFactory(
        parent=library, title="Aufenthalt", topics=[other], first_published_at=published(0)
    )
    private = MaterialPageFactory(
        parent=library, title="Entwurf", topics=[mine], first_published_at=published(0)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    page = dashboard_of(client, member)

    section = page.select_one("[aria-labelledby=materials-title]")
    titles = [text_of(link) for link in section.select(".link-list a")]
    assert titles == ["Wohnen 5", "Wohnen 4", "Wohnen 3", "Wohnen 2", "Wohnen 1"]
    assert [text_of(tag) for tag in section.select(".dashboard__topics li")] == ["Wohnen"]


def test_member_without_topics_sees_the_newest_materials_and_a_hint_to_choose_topics(
    client, library, member
):
    MaterialPageFactory(parent=library, title="Leitfaden Patenschaften")

    page = dashboard_of(client, member)

    section = page.select_one("[aria-labelledby=materials-title]")
    assert [text_of(link) for link in section.select(".link-list a")] == ["Leitfaden Patenschaften"]
    assert reverse("community:profile_edit") in links_in(section)


def test_coming_events_show_the_members_registration_state(client, events_index, member):
    today = timezone.localdate()
    registered = CongressPageFactory(
        parent=events_index, title="Fachkongress A", start_date=today + datetime.timedelta(10)
    )
    full = CongressPageFactory(
        parent=events_index,
        title="Fachkongress B",
        start_date=today + datetime.timedelta(20),
        capacity=0,
    )
    open_congress = CongressPageFactory(
        parent=events_index, title="Fachkongress C", start_date=today + datetime.timedelta(30)
    )
    CongressPageFactory(
        parent=events_index, title="Vergangen", start_date=today - datetime.timedelta(30)
    )
    meeting = EventPageFactory(parent=events_index, title="Netzwerktreffen")
    secret = EventPageFactory(parent=events_index, title="Interne Runde")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    own = waiting_list.register(
        registered, {"name": "Mira Mitglied", "email": member.email}, user=member
    )
    # Registered without logging in, with the account's address: on the waiting list.
    waiting_list.register(full, {"name": "Mira Mitglied", "email": member.email})

    page = dashboard_of(client, member)

    events = page.select(".dashboard-event")
    assert [text_of(event.select_one("h3")) for event in events] == [
        "Fachkongress A",
        "Fachkongress B",
        "Fachkongress C",
        "Netzwerktreffen",
    ]
    first, second, third, fourth = events
    assert first.select_one(".state--confirmed")
    assert own.url in links_in(first)
    assert first.select_one(".state--waiting") is None
    assert second.select_one(".state--waiting")
    assert open_congress.url + "anmelden/" in links_in(third)
    assert third.select_one(".state") is None
    assert links_in(fourth) == {meeting.url}


def test_dashboard_stays_within_its_query_budget(
    client, library, events_index, member, django_assert_max_num_queries
):
    topics = [TopicFactory() for _number in range(3)]
    member.member_profile.topics.set(topics)
    for number in range(12):
        MaterialPageFactory(parent=library, topics=[topics[number % 3]])
    today = timezone.localdate()
    for number in range(4):
        congress = CongressPageFactory(
            parent=events_index, start_date=today + datetime.timedelta(10 + number), capacity=0
        )
        waiting_list.register(congress, {"name": "Mira", "email": member.email}, user=member)
        EventPageFactory(parent=events_index)
    client.force_login(member)
    commit()
    client.get(DASHBOARD)  # Wagtail's site root paths are cached from here on

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(DASHBOARD)

    assert len(soup(response).select(".dashboard-event .state--waiting")) == 4
