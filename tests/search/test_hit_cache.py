"""The hit lists kept in the cache (search/cache.py): a repeated search is cheap, and the
cache never shows anyone what they may not see nor hides what was just published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SynonymGroup
from tests.factories import (
    ContentPageFactory,
    MaterialPageFactory,
    UserFactory,
)
from tests.helpers import commit, soup
from tests.search.test_privacy import restrict_to_members, result_titles, text_document

pytestmark = pytest.mark.django_db

SEARCH = "/suche/"


def titles(client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return result_titles(soup(response))


def queries_of(client, query):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SEARCH, {"q": query}).status_code == 200
    return len(queries)


def test_a_repeated_search_reads_the_kept_hits_instead_of_searching_again(client, library):
    MaterialPageFactory(parent=library, title="Kompassrose im Ehrenamt")

    first = queries_of(client, "Kompassrose")
    again = queries_of(client, "Kompassrose")

    assert again < first
    assert titles(client, "Kompassrose") == ["Kompassrose im Ehrenamt"]


def test_hits_a_member_found_in_a_members_only_file_are_never_shown_to_a_visitor(client, library):
    MaterialPageFactory(
        parent=library,
        title="Protokoll der Klausur",
        access_level="members",
        files=[text_document("Die Haushaltsschlüsselzahlen stehen hier.")],
    )
    member = UserFactory(groups=["Mitglieder"])
    client.force_login(member)
    assert titles(client, "Haushaltsschlüsselzahlen") == ["Protokoll der Klausur"]

    client.logout()
    assert titles(client, "Haushaltsschlüsselzahlen") == []
    client.force_login(UserFactory())  # an account waiting for approval
    assert titles(client, "Haushaltsschlüsselzahlen") == []


def test_a_page_published_after_a_search_is_found_by_the_same_search_at_once(client, home_page):
    assert titles(client, "Wasserturmfest") == []

    ContentPageFactory(parent=home_page, title="Das Wasserturmfest")

    assert titles(client, "Wasserturmfest") == ["Das Wasserturmfest"]


def test_a_repeated_search_shows_a_result_as_it_is_now(client, home_page):
    """The results of a page of hits are kept as well (titles, snippets): a renamed page
    shows its new title the next time."""
    page = ContentPageFactory(parent=home_page, title="Wasserturmfest im Quartier")
    commit()
    assert titles(client, "Wasserturmfest") == ["Wasserturmfest im Quartier"]
    assert queries_of(client, "Wasserturmfest") <= 1  # the query counted for the report

    page.title = "Wasserturmfest im Stadtteil"
    page.save_revision().publish()
    commit()

    assert titles(client, "Wasserturmfest") == ["Wasserturmfest im Stadtteil"]


def test_a_page_restricted_after_a_search_is_no_longer_found_by_visitors(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Leuchtturmtreffen")
    assert titles(client, "Leuchtturmtreffen") == ["Leuchtturmtreffen"]

    restrict_to_members(page)

    assert titles(client, "Leuchtturmtreffen") == []


def test_a_new_synonym_widens_a_search_that_was_kept(client, home_page):
    ContentPageFactory(parent=home_page, title="Tandemprojekte im Quartier")
    assert titles(client, "Zweierteams") == []

    SynonymGroup.objects.create(terms="Zweierteams, Tandemprojekte")

    assert titles(client, "Zweierteams") == ["Tandemprojekte im Quartier"]
