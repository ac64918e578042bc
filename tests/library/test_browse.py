"""Browsing the knowledge database at /wissensdatenbank/: facets with counts, active filters
with links that remove them, free text over pages and the files the visitor may download,
sorting, pages, empty states, and which materials are listed at all."""

from urllib.parse import parse_qs, urlsplit

import factory
import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.models import SynonymGroup
from tests.factories import (
    LibraryDocumentFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    OrganisationFactory,
    TopicFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

NO_MATCH = "Kein Material passt zu diesen Filtern."


def text_document(text, **fields):
    """A library document whose extracted text is `text` (a .txt file is read in-process)."""
    file = factory.django.FileField(filename="datei.txt", data=text.encode())
    return LibraryDocumentFactory(file=file, **fields)


def browse(client, library, **params):
    """The library's list for these GET parameters, parsed."""
    response = client.get(library.url, params)
    assert response.status_code == 200
    return soup(response)


def titles(page):
    return [text_of(title) for title in page.select(".material-list .material-teaser__title")]


def facet_counts(page, name):
    """{label: count} of one facet as shown, e.g. facet_counts(page, "topic")."""
    values = page.select(f".facet li:has(input[name={name}])")
    return {
        text_of(value.select_one(".facet__label")): int(text_of(value.select_one(".facet__count")))
        for value in values
    }


def chosen_values(page, name):
    return [
        text_of(checkbox.find_next_sibling(class_="facet__label"))
        for checkbox in page.select(f".facet input[name={name}][checked]")
    ]


def result_heading(page):
    return text_of(page.select_one("#results-title"))


def empty_state(page):
    return text_of(page.select_one(".empty-state"))


def query_of(href):
    return parse_qs(urlsplit(href).query)


# --- Facets -----------------------------------------------------------------------------


@pytest.fixture
def catalogue(library):
    """Five materials over three topics, three types, four years and two organisations:

    Aufenthaltsrecht kompakt      Recht und Aufenthalt          Leitfaden  2017  DRK
    Wohnungssuche begleiten       Wohnen                        Leitfaden  2018  AWO
    Mustervertrag Patenschaft     Recht und Aufenthalt, Wohnen  Vorlage    2018  DRK
    Lernpaten gewinnen            Bildung                       Vorlage    2016  AWO
    Studie Ehrenamt               –                             Studie     2015  –
    """
    recht = TopicFactory(name="Recht und Aufenthalt")
    wohnen = TopicFactory(name="Wohnen")
    bildung = TopicFactory(name="Bildung")
    TopicFactory(name="Gesundheit")  # no material has it
    leitfaden = MaterialTypeFactory(name="Leitfaden")
    vorlage = MaterialTypeFactory(name="Vorlage")
    studie = MaterialTypeFactory(name="Studie")
    drk = OrganisationFactory(name="Deutsches Rotes Kreuz", short_name="DRK", slug="drk")
    awo = OrganisationFactory(name="Arbeiterwohlfahrt", short_name="AWO", slug="awo")
    rows = [
        ("Aufenthaltsrecht kompakt", [recht], leitfaden, 2017, drk),
        ("Wohnungssuche begleiten", [wohnen], leitfaden, 2018, awo),
        ("Mustervertrag Patenschaft", [recht, wohnen], vorlage, 2018, drk),
        ("Lernpaten gewinnen", [bildung], vorlage, 2016, awo),
        ("Studie Ehrenamt", [], studie, 2015, None),
    ]
    for title, topics, material_type, year, organisation in rows:
        MaterialPageFactory(
            parent=library,
            title=title,
            topics=topics,
            material_type=material_type,
            year=year,
            organisation=organisation,
        )


def test_facets_show_each_value_with_its_number_of_materials(client, library, catalogue):
    page = browse(client, library)

    assert facet_counts(page, "topic") == {"Recht und Aufenthalt": 2, "Wohnen": 2, "Bildung": 1}
    assert facet_counts(page, "type") == {"Leitfaden": 2, "Vorlage": 2, "Studie": 1}
    assert facet_counts(page, "year") == {"2018": 2, "2017": 1, "2016": 1, "2015": 1}
    assert facet_counts(page, "organisation") == {
        "Arbeiterwohlfahrt": 2,
        "Deutsches Rotes Kreuz": 2,
    }


def test_facets_have_german_headings(client, library, catalogue):
    page = browse(client, library)

    headings = [text_of(legend) for legend in page.select(".facet legend")]
    assert headings == ["Thema", "Materialart", "Jahr", "Organisation"]


def test_choosing_a_topic_changes_the_other_counts_but_not_the_topic_counts(
    client, library, catalogue
):
    page = browse(client, library, topic="recht-und-aufenthalt")

    assert facet_counts(page, "topic") == {"Recht und Aufenthalt": 2, "Wohnen": 2, "Bildung": 1}
    assert facet_counts(page, "type") == {"Leitfaden": 1, "Vorlage": 1}
    assert facet_counts(page, "year") == {"2018": 1, "2017": 1}
    assert facet_counts(page, "organisation") == {"Deutsches Rotes Kreuz": 2}
    assert chosen_values(page, "topic") == ["Recht und Aufenthalt"]


def test_each_count_is_what_choosing_that_value_would_show(client, library, catalogue):
    counts = facet_counts(browse(client, library, type="vorlage"), "topic")

    for topic, slug in [("Recht und Aufenthalt", "recht-und-aufenthalt"), ("Bildung", "bildung")]:
        shown = titles(browse(client, library, type="vorlage", topic=slug))
        assert counts[topic] == len(shown)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"topic": ["recht-und-aufenthalt", "bildung"]},
            {"Aufenthaltsrecht kompakt", "Mustervertrag Patenschaft", "Lernpaten gewinnen"},
        ),
        (
            {"type": ["leitfaden", "studie"]},
            {"Aufenthaltsrecht kompakt", "Wohnungssuche begleiten", "Studie Ehrenamt"},
        ),
        ({"year": ["2017", "2016"]}, {"Aufenthaltsrecht kompakt", "Lernpaten gewinnen"}),
        (
            {"organisation": ["drk", "awo"]},
            {
                "Aufenthaltsrecht kompakt",
                "Wohnungssuche begleiten",
                "Mustervertrag Patenschaft",
                "Lernpaten gewinnen",
            },
        ),
    ],
    ids=["topic", "type", "year", "organisation"],
)
def test_two_values_of_one_facet_show_materials_with_either(
    client, library, catalogue, params, expected
):
    page = browse(client, library, **params)

    assert set(titles(page)) == expected
    assert result_heading(page) == f"{len(expected)} Materialien"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "recht-und-aufenthalt", "type": "vorlage"}, ["Mustervertrag Patenschaft"]),
        ({"type": "leitfaden", "year": "2018"}, ["Wohnungssuche begleiten"]),
        ({"organisation": "drk", "year": "2017"}, ["Aufenthaltsrecht kompakt"]),
        (
            {"topic": "wohnen", "type": "leitfaden", "year": "2018", "organisation": "awo"},
            ["Wohnungssuche begleiten"],
        ),
    ],
    ids=["topic-and-type", "type-and-year", "organisation-and-year", "all-four"],
)
def test_values_of_two_facets_show_only_materials_with_both(
    client, library, catalogue, params, expected
):
    page = browse(client, library, **params)

    assert titles(page) == expected
    assert result_heading(page) == "1 Material"


def test_values_without_materials_are_hidden(client, library, catalogue):
    page = browse(client, library, type="leitfaden")

    topics = facet_counts(page, "topic")
    assert "Gesundheit" not in topics  # no material at all
    assert "Bildung" not in topics  # no Leitfaden
    assert topics == {"Recht und Aufenthalt": 1, "Wohnen": 1}


@pytest.mark.parametrize(
    ("name", "value", "label"),
    [("topic", "gesundheit", "Gesundheit"), ("year", "2030", "2030")],
)
def test_a_chosen_value_without_materials_stays_visible_and_checked(
    client, library, catalogue, name, value, label
):
    page = browse(client, library, **{name: value})

    assert facet_counts(page, name)[label] == 0
    assert chosen_values(page, name) == [label]
    assert titles(page) == []
    assert NO_MATCH in empty_state(page)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("topic", "gibt-es-nicht"),
        ("type", "gibt-es-nicht"),
        ("organisation", "gibt-es-nicht"),
        ("year", "zweitausend"),
        ("year", "2017.5"),
        ("year", "-2017"),
        ("year", ""),
        ("year", "²"),
        ("year", "99999999999999999999"),
    ],
)
def test_an_unknown_filter_value_matches_nothing_and_does_not_crash(
    client, library, catalogue, name, value
):
    page = browse(client, library, **{name: value})

    assert titles(page) == []
    assert result_heading(page) == "0 Materialien"
    assert NO_MATCH in empty_state(page)


# --- Active filters ---------------------------------------------------------------------


def active_filters(page):
    """{label: remove link} of the listed active filters, without »Alle Filter entfernen«."""
    links = page.select(".active-filters a:not(.active-filters__all)")
    return {text_of(link).removesuffix(" × (Filter entfernen)"): link["href"] for link in links}


def test_each_active_filter_is_listed_with_a_link_that_removes_just_it(client, library, catalogue):
    page = browse(
        client,
        library,
        q="Patenschaft",
        topic=["recht-und-aufenthalt", "wohnen"],
        type="vorlage",
        sort="title",
    )

    links = active_filters(page)
    assert set(links) == {
        "»Patenschaft«",
        "Thema: Recht und Aufenthalt",
        "Thema: Wohnen",
        "Materialart: Vorlage",
    }
    assert query_of(links["Thema: Recht und Aufenthalt"]) == {
        "q": ["Patenschaft"],
        "topic": ["wohnen"],
        "type": ["vorlage"],
        "sort": ["title"],
    }
    assert query_of(links["Materialart: Vorlage"]) == {
        "q": ["Patenschaft"],
        "topic": ["recht-und-aufenthalt", "wohnen"],
        "sort": ["title"],
    }
    assert query_of(links["»Patenschaft«"]) == {
        "topic": ["recht-und-aufenthalt", "wohnen"],
        "type": ["vorlage"],
        "sort": ["title"],
    }


def test_removing_a_filter_goes_back_to_the_first_page(client, library, catalogue):
    page = browse(client, library, year="2018", type="vorlage", page="2")

    assert query_of(active_filters(page)["Jahr: 2018"]) == {"type": ["vorlage"]}


def test_removing_the_only_filter_links_to_the_library_itself(client, library, catalogue):
    page = browse(client, library, organisation="drk")

    assert active_filters(page) == {"Organisation: Deutsches Rotes Kreuz": library.url}


def test_remove_all_filters_links_to_the_unfiltered_library(client, library, catalogue):
    page = browse(client, library, topic="wohnen", year="2018", q="Mustervertrag")

    remove_all = page.select_one(".active-filters a.active-filters__all")
    assert text_of(remove_all) == "Alle Filter entfernen"
    assert remove_all["href"] == library.url


def test_without_filters_no_active_filters_are_listed(client, library, catalogue):
    page = browse(client, library, sort="title")

    assert page.select_one(".active-filters") is None


# --- Free text --------------------------------------------------------------------------


@pytest.fixture
def materials_to_find(library):
    """Each search word occurs in exactly one material, in a different place."""
    MaterialPageFactory(parent=library, title="Vormundschaft für Minderjährige")
    MaterialPageFactory(
        parent=library,
        title="Übergänge gestalten",
        intro="Wie Ehrenamtliche die Schulbegleitung von Kindern organisieren.",
    )
    MaterialPageFactory(
        parent=library,
        title="Asylverfahren erklärt",
        topics=[TopicFactory(name="Aufenthaltsrecht")],
    )
    MaterialPageFactory(
        parent=library,
        title="Patenschaften im Quartier",
        organisation=OrganisationFactory(name="Caritasverband Leipzig"),
    )
    MaterialPageFactory(parent=library, title="Sprachcafé organisieren")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Vormundschaft", "Vormundschaft für Minderjährige"),
        ("Schulbegleitung", "Übergänge gestalten"),
        ("Aufenthaltsrecht", "Asylverfahren erklärt"),
        ("Caritasverband", "Patenschaften im Quartier"),
    ],
    ids=["title", "summary", "topic-name", "organisation-name"],
)
def test_free_text_finds_materials_by_their_words(
    client, library, materials_to_find, query, expected
):
    page = browse(client, library, q=query)

    assert titles(page) == [expected]
    assert result_heading(page) == "1 Material"


def test_free_text_follows_the_topics_an_editor_changes_and_publishes(client, library):
    """As the admin's edit view and the bulk import do: set the topics, publish."""
    material = MaterialPageFactory(parent=library, title="Asylverfahren erklärt")
    material.topics = [TopicFactory(name="Wohnungssuche")]
    material.save_revision().publish()
    material.topics = [TopicFactory(name="Aufenthaltsrecht")]
    material.save_revision().publish()

    assert titles(browse(client, library, q="Aufenthaltsrecht")) == ["Asylverfahren erklärt"]
    assert titles(browse(client, library, q="Wohnungssuche")) == []


def test_free_text_finds_a_word_only_inside_a_public_materials_file(client, library):
    MaterialPageFactory(
        parent=library,
        title="Protokoll des Fachtags",
        files=[text_document("Die Arbeitsgruppe sprach über Traumapädagogik.")],
    )
    MaterialPageFactory(parent=library, title="Einladung zum Fachtag")

    assert titles(browse(client, library, q="Traumapädagogik")) == ["Protokoll des Fachtags"]


def test_free_text_finds_a_file_by_one_word_of_its_title_and_another_of_its_text(client, library):
    MaterialPageFactory(
        parent=library,
        title="Protokoll des Fachtags",
        files=[text_document("Die Arbeitsgruppe sprach über Traumapädagogik.", title="Clearing")],
    )
    MaterialPageFactory(parent=library, title="Einladung zum Fachtag")

    assert titles(browse(client, library, q="Clearing Traumapädagogik")) == [
        "Protokoll des Fachtags"
    ]
    assert titles(browse(client, library, q="Clearing Sprachcafé")) == []


@pytest.fixture
def members_material(library):
    MaterialPageFactory(
        parent=library,
        title="Interne Auswertung",
        access_level="members",
        files=[text_document("Vertrauliche Fallbesprechung zur Clearingstelle.")],
    )
    MaterialPageFactory(parent=library, title="Öffentlicher Leitfaden")


@pytest.mark.parametrize(
    ("groups", "finds_it"),
    [(None, False), ([], False), (["Mitglieder"], True), (["Redaktion"], True)],
    ids=["visitor", "signed-up-not-approved", "member", "editor"],
)
def test_a_word_inside_a_members_only_file_is_found_only_by_those_who_may_download_it(
    client, library, members_material, groups, finds_it
):
    if groups is not None:
        client.force_login(UserFactory(groups=groups))

    found = titles(browse(client, library, q="Clearingstelle"))

    assert found == (["Interne Auswertung"] if finds_it else [])


def test_members_only_material_is_still_found_by_its_title_for_a_visitor(
    client, library, members_material
):
    assert titles(browse(client, library, q="Auswertung")) == ["Interne Auswertung"]


def test_free_text_needs_all_its_words(client, library, materials_to_find):
    assert titles(browse(client, library, q="Vormundschaft Minderjährige")) == [
        "Vormundschaft für Minderjährige"
    ]
    assert titles(browse(client, library, q="Vormundschaft Sprachcafé")) == []


def test_free_text_combines_with_the_facets(client, library, catalogue):
    page = browse(client, library, q="Patenschaft", type="leitfaden")

    assert titles(page) == []
    assert NO_MATCH in empty_state(page)


def test_free_text_narrows_the_facet_counts(client, library, catalogue):
    page = browse(client, library, q="Mustervertrag")

    assert facet_counts(page, "topic") == {"Recht und Aufenthalt": 1, "Wohnen": 1}
    assert facet_counts(page, "type") == {"Vorlage": 1}


def test_a_word_most_materials_hold_is_counted_as_exactly_as_a_rare_one(client, library):
    recht, wohnen = TopicFactory(name="Recht und Aufenthalt"), TopicFactory(name="Wohnen")
    leitfaden, vorlage = MaterialTypeFactory(name="Leitfaden"), MaterialTypeFactory(name="Vorlage")
    for title, topics, material_type in [
        ("Patenschaft im Aufenthaltsrecht", [recht], leitfaden),
        ("Patenschaft und Wohnungssuche", [wohnen], leitfaden),
        ("Patenschaft gestalten", [recht, wohnen], vorlage),
        ("Begleitung im Alltag", [wohnen], vorlage),  # the one not found
    ]:
        MaterialPageFactory(parent=library, title=title, topics=topics, material_type=material_type)

    page = browse(client, library, q="Patenschaft", topic="wohnen")

    assert sorted(titles(page)) == ["Patenschaft gestalten", "Patenschaft und Wohnungssuche"]
    assert facet_counts(page, "topic") == {"Recht und Aufenthalt": 2, "Wohnen": 2}
    assert facet_counts(page, "type") == {"Leitfaden": 1, "Vorlage": 1}


def test_the_search_term_is_shown_as_text_not_as_markup(client, library, catalogue):
    attack = '<script>alert("x")</script>'

    response = client.get(library.url, {"q": attack})

    assert response.status_code == 200
    assert attack.encode() not in response.content
    page = soup(response)
    assert page.select_one("#library-q")["value"] == attack
    assert f"»{attack}«" in active_filters(page)
    assert not [script for script in page.select("script") if "alert" in script.text]


@pytest.fixture
def german_materials(library):
    """Materials that each say a word in one form only, and the editors' synonym group."""
    SynonymGroup.objects.all().delete()
    SynonymGroup.objects.create(terms="Patenschaft, Mentoring, Tandem, Lotsen")
    MaterialPageFactory(parent=library, title="Gute Begleitung", intro="Jede Patenschaft zählt.")
    MaterialPageFactory(parent=library, title="Zu zweit lernen", intro="Ein Tandem für Schüler.")
    MaterialPageFactory(parent=library, title="Geld für Projekte", intro="Förderung vom Bund.")
    MaterialPageFactory(parent=library, title="Sprachcafé organisieren")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Patenschaften", ["Gute Begleitung", "Zu zweit lernen"]),
        ("Mentoring", ["Gute Begleitung", "Zu zweit lernen"]),
        ("Foerderung", ["Geld für Projekte"]),
    ],
    ids=["other-form", "synonym", "umlaut-spelling"],
)
def test_free_text_understands_german_as_the_site_search_does(
    client, library, german_materials, query, expected
):
    assert sorted(titles(browse(client, library, q=query))) == expected


@pytest.mark.parametrize(
    "query", ['"', "Vormund*", "(Vormundschaft", "Vormundschaft OR", "NOT", "-", "a:b", "^"]
)
def test_free_text_with_search_syntax_characters_does_not_crash(
    client, library, materials_to_find, query
):
    browse(client, library, q=query)


# --- Sorting ----------------------------------------------------------------------------


def sort_titles(client, library, sort):
    return titles(browse(client, library, sort=sort))


@pytest.fixture
def three_materials(library):
    """Years, titles and downloads each give a different order. The most downloaded has two
    files (3 + 4 downloads), none of them downloaded as often as the other's one (5)."""
    MaterialPageFactory(
        parent=library,
        title="Checkliste Erstgespräch",
        year=2016,
        files=[
            text_document("Checkliste", download_count=3),
            text_document("Gesprächsleitfaden", download_count=4),
        ],
    )
    MaterialPageFactory(
        parent=library,
        title="Arbeitshilfe Matching",
        year=2018,
        files=[text_document("Matching", download_count=5)],
    )
    MaterialPageFactory(parent=library, title="Broschüre Mentoring", year=2017)


def test_list_shows_the_newest_materials_first(client, library, three_materials):
    assert sort_titles(client, library, "newest") == [
        "Arbeitshilfe Matching",
        "Broschüre Mentoring",
        "Checkliste Erstgespräch",
    ]


def test_newest_first_is_the_default_sort(client, library, three_materials):
    page = browse(client, library)

    assert titles(page) == sort_titles(client, library, "newest")
    assert text_of(page.select_one("#library-sort option[selected]")) == "Neueste zuerst"


def test_list_sorts_by_title_from_a_to_z(client, library, three_materials):
    assert sort_titles(client, library, "title") == [
        "Arbeitshilfe Matching",
        "Broschüre Mentoring",
        "Checkliste Erstgespräch",
    ]


def test_list_sorts_by_the_downloads_of_all_files_of_a_material(client, library, three_materials):
    assert sort_titles(client, library, "downloads") == [
        "Checkliste Erstgespräch",
        "Arbeitshilfe Matching",
        "Broschüre Mentoring",
    ]


@pytest.mark.parametrize("sort", ["popular", "", "-year", "title;drop"])
def test_an_unknown_sort_falls_back_to_newest_first(client, library, three_materials, sort):
    assert sort_titles(client, library, sort) == sort_titles(client, library, "newest")


def test_sort_options_are_offered_in_german(client, library, three_materials):
    page = browse(client, library, sort="downloads")

    options = page.select("#library-sort option")
    assert [text_of(option) for option in options] == [
        "Neueste zuerst",
        "Titel A–Z",
        "Meist heruntergeladen",
    ]
    assert text_of(page.select_one("#library-sort option[selected]")) == "Meist heruntergeladen"


# --- Pages ------------------------------------------------------------------------------


@pytest.fixture
def twenty_three_materials(library):
    """Material 01 (2001, oldest) to Material 23 (2023, newest), all on topic »Wohnen«."""
    topic = TopicFactory(name="Wohnen")
    material_type = MaterialTypeFactory(name="Leitfaden")
    for number in range(1, 24):
        MaterialPageFactory(
            parent=library,
            title=f"Material {number:02d}",
            year=2000 + number,
            topics=[topic],
            material_type=material_type,
        )


def numbered(numbers):
    return [f"Material {number:02d}" for number in numbers]


def test_list_shows_ten_materials_per_page(client, library, twenty_three_materials):
    page = browse(client, library)

    assert titles(page) == numbered(range(23, 13, -1))
    assert result_heading(page) == "23 Materialien"


def test_second_page_shows_the_next_ten(client, library, twenty_three_materials):
    page = browse(client, library, page="2")

    assert titles(page) == numbered(range(13, 3, -1))
    assert result_heading(page) == "23 Materialien"


@pytest.mark.parametrize("page_number", ["abc", "", "2.5"])
def test_a_page_number_that_is_no_number_shows_the_first_page(
    client, library, twenty_three_materials, page_number
):
    assert titles(browse(client, library, page=page_number)) == numbered(range(23, 13, -1))


@pytest.mark.parametrize("page_number", ["999", "0", "-1"])
def test_a_page_number_out_of_range_shows_the_last_page(
    client, library, twenty_three_materials, page_number
):
    assert titles(browse(client, library, page=page_number)) == numbered(range(3, 0, -1))


def test_pagination_links_keep_the_filters(client, library, twenty_three_materials):
    page = browse(client, library, topic="wohnen", sort="title")

    assert query_of(page.select_one("nav.pagination a[rel=next]")["href"]) == {
        "topic": ["wohnen"],
        "sort": ["title"],
        "page": ["2"],
    }
    assert titles(browse(client, library, topic="wohnen", sort="title", page="2")) == numbered(
        range(11, 21)
    )


def test_few_materials_have_no_pagination(client, library, catalogue):
    assert browse(client, library).select_one("nav.pagination") is None


def test_result_heading_counts_the_filtered_materials_not_the_page(
    client, library, twenty_three_materials
):
    page = browse(client, library, year=["2001", "2002", "2003"], page="1")

    assert result_heading(page) == "3 Materialien"
    assert page.select_one("nav.pagination") is None


# --- Empty states -----------------------------------------------------------------------


def test_library_without_materials_says_so_in_german(client, library):
    page = browse(client, library)

    assert empty_state(page) == "Es gibt noch keine Materialien."
    assert result_heading(page) == "0 Materialien"
    assert page.select(".facet") == []


def test_filters_without_match_say_so_and_link_to_all_materials(client, library, catalogue):
    page = browse(client, library, topic="bildung", year="2018")

    assert titles(page) == []
    assert NO_MATCH in empty_state(page)
    link = page.select_one(".empty-state a")
    assert text_of(link) == "Alle Materialien zeigen"
    assert link["href"] == library.url


# --- Which materials are listed ---------------------------------------------------------


def test_unpublished_materials_are_not_listed_nor_counted(client, library):
    topic = TopicFactory(name="Wohnen")
    MaterialPageFactory(parent=library, title="Veröffentlicht", topics=[topic])
    MaterialPageFactory(parent=library, title="Entwurf", topics=[topic], live=False)

    page = browse(client, library)

    assert titles(page) == ["Veröffentlicht"]
    assert result_heading(page) == "1 Material"
    assert facet_counts(page, "topic") == {"Wohnen": 1}


def restrict(page, restriction_type):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="geheim-genug"
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Mitglieder"))


@pytest.mark.parametrize(
    "restriction_type",
    [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS],
)
def test_materials_with_a_view_restriction_are_not_listed_nor_counted(
    client, library, restriction_type
):
    topic = TopicFactory(name="Wohnen")
    MaterialPageFactory(parent=library, title="Für alle", topics=[topic])
    restrict(
        MaterialPageFactory(parent=library, title="Geschützt", topics=[topic]), restriction_type
    )

    page = browse(client, library)

    assert titles(page) == ["Für alle"]
    assert result_heading(page) == "1 Material"
    assert facet_counts(page, "topic") == {"Wohnen": 1}


def test_material_below_a_restricted_page_is_not_listed(client, library):
    """The tree allows no pages below a material, but a restriction on an ancestor counts
    like one on the material itself (Wagtail's rule)."""
    restricted = MaterialPageFactory(parent=library, title="Geschützter Bereich")
    restrict(restricted, PageViewRestriction.PASSWORD)
    MaterialPageFactory(parent=restricted, title="Darunter")
    MaterialPageFactory(parent=library, title="Für alle")

    assert titles(browse(client, library)) == ["Für alle"]


def test_members_only_materials_are_listed_with_a_notice_on_their_files(client, library):
    MaterialPageFactory(parent=library, title="Interne Auswertung", access_level="members")
    MaterialPageFactory(parent=library, title="Öffentlicher Leitfaden", year=2016)

    page = browse(client, library)

    assert titles(page) == ["Interne Auswertung", "Öffentlicher Leitfaden"]
    notices = {
        text_of(teaser.select_one(".material-teaser__title")): text_of(
            teaser.select_one(".material-teaser__access")
        )
        for teaser in page.select(".material-teaser")
    }
    assert notices == {
        "Interne Auswertung": "Dateien nur für Mitglieder",
        "Öffentlicher Leitfaden": None,
    }


def test_filter_panel_counts_the_chosen_facet_values_but_not_the_search_term(client, library):
    topic = TopicFactory(name="Wohnen")
    MaterialPageFactory(parent=library, title="Wohnungssuche", topics=[topic])

    searched = soup(client.get(library.url, {"q": "Wohnungssuche"}))
    filtered = soup(client.get(library.url, {"q": "Wohnungssuche", "topic": "wohnen"}))

    assert text_of(searched.select_one(".library__facets > summary")) == "Filter"
    assert text_of(filtered.select_one(".library__facets > summary")) == "Filter (1 aktiv)"
