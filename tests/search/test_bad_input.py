"""Whatever is typed into the search or put into its address, the answer is a page in
German: results (perhaps none), the hint to search for something more specific, or the
popular topics; never an error. The same inputs to the suggestions give JSON."""

import pytest
from wagtail.models import Page

from tests.factories import LibraryIndexPageFactory, MaterialPageFactory, TopicFactory
from tests.helpers import soup, text_of
from tests.search.test_privacy import kind_counts, result_titles
from tests.search.test_results_page import NOTHING_FOUND

pytestmark = pytest.mark.django_db

SEARCH = "/suche/"
SUGGESTIONS = "/suche/vorschlaege/"
TOO_GENERAL = (
    "Bitte geben Sie einen genaueren Suchbegriff ein: Wörter wie »und« oder »der« allein "
    "finden nichts."
)
FOUND = "Leitfaden Patenschaft"
LONG = ("Leitfaden Patenschaft " * 100)[:2000]

# id → (what is typed, what the page shows: "topics", "too general", or the query it
# searched for after dropping control characters, with the titles found)
TYPED = {
    "empty": ("", "topics"),
    "whitespace": (" \t\n  ", "topics"),
    "2000 characters": (LONG, (LONG[:200], [FOUND])),
    "sql": (
        "'; DROP TABLE wagtailcore_page; --",
        ("'; DROP TABLE wagtailcore_page; --", []),
    ),
    "lucene syntax": ('title:(foo AND bar) OR "x', ('title:(foo AND bar) OR "x', [])),
    "lucene wildcard": ("*", "too general"),
    "lucene fuzzy": ("~", "too general"),
    "backslash": ("\\", "too general"),
    "html": ('"><script>alert(1)</script>', ('"><script>alert(1)</script>', [])),
    "rtl override": ("\u202eLeitfaden", ("Leitfaden", [FOUND])),
    "nul": ("Leit\x00faden", ("Leitfaden", [FOUND])),
    "zero-width characters": ("\u200bLeit\u200dfaden\ufeff", ("Leitfaden", [FOUND])),
    "emoji and a word": ("🤝 Leitfaden", ("🤝 Leitfaden", [FOUND])),
    "emoji only": ("🤝🎉", "too general"),
    "stop words only": ("und der", "too general"),
}
INVISIBLE = ["\u202e", "\x00", "\u200b", "\u200d", "\ufeff"]


@pytest.fixture
def material(home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    return MaterialPageFactory(
        parent=library, title=FOUND, topics=[TopicFactory(name="Patenschaften")]
    )


def german_answer(response):
    """What the page says, as (kind, heading or message, result titles)."""
    page = soup(response)
    if page.select_one("#topics-title"):
        return "topics", text_of(page.select_one("#topics-title")), []
    if page.select_one(".search-page .empty-state[role=status]"):
        return "too general", text_of(page.select_one(".empty-state")), []
    return "results", text_of(page.select_one("#results-title")), result_titles(page)


@pytest.mark.parametrize("name", TYPED)
def test_any_query_gets_a_german_answer(client, material, name):
    typed, expected = TYPED[name]

    response = client.get(SEARCH, {"q": typed})

    assert response.status_code == 200
    html = response.content.decode()
    kind, said, titles = german_answer(response)
    if expected == "topics":
        assert (kind, said) == ("topics", "Gefragte Themen")
        assert "Patenschaften" in text_of(soup(response).select_one(".search-topics"))
    elif expected == "too general":
        assert (kind, said) == ("too general", TOO_GENERAL)
    else:
        query, found = expected
        assert (kind, said, titles) == ("results", f"{len(found)} Treffer für »{query}«", found)
        if not found:
            assert text_of(soup(response).select_one(".empty-state p")) == NOTHING_FOUND
    assert not any(character in html for character in INVISIBLE)
    assert "<script>alert(1)" not in html


def test_sql_in_the_query_is_only_searched_for(client, material):
    pages = Page.objects.count()

    client.get(SEARCH, {"q": "'; DROP TABLE wagtailcore_page; --"})
    client.get(SEARCH, {"q": "Leitfaden' OR '1'='1"})

    assert Page.objects.count() == pages
    assert result_titles(soup(client.get(SEARCH, {"q": "Leitfaden"}))) == [FOUND]


def test_a_long_query_is_cut_to_the_length_of_the_search_box(client, material):
    page = soup(client.get(SEARCH, {"q": LONG}))

    assert len(page.select_one("#search-q")["value"]) == 200
    assert page.select_one("#search-q")["maxlength"] == "200"


@pytest.fixture
def twelve_materials(home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    for number in range(12):
        MaterialPageFactory(parent=library, title=f"Leitfaden Nummer {number:02d}")


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("999", 2),
        ("99999999999999999999999999", 2),
        ("0", 2),
        ("abc", 1),
        ("1.5", 1),
        ("", 1),
        ("2\x00", 1),
        ("-1", 2),
    ],
    ids=["past-the-end", "huge", "zero", "word", "fraction", "empty", "nul", "negative"],
)
def test_any_page_number_shows_a_page_of_results(client, twelve_materials, number, shown):
    """Out of range: the last page; no number at all: the first (home/pagination.py), like
    every list of the site."""
    response = client.get(SEARCH, {"q": "Leitfaden", "page": number})

    assert response.status_code == 200
    page = soup(response)
    current = int(text_of(page.select_one(".pagination [aria-current=page]")))
    assert len(result_titles(page)) == {1: 10, 2: 2}[current]
    assert current == shown
    assert text_of(page.select_one("#results-title")) == "12 Treffer für »Leitfaden«"


@pytest.mark.parametrize("kind", ["unknown", "", "Materials", "questions", "members", "x" * 500])
def test_an_unknown_type_shows_all_results(client, material, kind):
    """Questions and members are unknown to a visitor: they may not search them."""
    response = client.get(SEARCH, {"q": "Leitfaden", "type": kind})

    assert response.status_code == 200
    page = soup(response)
    assert result_titles(page) == [FOUND]
    assert text_of(page.select_one(".search-kinds [aria-current=page]")) == "Alle 1"
    assert kind_counts(page) == {"Alle": 1, "Materialien": 1}


# --- Suggestions ----------------------------------------------------------------------------

SUGGESTED = {
    "empty": ("", []),
    "whitespace": (" \t\n  ", []),
    "one letter": ("L", []),
    "2000 characters": (LONG, None),
    "sql": ("'; DROP TABLE wagtailcore_page; --", None),
    "lucene syntax": ('title:(foo AND bar) OR "x', None),
    "lucene wildcard": ("*", []),
    "lucene fuzzy": ("~", []),
    "backslash": ("\\", []),
    "quotes": ('"Leitf', None),
    "html": ('"><script>alert(1)</script>', None),
    "rtl override": ("\u202eLeitf", [FOUND]),
    "nul": ("Lei\x00tf", [FOUND]),
    "zero-width characters": ("\u200bLeit\u200df", [FOUND]),
    "emoji and a word": ("🤝 Leitf", None),
    "emoji only": ("🤝🎉", []),
    "stop words only": ("und der", None),
}


@pytest.mark.parametrize("name", SUGGESTED)
def test_any_input_gets_suggestions_as_json(client, material, name):
    typed, expected = SUGGESTED[name]

    response = client.get(SUGGESTIONS, {"q": typed})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"query", "suggestions"}
    assert all(set(item) == {"title", "url"} for item in data["suggestions"])
    titles = [item["title"] for item in data["suggestions"]]
    if expected is not None:
        assert titles == expected
    else:  # whatever matches, but only what exists
        assert set(titles) <= {FOUND}
    assert not any(character in data["query"] for character in INVISIBLE)
    assert len(data["query"]) <= 200
