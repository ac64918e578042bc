"""When Elasticsearch cannot be reached, searching says so in German and everything else
works: the results page, the suggestions, the library's and the directory's search."""

import pytest
from django.test import override_settings

from tests.factories import (
    ContentPageFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

UNAVAILABLE = "Die Suche ist gerade nicht verfügbar."
# Nothing listens on the discard port: every request to it is refused at once.
UNREACHABLE = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://127.0.0.1:9"],
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
    }
}


@pytest.fixture
def site_content(home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    MaterialPageFactory(parent=library, title="Leitfaden Patenschaften")
    return {
        "page": ContentPageFactory(parent=home_page, title="Über das Programm"),
        "library": library,
    }


def test_results_page_says_in_german_that_the_search_is_unavailable(client, site_content):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        response = client.get("/suche/", {"q": "Patenschaft"})

    assert response.status_code == 200
    assert UNAVAILABLE in text_of(soup(response).select_one("[role=alert]"))


def test_suggestions_stay_empty(client, site_content):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        response = client.get("/suche/vorschlaege/", {"q": "Über"})

    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_pages_and_the_library_work_and_its_search_says_so(client, site_content):
    library_url = site_content["library"].url
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        assert client.get("/").status_code == 200
        assert client.get(site_content["page"].url).status_code == 200
        listing = soup(client.get(library_url))
        searched = client.get(library_url, {"q": "Patenschaft"})

    assert "Leitfaden Patenschaften" in text_of(listing.select_one(".material-list"))
    assert searched.status_code == 200
    assert UNAVAILABLE in text_of(soup(searched).select_one("[role=alert]"))


def test_member_directory_search_says_so(client, site_content):
    client.force_login(UserFactory(groups=["Mitglieder"]))
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        response = client.get("/netzwerk/mitglieder/", {"q": "Patenschaft"})

    assert response.status_code == 200
    assert UNAVAILABLE in text_of(soup(response).select_one("[role=alert]"))
