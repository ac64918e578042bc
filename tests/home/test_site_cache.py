"""The site cache (home/caching.py, home/site_cache.py): what every page reads comes from the
cache, and no change an editor makes is ever hidden behind it, once it is committed
(`commit()`: a test's own transaction never commits)."""

import uuid

import pytest
import redis
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from redis.connection import AbstractConnection
from wagtail.models import PageViewRestriction

from config.settings import base as base_settings
from tests.factories import (
    AgendaSessionFactory,
    CongressPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    UserFactory,
)
from tests.helpers import commit, soup, text_of
from tests.home.test_query_budget import queries_for

pytestmark = pytest.mark.django_db

# Issues #10 and #28: every page a visitor opens, at most this many queries.
ANONYMOUS_BUDGET = 10
REDIS_TEST_URL = "redis://127.0.0.1:6379/13"


def main_menu(response):
    return [text_of(a) for a in soup(response).select("nav.main-nav .main-nav__list a")]


def section_menu(response):
    return [text_of(a) for a in soup(response).select(".section-menu__list a")]


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def every_kind_of_page(home_page, mentors):
    news_index = NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    news = NewsPageFactory(parent=news_index)
    library = LibraryIndexPageFactory(parent=home_page, show_in_menus=True)
    material = MaterialPageFactory(parent=library)
    events = EventIndexPageFactory(parent=home_page, show_in_menus=True)
    event = EventPageFactory(parent=events)
    congress = CongressPageFactory(parent=events)
    for _ in range(5):
        AgendaSessionFactory(congress=congress)
    pages = [home_page, mentors.get_parent(), mentors, news_index, news, library, material]
    pages += [events, event, congress]
    commit()
    return [page.url for page in pages] + [f"{library.url}?q=Patenschaft", "/suche/?q=Patenschaft"]


def test_every_kind_of_page_a_visitor_opens_costs_at_most_10_queries(client, every_kind_of_page):
    costs = {url: queries_for(client, url) for url in every_kind_of_page}

    assert max(costs.values()) <= ANONYMOUS_BUDGET, costs


@pytest.fixture
def redis_cache(settings):
    """The production cache: Redis (a database of its own, keys under a prefix of their
    own), renditions in each process's memory."""
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "home.cache_backends.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        },
        "renditions": base_settings.CACHES["renditions"],
    }
    yield
    server = redis.Redis.from_url(REDIS_TEST_URL)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def test_every_kind_of_page_a_visitor_opens_asks_redis_at_most_5_times(
    client, every_kind_of_page, redis_cache, monkeypatch
):
    """What every render reads (versions, Wagtail's site root paths, menus, parts) is read
    once per request or copied into the process (issue #28). Counted is every command or
    pipeline sent to the server."""
    sent = []
    send = AbstractConnection.send_packed_command

    def counted(connection, command, check_health=True):
        sent.append(command)
        return send(connection, command, check_health)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)
    round_trips = {}
    for url in every_kind_of_page:
        assert client.get(url).status_code == 200
        sent.clear()
        assert client.get(url).status_code == 200
        round_trips[url] = len(sent)

    assert max(round_trips.values()) <= 5, round_trips


def test_a_page_published_with_a_new_title_shows_it_in_the_menus_at_once(client, mentors):
    programme = mentors.get_parent().specific
    commit()
    assert main_menu(client.get(mentors.url)) == ["Programm"]

    publish(programme, title="Das Programm")
    publish(mentors.specific, title="Patenschaften")
    commit()
    response = client.get(mentors.url)

    assert main_menu(response) == ["Das Programm"]
    assert section_menu(response) == ["Patenschaften"]
    assert text_of(soup(response).select_one("#section-menu-title")) == "Das Programm"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_an_editor_saves_something_the_next_visitor_finds_site_menu_and_settings_built(
    client, mentors
):
    """What every page reads is built again right after the editor's request (its response
    already sent), not while the next visitor waits. (The editor's change is committed.)"""
    client.get(mentors.url)
    editor = Client()
    editor.force_login(UserFactory(groups=["Redaktion"]))

    saved = editor.post(
        reverse("wagtailsnippets_home_organisation:add"),
        {"name": "Lotsenprojekt Nordfriesland", "slug": "", "state": "SH"},
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(mentors.url)

    assert saved.status_code == 302
    assert main_menu(response) == ["Programm"]
    read = " ".join(query["sql"] for query in queries)
    assert "home_sitesettings" not in read
    assert '"wagtailcore_pageviewrestriction"."id"' not in read  # the restricted paths
    assert '"wagtailcore_site"' not in read  # the site with its start page


def test_a_page_restricted_after_it_was_served_asks_visitors_to_log_in_at_once(
    client, programme, mentors
):
    commit()
    assert client.get(mentors.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=programme, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    commit()

    response = client.get(mentors.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert "Programm" not in main_menu(client.get("/"))
    client.force_login(UserFactory(groups=["Mitglieder"]))
    assert client.get(mentors.url).status_code == 200


def test_lifting_a_restriction_opens_the_page_at_once(client, programme):
    restriction = PageViewRestriction.objects.create(
        page=programme, restriction_type=PageViewRestriction.LOGIN
    )
    commit()
    assert client.get(programme.url).status_code == 302

    restriction.delete()
    commit()

    assert client.get(programme.url).status_code == 200
    assert main_menu(client.get("/")) == ["Programm"]


def test_an_unpublished_page_is_gone_at_once(client, programme, mentors):
    commit()
    assert client.get(mentors.url).status_code == 200

    mentors.unpublish()
    commit()

    assert client.get(mentors.url).status_code == 404
    assert section_menu(client.get(programme.url)) == []


def test_a_moved_page_answers_at_its_new_address_and_the_old_one_redirects_there(
    client, home_page, programme, mentors
):
    old_url = mentors.url
    commit()
    assert client.get(old_url).status_code == 200

    mentors.move(home_page, pos="last-child")
    mentors.refresh_from_db()
    commit()

    old = client.get(old_url)
    assert (old.status_code, old["Location"]) == (301, "/patinnen/")
    assert client.get("/patinnen/").status_code == 200


def test_a_page_renamed_in_its_address_is_found_there(client, mentors):
    commit()
    assert client.get(mentors.url).status_code == 200

    publish(mentors.specific, slug="lotsinnen")
    commit()

    assert client.get("/programm/patinnen/").status_code == 404
    assert client.get("/programm/lotsinnen/").status_code == 200


def test_changed_site_settings_show_in_the_footer_and_header_on_the_next_page(
    client, programme, site_settings
):
    commit()
    client.get(programme.url)

    site_settings.funding_notice = "Gefördert vom Bund."
    site_settings.tagline = "Wissen teilen"
    site_settings.save()
    commit()
    page = soup(client.get(programme.url))

    assert text_of(page.select_one(".funding__notice")) == "Gefördert vom Bund."
    assert text_of(page.select_one(".brand__tagline")) == "Wissen teilen"
