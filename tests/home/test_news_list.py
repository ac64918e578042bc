"""The news list: ten news per page, newest first, robust page numbers, an empty state."""

import datetime

import pytest

from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def twenty_five_news(news_index):
    """News 1 (oldest) to news 25 (newest), one per day."""
    first_day = datetime.date(2024, 1, 1)
    return [
        NewsPageFactory(
            parent=news_index,
            title=f"Meldung {number:02d}",
            slug=f"meldung-{number:02d}",
            date=first_day + datetime.timedelta(days=number),
        )
        for number in range(1, 26)
    ]


def titles_on(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [text_of(title) for title in soup(response).select(".news-list .news-teaser__title")]


def test_news_list_shows_ten_news_newest_first(client, news_index, twenty_five_news):
    titles = titles_on(client, news_index.url)

    assert titles == [f"Meldung {number:02d}" for number in range(25, 15, -1)]


def test_news_list_second_page_shows_the_next_ten(client, news_index, twenty_five_news):
    titles = titles_on(client, f"{news_index.url}?page=2")

    assert titles == [f"Meldung {number:02d}" for number in range(15, 5, -1)]


def test_news_list_last_page_shows_the_rest(client, news_index, twenty_five_news):
    titles = titles_on(client, f"{news_index.url}?page=3")

    assert titles == [f"Meldung {number:02d}" for number in range(5, 0, -1)]


def test_news_list_links_to_the_next_and_previous_page(client, news_index, twenty_five_news):
    pagination = soup(client.get(f"{news_index.url}?page=2")).select_one("nav.pagination")

    assert pagination.select_one("a[rel=next]")["href"] == "?page=3"
    assert pagination.select_one("a[rel=prev]")["href"] == "?page=1"
    assert text_of(pagination.select_one("[aria-current=page]")) == "2"


@pytest.mark.parametrize("page_number", ["99", "0", "-1"])
def test_news_list_page_number_out_of_range_shows_the_last_page(
    client, news_index, twenty_five_news, page_number
):
    titles = titles_on(client, f"{news_index.url}?page={page_number}")

    assert titles == [f"Meldung {number:02d}" for number in range(5, 0, -1)]


@pytest.mark.parametrize("page_number", ["abc", "", "2.5", "%00"])
def test_news_list_page_number_that_is_no_number_shows_the_first_page(
    client, news_index, twenty_five_news, page_number
):
    titles = titles_on(client, f"{news_index.url}?page={page_number}")

    assert titles == [f"Meldung {number:02d}" for number in range(25, 15, -1)]


def test_news_list_with_few_news_has_no_pagination(client, news_index):
    NewsPageFactory(parent=news_index)

    assert soup(client.get(news_index.url)).select_one("nav.pagination") is None


def test_news_list_does_not_show_unpublished_news(client, news_index):
    NewsPageFactory(parent=news_index, title="Veröffentlicht")
    NewsPageFactory(parent=news_index, title="Entwurf", live=False)

    assert titles_on(client, news_index.url) == ["Veröffentlicht"]


def test_news_list_without_news_shows_german_empty_state(client, news_index):
    response = client.get(news_index.url)

    assert response.status_code == 200
    empty_state = soup(response).select_one(".empty-state")
    assert empty_state is not None
    assert "keine Meldungen" in text_of(empty_state)
