"""The start page: the latest news and the teaser box."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def news_on(date, news_index, **fields):
    return NewsPageFactory(parent=news_index, date=date, **fields)


def news_box(client):
    return soup(client.get("/")).select_one(".news-box")


def test_home_page_shows_the_three_latest_news_newest_first(client, news_index):
    news_on(datetime.date(2024, 1, 10), news_index, title="Januar")
    news_on(datetime.date(2024, 4, 10), news_index, title="April")
    news_on(datetime.date(2024, 2, 10), news_index, title="Februar")
    news_on(datetime.date(2024, 3, 10), news_index, title="März")
    news_on(datetime.date(2023, 12, 10), news_index, title="Dezember")

    titles = [text_of(title) for title in news_box(client).select(".news-teaser__title")]

    assert titles == ["April", "März", "Februar"]


def test_home_page_news_teaser_shows_date_title_teaser_and_link(client, news_index):
    news = news_on(
        datetime.date(2024, 3, 5),
        news_index,
        title="Fachkongress angekündigt",
        teaser="Im Herbst treffen sich die Träger in Berlin.",
    )

    teaser = news_box(client).select_one(".news-teaser")

    assert text_of(teaser.select_one(".news-teaser__date")) == "05.03.2024"
    assert teaser.select_one("time")["datetime"] == "2024-03-05"
    title_link = teaser.select_one(".news-teaser__title a")
    assert text_of(title_link) == "Fachkongress angekündigt"
    assert title_link["href"] == news.url
    assert text_of(teaser.select_one(".news-teaser__text")) == (
        "Im Herbst treffen sich die Träger in Berlin."
    )
    assert teaser.select_one(".news-teaser__more a")["href"] == news.url


def test_home_page_news_teaser_more_link_is_german(client, news_index):
    news_on(datetime.date(2024, 3, 5), news_index)

    more = news_box(client).select_one(".news-teaser__more a")

    assert text_of(more) == "mehr…"


def test_home_page_links_to_all_news(client, news_index):
    news_on(datetime.date(2024, 3, 5), news_index)

    links = [a["href"] for a in news_box(client).select(".news-box__all a")]

    assert links == [news_index.url]


def test_home_page_does_not_show_unpublished_news(client, news_index):
    news_on(datetime.date(2024, 1, 1), news_index, title="Veröffentlicht")
    news_on(datetime.date(2024, 6, 1), news_index, title="Entwurf", live=False)

    box = text_of(news_box(client))

    assert "Veröffentlicht" in box
    assert "Entwurf" not in box


def test_home_page_does_not_show_news_for_members_only(client, news_index):
    news_on(datetime.date(2024, 1, 1), news_index, title="Für alle")
    private = news_on(datetime.date(2024, 6, 1), news_index, title="Nur für Mitglieder")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))

    box = text_of(news_box(client))

    assert "Für alle" in box
    assert "Nur für Mitglieder" not in box


def test_home_page_without_news_shows_an_empty_state(client, news_index):
    empty_state = news_box(client).select_one(".empty-state")

    assert empty_state is not None
    assert "keine Meldungen" in text_of(empty_state)


def test_home_page_teaser_box_shows_the_featured_page(client, home_page):
    congress = ContentPageFactory(parent=home_page, title="Fachkongress 2017", slug="kongress")
    home_page.featured_page = congress
    home_page.featured_title = "Jetzt anmelden"
    home_page.featured_text = "Der Fachkongress findet am 3. November statt."
    home_page.save()

    box = soup(client.get("/")).select_one(".teaser-box")

    assert box is not None
    assert text_of(box.h2) == "Jetzt anmelden"
    assert "Der Fachkongress findet am 3. November statt." in text_of(box)
    assert box.select_one("a.button")["href"] == congress.url


def test_home_page_teaser_box_falls_back_to_the_featured_page_title(client, home_page):
    congress = ContentPageFactory(parent=home_page, title="Fachkongress 2017", slug="kongress")
    home_page.featured_page = congress
    home_page.save()

    box = soup(client.get("/")).select_one(".teaser-box")

    assert text_of(box.h2) == "Fachkongress 2017"


def test_home_page_without_featured_page_shows_no_teaser_box(client, home_page):
    assert soup(client.get("/")).select_one(".teaser-box") is None
