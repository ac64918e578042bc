"""The listings stay within a fixed number of SQL queries, however many news there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NewsIndexPageFactory, NewsPageFactory, SiteImageFactory
from tests.helpers import commit

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, show_in_menus=True)


def add_news(news_index, count):
    image = SiteImageFactory()
    for number in range(count):
        NewsPageFactory(
            parent=news_index,
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            image=image if number % 2 else None,
        )


def queries_for(client, url):
    """Queries of the second request: the first one may fill caches (site root paths). What
    the test built counts as committed, so that the caches work as in the running site."""
    commit()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("news_count", [3, 60])
def test_home_page_stays_within_the_query_budget(
    client, news_index, news_count, django_assert_max_num_queries
):
    add_news(news_index, news_count)
    client.get("/")

    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get("/")


@pytest.mark.parametrize("news_count", [3, 60])
def test_news_list_stays_within_the_query_budget(
    client, news_index, news_count, django_assert_max_num_queries
):
    add_news(news_index, news_count)
    client.get(news_index.url)

    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get(news_index.url)


@pytest.mark.parametrize(
    "url_of", [lambda index: "/", lambda index: index.url], ids=["home_page", "news_list"]
)
def test_query_count_does_not_grow_with_the_number_of_news(client, news_index, url_of):
    url = url_of(news_index)
    add_news(news_index, 3)
    with_three = queries_for(client, url)

    add_news(news_index, 57)
    with_sixty = queries_for(client, url)

    assert with_three == with_sixty
