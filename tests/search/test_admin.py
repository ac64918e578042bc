"""What editors do with the search in the admin: keep synonyms, promote results for a query,
and read which queries people type and which find nothing."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchTerm, SynonymGroup
from tests.factories import ContentPageFactory, UserFactory
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/search-terms/"


@pytest.fixture
def editor(client):
    user = UserFactory(groups=["Redaktion"])
    client.force_login(user)
    return user


def test_editor_adds_a_synonym_group_that_the_search_uses_at_once(client, home_page, editor):
    ContentPageFactory(parent=home_page, title="Buddy-Programme im Überblick")
    assert "Buddy-Programme" not in client.get("/suche/", {"q": "Lernpatenschaft"}).text

    response = client.post(
        reverse("wagtailsnippets_search_synonymgroup:add"),
        {"terms": "Lernpatenschaft, Buddy"},
    )

    assert response.status_code == 302
    assert SynonymGroup.objects.filter(terms="Lernpatenschaft, Buddy").exists()
    assert "Buddy-Programme" in client.get("/suche/", {"q": "Lernpatenschaft"}).text


def test_editor_can_promote_a_result_for_a_query(client, home_page, editor):
    page = ContentPageFactory(parent=home_page, title="Förderaufruf 2027")
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    promotion = SearchPromotion.objects.create(query=Query.get("Antrag"), page=page)

    results = soup(client.get("/suche/", {"q": "Antrag"}))

    assert text_of(results.select_one(".search-picks a")) == "Förderaufruf 2027"
    promotion.delete()
    assert soup(client.get("/suche/", {"q": "Antrag"})).select_one(".search-picks") is None


def test_report_lists_popular_queries_and_queries_without_results(client, home_page, editor):
    ContentPageFactory(parent=home_page, title="Patenschaften vor Ort")
    for query in ["Patenschaft", "Patenschaft", "Quantenphysik"]:
        client.get("/suche/", {"q": query})

    page = soup(client.get(REPORT_URL))

    tables = page.select("table.listing")
    popular = [[text_of(cell) for cell in row.select("td")] for row in tables[0].select("tbody tr")]
    empty = [text_of(row.select_one("td")) for row in tables[1].select("tbody tr")]
    assert popular[0][:2] == ["patenschaft", "2"]
    assert empty == ["quantenphysik"]
    assert SearchTerm.objects.filter(query="quantenphysik", hits=0).exists()


def test_report_stores_no_user_with_a_query(client, home_page):
    client.force_login(UserFactory(groups=["Mitglieder"]))
    client.get("/suche/", {"q": "Vormundschaft"})

    fields = {field.name for field in SearchTerm._meta.get_fields()}

    assert fields == {"id", "query", "day", "searches", "hits"}


@pytest.mark.parametrize("group", [None, "Mitglieder", "Veranstaltungsmanagement"])
def test_only_editors_read_the_report(client, home_page, group):
    if group:
        client.force_login(UserFactory(groups=[group]))

    response = client.get(REPORT_URL)

    assert response.status_code in (302, 403)


def test_the_reports_menu_shows_our_report_instead_of_wagtails_empty_one(client, editor):
    client.get("/suche/", {"q": "Wohnen"})

    html = client.get("/admin/").text

    assert REPORT_URL in html
    assert reverse("wagtailsearchpromotions:search_terms") not in html
