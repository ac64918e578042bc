"""Parts of pages kept in the site cache (issue #28): routing's pages, a material's files,
links, topics, sessions and comment count, the start page's boxes, the lists of events and
materials, StreamField bodies and the congress agenda. A visitor's second view reads them
from the cache; each change an editor or a member makes shows on the next view, once
committed (`commit()`); an editor's preview shows unsaved content."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import MaterialLink
from tests.factories import (
    AgendaSessionFactory,
    CommentFactory,
    CongressPageFactory,
    EventPageFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    TopicFactory,
    UserFactory,
)
from tests.helpers import commit, soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page)


@pytest.fixture
def material(library):
    material = MaterialPageFactory(parent=library, title="Leitfaden Patenschaften")
    material.comments_enabled = True
    material.save_revision().publish()
    commit()
    return material


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def texts(response, selector):
    return [text_of(element) for element in soup(response).select(selector)]


def test_a_visitors_second_view_of_a_material_reads_nothing_from_the_database(client, material):
    first = queries_for(client, material.url)
    again = queries_for(client, material.url)

    assert first > 0
    assert again == 0


def test_a_new_link_and_topic_of_a_material_show_on_the_next_view(client, material):
    client.get(material.url)
    topic = TopicFactory(name="Wohnraum")
    material.topics.add(topic)
    material.links.add(MaterialLink(label="Wohnungsbörse", url="https://example.org/wohnen"))
    material.save_revision().publish()
    commit()

    response = client.get(material.url)

    assert "Wohnungsbörse" in texts(response, ".files__list--links a")
    assert "Wohnraum" in texts(response, ".tag-list a")


def test_another_material_of_the_organisation_shows_beside_a_material_on_the_next_view(
    client, library, material
):
    organisation = OrganisationFactory(name="Caritas")
    material.organisation = organisation
    material.save_revision().publish()
    commit()
    assert texts(client.get(material.url), "#organisation-title + ul a") == []

    MaterialPageFactory(parent=library, title="Arbeitshilfe Wohnen", organisation=organisation)
    commit()

    assert texts(client.get(material.url), "#organisation-title + ul a") == ["Arbeitshilfe Wohnen"]


def test_a_new_comment_counts_on_the_next_view_of_a_visitor(client, material):
    assert texts(client.get(material.url), ".discussion__count") == ["(0)"]

    CommentFactory(target=material, comment="Sehr hilfreich")
    commit()

    assert texts(client.get(material.url), ".discussion__count") == ["(1)"]


def test_an_editors_preview_shows_a_link_not_yet_saved(client, material):
    client.get(material.url)
    material.links.add(MaterialLink(label="Noch nicht gespeichert", url="https://example.org/"))

    response = material.make_preview_request()

    assert "Noch nicht gespeichert" in texts(response, ".files__list--links a")
    assert "Noch nicht gespeichert" not in texts(client.get(material.url), ".files__list--links a")


def test_a_changed_body_shows_on_the_next_view(client, material):
    material.body = [("paragraph", "<p>Erste Fassung</p>")]
    material.save_revision().publish()
    commit()
    assert "Erste Fassung" in text_of(soup(client.get(material.url)).select_one(".stream"))

    material.body = [("paragraph", "<p>Zweite Fassung</p>")]
    material.save_revision().publish()
    commit()

    assert "Zweite Fassung" in text_of(soup(client.get(material.url)).select_one(".stream"))


def test_new_news_and_materials_show_on_the_start_page_at_once(client, home_page, library):
    news_index = NewsIndexPageFactory(parent=home_page)
    commit()
    client.get("/")

    NewsPageFactory(parent=news_index, title="Neue Meldung", date=datetime.date.today())
    MaterialPageFactory(parent=library, title="Neues Material")
    commit()

    response = client.get("/")
    assert "Neue Meldung" in text_of(soup(response).select_one(".news-box"))
    assert "Neues Material" in text_of(soup(response))


def test_a_new_material_shows_in_the_library_list_at_once(client, library, material):
    assert texts(client.get(library.url), "#results-title") == ["1 Material"]

    MaterialPageFactory(parent=library, title="Zweites Material")
    commit()

    response = client.get(library.url)
    assert texts(response, "#results-title") == ["2 Materialien"]
    assert "Zweites Material" in texts(response, ".material-list h3")


def test_the_news_list_is_kept_per_page_and_shows_new_news_at_once(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    for day in range(1, 13):  # two pages of ten
        NewsPageFactory(
            parent=news_index, title=f"Meldung {day}", date=datetime.date(2026, 11, day)
        )
    commit()
    client.get(news_index.url)
    client.get(news_index.url + "?page=2")

    assert queries_for(client, news_index.url) == 0
    assert texts(client.get(news_index.url + "?page=2"), ".news-list h2") == [
        "Meldung 2",
        "Meldung 1",
    ]

    NewsPageFactory(parent=news_index, title="Neue Meldung", date=datetime.date(2026, 12, 1))
    commit()

    assert texts(client.get(news_index.url), ".news-list h2")[0] == "Neue Meldung"
    assert texts(client.get(news_index.url + "?page=2"), ".news-list h2") == [
        "Meldung 3",
        "Meldung 2",
        "Meldung 1",
    ]


def test_a_new_event_shows_in_the_event_list_at_once(client, events_index):
    commit()
    client.get(events_index.url)

    EventPageFactory(parent=events_index, title="Netzwerktreffen Nord")
    commit()

    assert "Netzwerktreffen Nord" in text_of(soup(client.get(events_index.url)))


def test_members_get_their_own_view_of_the_congress_agenda(client, events_index):
    congress = CongressPageFactory(parent=events_index)
    AgendaSessionFactory(congress=congress, format="workshop")
    commit()
    visitor = client.get(congress.url)
    member = UserFactory()
    member.groups.add(Group.objects.get(name="Mitglieder"))
    client.force_login(member)

    signed_in = client.get(congress.url)

    assert not soup(visitor).select(".star-form")
    assert soup(signed_in).select(".star-form")
