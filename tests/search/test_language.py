"""The German query layer (search/language.py) as the database backend applies it to every
search of the site: word forms, umlaut and ß spellings, the editors' synonyms, stop words,
and queries of nothing but syntax. The pages are real and indexed as publishing indexes
them; the expectations hold on SQLite (FTS5) and on PostgreSQL (the `german` config)."""

import pytest

from home.models import ContentPage
from library.models import MaterialPage
from search.language import spellings, words
from search.models import SynonymGroup
from tests.factories import (
    ContentPageFactory,
    MaterialPageFactory,
)

pytestmark = pytest.mark.django_db


def found(query, model=MaterialPage):
    """Titles of the live pages of `model` the site's search backend finds for `query`."""
    return sorted(page.title for page in model.objects.live().search(query))


@pytest.fixture
def no_synonyms(db):
    """The editors' list starts with the programme's synonyms (a data migration); these
    tests start without them, so that each one says which groups exist."""
    SynonymGroup.objects.all().delete()


@pytest.fixture
def materials(library, no_synonyms):
    """Each material says one of the words in exactly one form; the last says none."""
    texts = {
        "Gute Begleitung": "Wie eine Patenschaft beginnt.",
        "Engagement im Quartier": "Was das Ehrenamt im Stadtteil bewirkt.",
        "Geld für Projekte": "Förderung durch das Bundesprogramm.",
        "Treffpunkt": "Das Sprachcafé in der Straße am Markt.",
        "Zu zweit lernen": "Ein Tandem aus Schülerin und Studentin.",
        "Ankommen in Deutschland": "Beratung zu Aufenthalt und Wohnung.",
    }
    for title, intro in texts.items():
        MaterialPageFactory(parent=library, title=title, intro=intro)


@pytest.fixture
def mentoring_synonyms(db):
    return SynonymGroup.objects.create(terms="Patenschaft, Mentoring, Tandem, Lotsen")


# --- Word forms and spellings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Patenschaften", "Gute Begleitung"),
        ("Ehrenamtliche", "Engagement im Quartier"),
        ("Foerderung", "Geld für Projekte"),
        ("förderung", "Geld für Projekte"),
        ("Strasse", "Treffpunkt"),
        ("Straße", "Treffpunkt"),
    ],
    ids=["plural", "derived-word", "oe-for-ö", "lower-case", "ss-for-ß", "ß"],
)
def test_a_word_finds_the_page_that_has_it_in_another_form_or_spelling(materials, query, expected):
    assert found(query) == [expected]


def test_other_forms_are_found_on_content_pages_as_on_materials(home_page):
    ContentPageFactory(parent=home_page, title="Mitmachen", intro="Jede Patenschaft zählt.")
    ContentPageFactory(parent=home_page, title="Kontakt", intro="So erreichen Sie uns.")

    assert found("Patenschaften", ContentPage) == ["Mitmachen"]


def test_all_words_must_be_found_each_in_any_of_its_forms(materials):
    assert found("Foerderung Bundesprogramms") == ["Geld für Projekte"]
    assert found("Foerderung Patenschaften") == []


# --- Synonyms -------------------------------------------------------------------------------


def test_without_a_synonym_group_a_word_finds_only_itself(materials):
    assert found("Mentoring") == []


def test_the_programmes_synonyms_are_there_from_the_start(library):
    MaterialPageFactory(parent=library, title="Zu zweit lernen", intro="Ein Tandem.")
    MaterialPageFactory(parent=library, title="Geld für Projekte", intro="Eine Zuwendung.")

    assert found("Mentoring") == ["Zu zweit lernen"]
    assert found("Förderung") == ["Geld für Projekte"]
    assert found("Foerderung") == ["Geld für Projekte"]


@pytest.mark.parametrize("query", ["Mentoring", "Lotsen", "Patenschaften"])
def test_a_synonym_finds_the_page_that_only_says_another_word_of_its_group(
    materials, mentoring_synonyms, query
):
    assert found(query) == ["Gute Begleitung", "Zu zweit lernen"]


def test_a_new_synonym_group_takes_effect_at_once(materials):
    assert found("Mentoring") == []  # the synonyms are cached from now on

    SynonymGroup.objects.create(terms="Mentoring, Tandem")

    assert found("Mentoring") == ["Zu zweit lernen"]


def test_an_edited_synonym_group_takes_effect_at_once(materials, mentoring_synonyms):
    assert "Zu zweit lernen" in found("Mentoring")  # the synonyms are cached from now on

    mentoring_synonyms.terms = "Patenschaft, Mentoring"
    mentoring_synonyms.save()

    assert found("Mentoring") == ["Gute Begleitung"]


def test_a_deleted_synonym_group_takes_effect_at_once(materials, mentoring_synonyms):
    assert "Zu zweit lernen" in found("Mentoring")  # the synonyms are cached from now on

    mentoring_synonyms.delete()

    assert found("Mentoring") == []


# --- Stop words and syntax ------------------------------------------------------------------


@pytest.fixture
def sentence(library, no_synonyms):
    """One material whose text is full of stop words."""
    MaterialPageFactory(
        parent=library,
        title="Gute Begleitung",
        intro="Die Patenschaft und der Alltag: für alle, die helfen wollen.",
    )


def test_stop_words_around_a_word_do_not_have_to_be_on_the_page(sentence):
    assert found("eine Patenschaft oder aber") == ["Gute Begleitung"]


@pytest.mark.parametrize("query", ["und", "der die das", "Und oder aber für"])
def test_a_query_of_stop_words_only_finds_nothing(sentence, query):
    assert found(query) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "()",
        "-",
        "^~",
        "*:*",
        "\\",
        "[]{}",
        "&&||!",
        "%_",
        "' OR ''='",
        "NEAR(",
        "AND OR NOT",
        "'; DROP TABLE wagtailcore_page; --",
    ],
)
def test_a_query_of_search_or_sql_syntax_finds_nothing_and_breaks_nothing(sentence, query):
    assert found(query) == []
    assert found("Patenschaft") == ["Gute Begleitung"]


def test_control_characters_inside_a_word_are_dropped(sentence):
    assert found("Paten\x00schaft") == ["Gute Begleitung"]
    assert found("Paten\u202eschaft") == ["Gute Begleitung"]


# --- The query's words and spellings --------------------------------------------------------


def test_words_drops_stop_words_whatever_their_case():
    assert words("Die Patenschaft UND der Verein") == ["Patenschaft", "Verein"]


def test_words_keeps_letters_umlauts_and_digits_and_drops_syntax():
    assert words('"Förderung*" AND (2017) -Straße:') == ["Förderung", "AND", "2017", "Straße"]


def test_words_of_punctuation_only_are_none():
    assert words("\"'*()-:^~[]{}!?;%_\\") == []


def test_words_keeps_at_most_ten_words_of_at_most_40_letters():
    assert words(" ".join(f"Wort{number}" for number in range(15))) == [
        f"Wort{number}" for number in range(10)
    ]
    assert words("x" * 100) == ["x" * 40]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Foerderung", ["Foerderung", "Förderung"]),
        ("Förderung", ["Förderung", "Foerderung"]),
        ("Strasse", ["Strasse", "Straße"]),
        ("Straße", ["Straße", "Strasse"]),
        ("Uebergaenge", ["Uebergaenge", "Übergänge"]),
        ("Patenschaft", ["Patenschaft"]),
    ],
)
def test_spellings_are_the_word_first_then_with_umlauts_or_ss_written_the_other_way(word, expected):
    assert spellings(word) == expected
