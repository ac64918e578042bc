"""The results page of the site-wide search at /suche/: the filter by type with its counts,
pages of ten results, snippets with the found word marked and everything else escaped, the
editors' picks, the counts behind the editors' report of search terms, the German empty
state with popular topics, and the login hint for visitors."""

import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchTerm
from tests.factories import (
    ContentPageFactory,
    MaterialPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    UserFactory,
)
from tests.helpers import soup, text_of
from tests.search.test_privacy import (
    kind_counts,
    marked_words,
    restrict_to_members,
    result_titles,
    total,
)

pytestmark = pytest.mark.django_db

SEARCH = "/suche/"

NOTHING_FOUND = (
    "Es wurde nichts gefunden. Prüfen Sie die Schreibweise, versuchen Sie weniger oder "
    "allgemeinere Wörter oder stöbern Sie in den Themen der Wissensdatenbank:"
)
LOGIN_HINT = "Mitglieder des Netzwerks finden auch Fragen, Antworten und Profile. Anmelden"


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return soup(response)


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


# --- The filter by type ---------------------------------------------------------------------


@pytest.fixture
def mixed(home_page, library, news_index):
    """»Nachbarschaftslotsen« in two pages, one news item and three materials."""
    for number in range(2):
        ContentPageFactory(
            parent=home_page, title=f"Seite {number}", intro="Über die Nachbarschaftslotsen."
        )
    NewsPageFactory(parent=news_index, title="Nachbarschaftslotsen gestartet")
    for number in range(3):
        MaterialPageFactory(parent=library, title=f"Nachbarschaftslotsen Handbuch {number}")


def test_the_filter_counts_each_type_and_the_chosen_one_shows_only_that_type(client, mixed):
    everything = search(client, q="Nachbarschaftslotsen")
    news_link = next(
        link for link in everything.select(".search-kinds a") if "Meldungen" in text_of(link)
    )

    news_only = soup(client.get(SEARCH + news_link["href"]))

    expected_counts = {"Alle": 6, "Seiten": 2, "Meldungen": 1, "Materialien": 3}
    assert kind_counts(everything) == expected_counts
    assert text_of(everything.select_one(".search-kinds [aria-current=page]")) == "Alle 6"
    assert len(result_titles(everything)) == 6
    assert result_titles(news_only) == ["Nachbarschaftslotsen gestartet"]
    assert [text_of(tag) for tag in news_only.select(".search-result__meta .tag")] == ["Meldung"]
    assert kind_counts(news_only) == expected_counts  # the other types stay one click away
    assert text_of(news_only.select_one(".search-kinds [aria-current=page]")) == "Meldungen 1"
    assert text_of(news_only.select_one("#results-title")) == "6 Treffer für »Nachbarschaftslotsen«"


def test_a_type_without_hits_is_not_offered(client, mixed):
    page = search(client, q="Nachbarschaftslotsen")

    assert "Programmpunkte" not in kind_counts(page)
    assert "Organisationen" not in kind_counts(page)


# --- Pages of results -----------------------------------------------------------------------


def test_more_than_ten_hits_continue_on_page_two(client, library):
    for number in range(12):
        MaterialPageFactory(parent=library, title=f"Tandemarbeit Nummer {number:02d}")

    first = search(client, q="Tandemarbeit")
    second_link = first.select_one('.pagination a[rel="next"]')
    second = soup(client.get(SEARCH + second_link["href"]))

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert text_of(second.select_one(".pagination [aria-current=page]")) == "2"
    assert text_of(second.select_one("#results-title")) == "12 Treffer für »Tandemarbeit«"
    assert len(set(result_titles(first) + result_titles(second))) == 12


def test_the_next_page_keeps_the_chosen_type(client, library, home_page):
    ContentPageFactory(parent=home_page, title="Tandemarbeit allgemein")
    for number in range(11):
        MaterialPageFactory(parent=library, title=f"Tandemarbeit Nummer {number:02d}")

    first = search(client, q="Tandemarbeit", type="materials")
    second = soup(client.get(SEARCH + first.select_one('.pagination a[rel="next"]')["href"]))

    assert result_titles(second) == [
        title for title in result_titles(second) if title.startswith("Tandemarbeit Nummer")
    ]
    assert len(result_titles(first)) + len(result_titles(second)) == 11


# --- Snippets -------------------------------------------------------------------------------


def test_the_snippet_marks_the_found_word_and_escapes_html_from_the_content(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Mentoring vor Ort",
        intro="Unser Mentoringprogramm <script>alert(1)</script> startet <b>bald</b>.",
    )

    response = client.get(SEARCH, {"q": "Mentoringprogramm"})
    html = response.content.decode()
    snippet = soup(response).select_one(".search-result__snippet")

    assert marked_words(soup(response)) == ["mentoringprogramm"]
    assert "<script>alert(1)</script>" not in html
    assert "<b>bald</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (
        text_of(snippet) == "Unser Mentoringprogramm <script>alert(1)</script> startet <b>bald</b>."
    )
    assert [tag.name for tag in snippet.find_all(True)] == ["mark"]


def test_a_long_text_is_cut_around_the_found_word(client, home_page):
    filler = "Ehrenamtliche begleiten Familien im Alltag. " * 20
    ContentPageFactory(
        parent=home_page, title="Lange Seite", intro=f"{filler}Hier steht der Quartiersfonds."
    )

    snippet = text_of(search(client, q="Quartiersfonds").select_one(".search-result__snippet"))

    assert snippet.startswith("… ")
    assert "Quartiersfonds" in snippet
    assert len(snippet) < 260


# --- Editors' picks -------------------------------------------------------------------------


@pytest.fixture
def picks(home_page):
    """Three picks for »Patenschaft«: a public page, a members-only page and a draft."""
    public = ContentPageFactory(parent=home_page, title="Einstieg in Patenschaften")
    members = restrict_to_members(ContentPageFactory(parent=home_page, title="Patenschaft intern"))
    draft = ContentPageFactory(parent=home_page, title="Patenschaft Entwurf", live=False)
    query = Query.get("Patenschaft")
    for order, page in enumerate([members, public, draft]):
        SearchPromotion.objects.create(
            query=query, page=page, sort_order=order, description=f"Empfohlen: {page.title}"
        )
    ContentPageFactory(parent=home_page, title="Patenschaft im Alltag", intro="Eine Patenschaft.")


def pick_titles(page):
    return [text_of(link) for link in page.select(".search-picks a")]


def test_an_editors_pick_is_shown_first_for_its_query(client, picks):
    page = search(client, q="patenschaft")

    sections = [section["class"][0] for section in page.select("main section")]
    assert sections == ["search-picks", "search-results"]
    assert text_of(page.select_one("#picks-title")) == "Empfehlungen der Redaktion"
    assert pick_titles(page) == ["Einstieg in Patenschaften"]
    assert "Empfohlen: Einstieg in Patenschaften" in text_of(page.select_one(".search-picks"))
    assert page.select_one(".search-picks a")["href"] == "/einstieg-in-patenschaften/"


@pytest.mark.parametrize(
    ("groups", "shown"),
    [
        (None, ["Einstieg in Patenschaften"]),
        ([], ["Einstieg in Patenschaften"]),
        (["Mitglieder"], ["Patenschaft intern", "Einstieg in Patenschaften"]),
    ],
    ids=["visitor", "signed-up-not-approved", "member"],
)
def test_a_pick_of_a_page_the_user_may_not_open_is_left_out(client, picks, groups, shown):
    if groups is not None:
        client.force_login(UserFactory(groups=groups))

    page = search(client, q="Patenschaft")

    assert pick_titles(page) == shown
    assert "Patenschaft Entwurf" not in str(page)


def test_picks_belong_to_their_query_and_to_the_first_page_only(client, picks, library):
    for number in range(11):
        MaterialPageFactory(parent=library, title=f"Patenschaft Material {number}")

    assert pick_titles(search(client, q="Mentoring Patenschaft")) == []
    assert pick_titles(search(client, q="Patenschaft", page="2")) == []


# --- What the editors' report of search terms counts ---------------------------------------


def test_searches_and_queries_without_results_are_counted_for_the_report(client, library):
    MaterialPageFactory(parent=library, title="Lesepatenschaft im Quartier")
    for query in ["Lesepatenschaft", "lesepatenschaft ", "Xylophonwal", "LESEPATENSCHAFT"]:
        search(client, q=query)
    for query in ["", "   ", "und"]:  # nothing was searched for
        search(client, q=query)
    today = timezone.localdate()

    popular = list(SearchTerm.objects.popular(today))
    without_results = list(SearchTerm.objects.without_results(today))

    assert popular == [
        {"query": "lesepatenschaft", "total": 3, "most_hits": 1},
        {"query": "xylophonwal", "total": 1, "most_hits": 0},
    ]
    assert [row["query"] for row in without_results] == ["xylophonwal"]


def test_the_report_counts_only_the_days_asked_for(client, library):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    SearchTerm.objects.create(query="altes wort", day=yesterday - datetime.timedelta(days=7))
    SearchTerm.objects.create(query="gestern", day=yesterday, searches=4, hits=2)

    assert [row["query"] for row in SearchTerm.objects.popular(yesterday)] == ["gestern"]
    assert list(SearchTerm.objects.without_results(yesterday)) == []


# --- Empty states -----------------------------------------------------------------------------


@pytest.fixture
def topics(library):
    """Topics with 3, 1 and no published materials (one has only a draft)."""
    family, housing, empty, drafted = (
        TopicFactory(name=name) for name in ["Familie", "Wohnen", "Leer", "Nur Entwurf"]
    )
    for number in range(3):
        MaterialPageFactory(parent=library, title=f"Familienmaterial {number}", topics=[family])
    MaterialPageFactory(parent=library, title="Wohnmaterial", topics=[housing])
    MaterialPageFactory(parent=library, title="Entwurf", topics=[drafted], live=False)
    return [family, housing, empty, drafted]


def topic_links(page):
    return [(text_of(link), link["href"]) for link in page.select(".search-topics__list a")]


def test_a_search_without_results_says_so_in_german_and_offers_popular_topics(client, topics):
    page = search(client, q="Xylophonwal")

    assert text_of(page.select_one("#results-title")) == "0 Treffer für »Xylophonwal«"
    assert text_of(page.select_one(".empty-state p")) == NOTHING_FOUND
    assert topic_links(page) == [
        ("Familie", "/suche/?q=Familie"),
        ("Wohnen", "/suche/?q=Wohnen"),
    ]
    assert result_titles(page) == []
    assert total(page) == 0


def test_the_search_page_without_a_query_offers_popular_topics(client, topics):
    page = search(client)

    assert text_of(page.select_one("#topics-title")) == "Gefragte Themen"
    assert [title for title, _href in topic_links(page)] == ["Familie", "Wohnen"]
    assert page.select_one("#results-title") is None


def test_a_popular_topic_leads_to_its_materials(client, topics):
    page = search(client)
    href = dict(topic_links(page))["Wohnen"]

    assert result_titles(soup(client.get(href))) == ["Wohnmaterial"]


# --- The login hint -------------------------------------------------------------------------


def test_a_visitor_is_told_that_members_find_more_and_where_to_log_in(client, topics):
    page = search(client, q="Familienmaterial")
    login_url = "/konto/login/?next=%2Fsuche%2F%3Fq%3DFamilienmaterial"

    hint = page.select_one(".search-results__members")
    assert text_of(hint) == LOGIN_HINT
    assert hint.a["href"] == login_url
    # also when nothing was found: logging in may be what helps
    assert search(client, q="Xylophonwal").select_one(".search-results__members") is not None


@pytest.mark.parametrize("groups", [[], ["Mitglieder"]], ids=["signed-up-not-approved", "member"])
def test_logged_in_people_get_no_login_hint(client, topics, groups):
    client.force_login(UserFactory(groups=groups))

    page = search(client, q="Familienmaterial")

    assert page.select_one(".search-results__members") is None
    assert len(result_titles(page)) == 3


# --- Matching: titles and texts ---------------------------------------------------------------


def test_each_word_may_be_in_the_title_or_in_the_text(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Quartiersfonds beantragen",
        intro="Wie Kommunen die Nachbarschaftslotsen fördern.",
    )
    ContentPageFactory(parent=home_page, title="Nachbarschaftslotsen", intro="Ohne Geld.")

    both = result_titles(search(client, q="Quartiersfonds Nachbarschaftslotsen"))
    either = result_titles(search(client, q="Nachbarschaftslotsen"))

    assert both == ["Quartiersfonds beantragen"]
    assert sorted(either) == ["Nachbarschaftslotsen", "Quartiersfonds beantragen"]


def test_a_synonym_in_the_text_alone_is_found(client, home_page):
    ContentPageFactory(
        parent=home_page, title="Gemeinsam unterwegs", intro="Ein Tandem trifft sich wöchentlich."
    )
    ContentPageFactory(parent=home_page, title="Sprachkurse", intro="Kurse am Abend.")

    found = result_titles(search(client, q="Mentoring"))

    assert "Gemeinsam unterwegs" in found
    assert "Sprachkurse" not in found
