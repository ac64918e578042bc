"""The app's own cache of visitors' pages (config.middleware.PageCacheMiddleware): a repeated
visit costs no query, a change shows at once, and nobody gets a page meant for someone else."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from search.models import SearchTerm
from tests.factories import (
    CommentFactory,
    ContentPageFactory,
    MaterialPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    UserFactory,
)
from tests.helpers import commit, soup, text_of
from tests.search.test_privacy import restrict_to_members

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE=True):
        yield


@pytest.fixture
def page(home_page):
    page = ContentPageFactory(parent=home_page, title="Über das Programm", slug="programm")
    commit()
    return page


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def account_link(response):
    return text_of(soup(response).select_one(".account-menu"))


def test_a_visitors_second_visit_is_answered_without_a_query(client, page):
    first, _ = queries_of(client, page.url)
    again, response = queries_of(client, page.url)

    assert first > 0
    assert again == 0
    assert text_of(soup(response).h1) == "Über das Programm"
    assert "s-maxage" in response["Cache-Control"]


def test_a_page_published_with_a_new_title_shows_it_to_the_next_visitor(client, page):
    client.get(page.url)

    page.title = "Programm und Ziele"
    page.save_revision().publish()
    commit()

    assert text_of(soup(client.get(page.url)).h1) == "Programm und Ziele"


def test_a_member_never_gets_the_visitors_copy_and_visitors_never_get_the_members(client, page):
    assert "Anmelden" in account_link(client.get(page.url))
    member = UserFactory(groups=["Mitglieder"])
    client.force_login(member)

    assert "Abmelden" in account_link(client.get(page.url))

    client.logout()
    client.cookies.clear()
    assert "Abmelden" not in account_link(client.get(page.url))


def test_a_members_only_page_is_never_kept(client, page):
    restrict_to_members(page)
    commit()
    client.force_login(UserFactory(groups=["Mitglieder"]))
    assert client.get(page.url).status_code == 200

    client.logout()
    client.cookies.clear()
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")


def test_each_page_of_a_list_is_kept_apart(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    for number in range(25):
        NewsPageFactory(parent=news_index, title=f"Meldung {number:02d}")
    commit()
    first = [text_of(title) for title in soup(client.get(news_index.url)).select("h2, h3")]

    second = soup(client.get(news_index.url, {"page": 2})).select("h2, h3")

    assert [text_of(title) for title in second] != first


def test_searches_are_never_kept_so_each_is_counted(client, page):
    for _ in range(2):
        assert client.get("/suche/", {"q": "Programm"}).status_code == 200

    assert SearchTerm.objects.get(query="programm").searches == 2


def comment_count(client, page):
    return text_of(soup(client.get(page.url)).select_one(".discussion__count"))


def test_a_new_comment_counts_on_the_kept_material_page_at_once(client, library):
    material = MaterialPageFactory(parent=library, title="Leitfaden Tandems")
    CommentFactory(target=material)
    commit()
    assert comment_count(client, material) == "(1)"
    assert comment_count(client, material) == "(1)"  # kept

    CommentFactory(target=material)
    commit()

    assert comment_count(client, material) == "(2)"
