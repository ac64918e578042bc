"""Who finds what in the site-wide search: every kind of result × visitor, pending account
(logged in, not in Mitglieder) and approved member → whether a word that only this thing
contains finds it, on the results page (title, snippet, count per type, total) and in the
suggestions while typing.

Hidden means hidden everywhere: no title, no snippet, no count, and the word itself appears
nowhere in the HTML but where the page repeats the query. The same matrix runs against a
live Elasticsearch (marker `elasticsearch`) where ELASTICSEARCH_URL is set."""

import io
import os
from dataclasses import dataclass

import factory
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from community.models import MemberStatus
from tests.factories import (
    AgendaSessionFactory,
    AnswerFactory,
    CongressPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    LibraryDocumentFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    MemberProfileFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    QuestionFactory,
    SpeakerFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

SEARCH = "/suche/"
SUGGESTIONS = "/suche/vorschlaege/"
ROLES = ["visitor", "pending", "member"]

EVERYONE = (True, True, True)
MEMBERS = (False, False, True)
NOBODY = (False, False, False)


@dataclass(frozen=True)
class Thing:
    word: str  # a word only this thing contains
    title: str  # the title its result shows
    kind: str  # the label of its type in the filter
    found_by: tuple  # (visitor, pending, member)


# What is searched for, by whom it may be found. Each word is made up, so nothing else on
# the site (and no German stem of another word) matches it.
THINGS = {
    "page": Thing("Wolkenbruchkunde", "Wetter im Ehrenamt", "Seiten", EVERYONE),
    "news": Thing("Nebelhornmeldung", "Neues vom Berg", "Meldungen", EVERYONE),
    "material by metadata": Thing(
        "Kupferstichmappe", "Kupferstichmappe für Lotsen", "Materialien", EVERYONE
    ),
    "material by its public file": Thing(
        "Lindenblattnotiz", "Leitfaden Ehrenamt", "Materialien", EVERYONE
    ),
    "material by its members-only file": Thing(
        "Sternkieselprotokoll", "Protokoll der Klausur", "Materialien", MEMBERS
    ),
    "restricted page": Thing("Tannenzapfenrat", "Tannenzapfenrat intern", "Seiten", MEMBERS),
    "page below a restricted page": Thing(
        "Fichtennadelkreis", "Fichtennadelkreis intern", "Seiten", MEMBERS
    ),
    "draft page": Thing("Moosgartenentwurf", "Moosgartenentwurf", "Seiten", NOBODY),
    "unpublished page": Thing("Birkenrindeplan", "Birkenrindeplan", "Seiten", NOBODY),
    "unpublished change of a live page": Thing(
        "Kiefernharzentwurf", "Öffentliche Seite mit Entwurf", "Seiten", NOBODY
    ),
    "session of a published congress": Thing(
        "Sandburgforum", "Sandburgforum: Ideen", "Programmpunkte", EVERYONE
    ),
    "speaker of a published congress": Thing(
        "Feuerlilienkunde", "Greta Brandt", "Referierende", EVERYONE
    ),
    "session of an unpublished congress": Thing(
        "Regenbogenwerkstatt", "Regenbogenwerkstatt", "Programmpunkte", NOBODY
    ),
    "speaker of an unpublished congress": Thing(
        "Hagebuttenkunde", "Hanna Vogt", "Referierende", NOBODY
    ),
    "session of a members-only congress": Thing(
        "Klatschmohnrunde", "Klatschmohnrunde", "Programmpunkte", MEMBERS
    ),
    "organisation": Thing("Kranichwiese", "Kranichwiese e. V.", "Organisationen", EVERYONE),
    "question": Thing(
        "Schneeflockenpaten", "Wie gewinnen wir Schneeflockenpaten?", "Fragen", MEMBERS
    ),
    "answer text": Thing("Lavendelrunde", "Was hilft bei Sprachbarrieren?", "Fragen", MEMBERS),
    "hidden question": Thing("Eisvogelfrage", "Eisvogelfrage", "Fragen", NOBODY),
    "member profile": Thing("Bernsteinkette", "Mara Steinfeld", "Mitglieder", MEMBERS),
    "profile waiting for approval": Thing(
        "Wiesenschaumkraut", "Pia Warteliste", "Mitglieder", NOBODY
    ),
}

# Page titles typed into the search box: (thing, what has been typed so far).
SUGGESTED = {
    "public page": ("material by metadata", "Kupferst"),
    "restricted page": ("restricted page", "Tannenza"),
    "page below a restricted page": ("page below a restricted page", "Fichtenn"),
    "draft page": ("draft page", "Moosgart"),
    "unpublished page": ("unpublished page", "Birkenri"),
}


def text_document(text):
    """A library document whose extracted text is `text` (a .txt file is read in-process)."""
    file = factory.django.FileField(filename="datei.txt", data=text.encode())
    return LibraryDocumentFactory(file=file)


def restrict_to_members(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    return page


def word(thing):
    return THINGS[thing].word


@pytest.fixture
def people(db):
    """The roles, by name; the visitor is None (not logged in)."""
    return {
        "visitor": None,
        "pending": MemberProfileFactory(status=MemberStatus.PENDING).user,
        "member": MemberProfileFactory().user,
    }


@pytest.fixture
def content(home_page):
    """One thing of each row of THINGS, its word in the text a result shows."""
    add_pages(home_page)
    add_materials(home_page)
    add_congresses(home_page)
    OrganisationFactory(
        name="Kranichwiese e. V.",
        description=f"Die {word('organisation')} vermittelt Patenschaften in Brandenburg.",
    )
    add_exchange()
    MemberProfileFactory(
        display_name="Mara Steinfeld",
        bio=f"Ich begleite das Projekt {word('member profile')} in Leipzig.",
    )
    MemberProfileFactory(
        display_name="Pia Warteliste",
        status=MemberStatus.PENDING,
        bio=f"Ich leite den {word('profile waiting for approval')} e. V.",
    )


def add_pages(home_page):
    ContentPageFactory(
        parent=home_page, title="Wetter im Ehrenamt", intro=f"Eine {word('page')} für alle."
    )
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news_index, title="Neues vom Berg", teaser=f"Die {word('news')} ist da.")
    restricted = restrict_to_members(
        ContentPageFactory(
            parent=home_page,
            title="Tannenzapfenrat intern",
            intro=f"Der {word('restricted page')} tagt im Mai.",
        )
    )
    ContentPageFactory(
        parent=restricted,
        title="Fichtennadelkreis intern",
        intro=f"Der {word('page below a restricted page')} tagt im Juni.",
    )
    ContentPageFactory(
        parent=home_page,
        title="Moosgartenentwurf",
        intro=f"Der {word('draft page')} ist noch nicht fertig.",
        live=False,
    )
    ContentPageFactory(
        parent=home_page,
        title="Birkenrindeplan",
        intro=f"Der {word('unpublished page')} galt bis gestern.",
    ).unpublish()
    live = ContentPageFactory(
        parent=home_page, title="Öffentliche Seite mit Entwurf", intro="Veröffentlicht."
    )
    live.intro = f"Der {word('unpublished change of a live page')} ist nicht freigegeben."
    live.save_revision()


def add_materials(home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    MaterialPageFactory(parent=library, title="Kupferstichmappe für Lotsen")
    MaterialPageFactory(
        parent=library,
        title="Leitfaden Ehrenamt",
        intro="Ein Leitfaden für Engagierte.",
        files=[text_document(f"Seite 3: die {word('material by its public file')} im Anhang.")],
    )
    MaterialPageFactory(
        parent=library,
        title="Protokoll der Klausur",
        intro="Ergebnisse der Klausurtagung.",
        access_level="members",
        files=[text_document(f"Vertraulich: das {word('material by its members-only file')}.")],
    )


def add_congresses(home_page):
    events = EventIndexPageFactory(parent=home_page)
    published = CongressPageFactory(parent=events, title="Fachkongress 2031")
    AgendaSessionFactory(
        congress=published,
        title="Sandburgforum: Ideen",
        description=f"Im {word('session of a published congress')} sammeln wir Ideen.",
        speakers=[
            SpeakerFactory(
                name="Greta Brandt", bio=f"Expertin für {word('speaker of a published congress')}."
            )
        ],
    )
    unpublished = CongressPageFactory(parent=events, title="Fachkongress 2032", live=False)
    AgendaSessionFactory(
        congress=unpublished,
        title="Regenbogenwerkstatt",
        description=f"Die {word('session of an unpublished congress')} für alle.",
        speakers=[
            SpeakerFactory(
                name="Hanna Vogt", bio=f"Expertin für {word('speaker of an unpublished congress')}."
            )
        ],
    )
    members_only = restrict_to_members(
        CongressPageFactory(parent=events, title="Mitgliederkongress 2031")
    )
    AgendaSessionFactory(
        congress=members_only,
        title="Klatschmohnrunde",
        description=f"Die {word('session of a members-only congress')} im Saal 2.",
    )


def add_exchange():
    asker = MemberProfileFactory(display_name="Quirin Fragsteller").user
    helper = MemberProfileFactory(display_name="Helga Antworter").user
    QuestionFactory(
        author=asker,
        title="Wie gewinnen wir Schneeflockenpaten?",
        text=f"Wer hat Erfahrung mit {word('question')} im Winter?",
    )
    answered = QuestionFactory(
        author=asker, title="Was hilft bei Sprachbarrieren?", text="Wir suchen Ideen."
    )
    AnswerFactory(
        question=answered, user=helper, comment=f"Uns hat die {word('answer text')} sehr geholfen."
    )
    QuestionFactory(
        author=asker, title="Eisvogelfrage", text="Von Moderatoren verborgen.", is_public=False
    )


def log_in(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])


# --- Reading the results page -------------------------------------------------------------


def result_titles(page):
    return [text_of(title) for title in page.select(".search-result__title")]


def kind_counts(page):
    """{label: count} of the type filter as shown, »Alle« included."""
    counts = {}
    for link in page.select(".search-kinds a"):
        count = link.select_one(".search-kinds__count")
        counts[text_of(link).removesuffix(text_of(count)).strip()] = int(text_of(count))
    return counts


def total(page):
    """The number in the heading »N Ergebnisse für …«."""
    return int(text_of(page.select_one("#results-title")).split()[0])


def marked_words(page):
    return [text_of(mark).lower() for mark in page.select(".search-result__snippet mark")]


def outside_the_query(response):
    """The page's HTML without the places that repeat the query: the window title, the
    search boxes, the results heading and links that carry it (?q=, ?next=)."""
    page = soup(response)
    for element in page.select("title, #results-title"):
        element.decompose()
    for field in page.select("input[name=q]"):
        del field["value"]
    for link in page.select("a[href]"):
        if "q=" in link["href"] or "next=" in link["href"]:
            del link["href"]
    return str(page).lower()


def outcome(client, thing):
    """ "found" or "hidden", as searching for the thing's word shows it; or what the page
    shows besides. Found: it is the one result, counted once in its type and in the total,
    its word marked. Hidden: no result, no count, and neither its word nor its title
    anywhere but where the page repeats the query."""
    expected = THINGS[thing]
    response = client.get(SEARCH, {"q": expected.word})
    if response.status_code != 200:
        return f"status {response.status_code}"
    page = soup(response)
    titles = result_titles(page)
    if titles:
        return described(
            "found",
            {
                "titles": (titles, [expected.title]),
                "counts": (kind_counts(page), {"Alle": 1, expected.kind: 1}),
                "total": (total(page), 1),
                "word marked": (expected.word.lower() in marked_words(page), True),
            },
        )
    html = outside_the_query(response)
    return described(
        "hidden",
        {
            "total": (total(page), 0),
            "counts": (kind_counts(page), {}),
            "word shown": (expected.word.lower() in html, False),
            "title shown": (expected.title.lower() in html, False),
        },
    )


def described(state, checks):
    """`state`, followed by each check whose (shown, expected) differ."""
    wrong = [f"{name}: {shown!r}" for name, (shown, wanted) in checks.items() if shown != wanted]
    return f"{state}, but {'; '.join(wrong)}" if wrong else state


def suggested(client, thing, typed):
    """ "offered" when the suggestions for `typed` offer the thing's title, "not offered"
    when they show nothing of it."""
    response = client.get(SUGGESTIONS, {"q": typed})
    if response.status_code != 200:
        return f"status {response.status_code}"
    titles = [suggestion["title"] for suggestion in response.json()["suggestions"]]
    if THINGS[thing].title in titles:
        return "offered"
    if THINGS[thing].word.lower() in response.content.decode().lower():
        return f"not offered, but shown: {response.content.decode()}"
    return "not offered"


def column(role):
    """What `role` must get: {thing: "found" or "hidden"} on the results page and
    {page: "offered" or "not offered"} in the suggestions."""
    index = ROLES.index(role)
    found = {
        thing: "found" if expected.found_by[index] else "hidden"
        for thing, expected in THINGS.items()
    }
    offered = {
        name: "offered" if THINGS[thing].found_by[index] else "not offered"
        for name, (thing, _typed) in SUGGESTED.items()
    }
    return found, offered


# --- The matrix, on the database backend and on a live Elasticsearch ----------------------


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, settings):
    """The search backend, with everything `content` and `people` made in its index: the
    database backend (indexed on saving), or Elasticsearch at ELASTICSEARCH_URL, indexed by
    update_index (skipped where ELASTICSEARCH_URL is unset)."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if request.param == "elasticsearch" and not url:
        pytest.skip("ELASTICSEARCH_URL is not set")
    request.getfixturevalue("content")
    request.getfixturevalue("people")
    if request.param == "elasticsearch":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [url],
                "INDEX_PREFIX": "test_bbe_",
                "TIMEOUT": 5,
            }
        }
        call_command("update_index", stdout=io.StringIO())
    return request.param


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix_of_the_search(client, backend, people, role):
    """A column of the matrix a test: every thing of THINGS searched for by `role`, and the
    page titles suggested to them while typing. A failure lists every cell that differs."""
    log_in(client, people, role)
    must_find, must_be_offered = column(role)

    found = {thing: outcome(client, thing) for thing in THINGS}
    offered = {name: suggested(client, *SUGGESTED[name]) for name in SUGGESTED}

    assert found == must_find
    assert offered == must_be_offered


@pytest.mark.parametrize(
    ("role", "counts", "questions"),
    [
        ("visitor", {"Alle": 1, "Seiten": 1}, []),
        ("pending", {"Alle": 1, "Seiten": 1}, []),
        ("member", {"Alle": 2, "Seiten": 1, "Fragen": 1}, ["Zugvögel im Verein?"]),
    ],
)
def test_only_members_get_the_questions_type_even_when_they_ask_for_it(
    client, home_page, people, role, counts, questions
):
    ContentPageFactory(parent=home_page, title="Zugvogelzeit", intro="Die Zugvogelzeit beginnt.")
    QuestionFactory(
        author=people["member"], title="Zugvögel im Verein?", text="Wer kennt die Zugvogelzeit?"
    )
    log_in(client, people, role)

    everything = soup(client.get(SEARCH, {"q": "Zugvogelzeit"}))
    asked_for_questions = soup(client.get(SEARCH, {"q": "Zugvogelzeit", "type": "questions"}))

    assert kind_counts(everything) == counts
    if questions:
        assert result_titles(asked_for_questions) == questions
    else:  # an unknown type for them: all they may see, as without ?type=
        assert result_titles(asked_for_questions) == ["Zugvogelzeit"]
        assert kind_counts(asked_for_questions) == counts


@pytest.mark.parametrize(
    ("role", "shows_file_text"),
    [("visitor", False), ("pending", False), ("member", True)],
)
def test_the_text_of_a_members_only_file_is_never_a_visitors_snippet(
    client, home_page, people, role, shows_file_text
):
    """The material is public and found by its title; the passage of its file that matched
    too is shown only to those who may download the file."""
    MaterialPageFactory(
        parent=LibraryIndexPageFactory(parent=home_page),
        title="Klausurprotokoll 2030",
        intro="Ergebnisse der Tagung.",
        access_level="members",
        files=[text_document("Vertraulich: das Klausurprotokoll mit den Haushaltszahlen.")],
    )
    log_in(client, people, role)

    page = soup(client.get(SEARCH, {"q": "Klausurprotokoll"}))

    assert result_titles(page) == ["Klausurprotokoll 2030"]
    assert ("Haushaltszahlen" in str(page)) == shows_file_text
