"""Where each page type of the public site may be created (DESIGN.md: no page type can be
created where it makes no sense)."""

import pytest
from wagtail.models import Page

from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage
from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content_page(home_page):
    return ContentPageFactory(parent=home_page, title="Programm", slug="programm")


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def news_page(news_index):
    return NewsPageFactory(parent=news_index)


def test_only_the_home_page_can_be_created_at_the_top_of_the_tree():
    assert Page.creatable_subpage_models() == [HomePage]


def test_home_page_can_be_created_under_the_wagtail_root_page_while_there_is_none():
    root = Page.get_first_root_node()

    assert HomePage.can_create_at(root)


def test_second_home_page_cannot_be_created(home_page):
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_home_page_cannot_be_created_below_other_pages(home_page, content_page, news_index):
    for parent in (home_page, content_page, news_index):
        assert not HomePage.can_exist_under(parent)


def test_home_page_offers_content_pages_and_the_news_list_as_subpages():
    subpage_types = HomePage.creatable_subpage_models()

    assert ContentPage in subpage_types
    assert NewsIndexPage in subpage_types
    assert NewsPage not in subpage_types
    assert HomePage not in subpage_types


def test_content_page_can_be_created_under_home_page_and_content_page(home_page, content_page):
    assert ContentPage.can_create_at(home_page)
    assert ContentPage.can_create_at(content_page)


def test_content_page_cannot_be_created_at_the_top_of_the_tree(home_page):
    assert not ContentPage.can_create_at(Page.get_first_root_node())


def test_content_page_cannot_be_created_under_news_list_or_news_page(news_index, news_page):
    assert not ContentPage.can_create_at(news_index)
    assert not ContentPage.can_create_at(news_page)


def test_content_page_allows_only_content_pages_below_it():
    assert ContentPage.creatable_subpage_models() == [ContentPage]


def test_news_index_page_can_be_created_under_home_page(home_page):
    assert NewsIndexPage.can_create_at(home_page)


def test_second_news_index_page_cannot_be_created(home_page, news_index):
    assert not NewsIndexPage.can_create_at(home_page)


def test_news_index_page_cannot_be_created_under_content_page(content_page):
    assert not NewsIndexPage.can_exist_under(content_page)


def test_news_index_page_allows_only_news_pages_below_it():
    assert NewsIndexPage.creatable_subpage_models() == [NewsPage]


def test_news_page_can_be_created_under_news_index_page(news_index):
    assert NewsPage.can_create_at(news_index)


def test_news_page_cannot_be_created_under_home_page(home_page):
    assert not NewsPage.can_create_at(home_page)


def test_news_page_cannot_be_created_under_content_page(content_page):
    assert not NewsPage.can_create_at(content_page)


def test_news_page_cannot_be_created_under_another_news_page(news_page):
    assert not NewsPage.can_create_at(news_page)


def test_news_page_allows_no_subpages():
    assert NewsPage.allowed_subpage_models() == []
