"""The results page of the site-wide search stays within a fixed number of SQL queries,
however many hits there are: from 10 to 1,000 materials, for all types and for one type, for
visitors and for members. Measured on SQLite: 10 queries for a visitor (five searches, the
search-term count, the materials shown with their topics, site and settings), 18 for a
member (login and the two member-only sources besides)."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from library.models import MaterialPage
from tests.factories import (
    AgendaSessionFactory,
    AnswerFactory,
    CongressPageFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    MemberProfileFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    QuestionFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
)
from tests.library.test_query_budget import (
    MEMBER_QUERY_BUDGET,
    QUERY_BUDGET,
    measure,
    text_document,
)
from tests.search.test_privacy import kind_counts, total

pytestmark = pytest.mark.django_db

SEARCH = "/suche/"
WORD = "Wegweiser"
VIEWS = {"all": {"q": WORD}, "materials": {"q": WORD, "type": "materials"}}


@pytest.fixture
def taxonomy(db):
    return MaterialTypeFactory(name="Arbeitshilfe"), TopicFactory(name="Lotsenprojekte")


def add_materials(library, taxonomy, numbers):
    """Published materials »Wegweiser NNNN« with a type and a topic, stored the way
    `loaddata` stores pages: the tree rows in one bulk insert, each material's own row with
    save_base(raw=True), then indexed in one go (update_index). A thousand materials take
    seconds this way, a minute through add_child()."""
    material_type, topic = taxonomy
    library.refresh_from_db()
    content_type = ContentType.objects.get_for_model(MaterialPage)
    now = timezone.now()
    rows = []
    for child, number in enumerate(numbers, start=library.numchild + 1):
        title, slug = f"{WORD} {number:04d}", f"wegweiser-{number:04d}"
        tree = {
            "title": title,
            "draft_title": title,
            "slug": slug,
            "content_type": content_type,
            "locale_id": library.locale_id,
            "depth": library.depth + 1,
            "path": Page._get_path(library.path, library.depth + 1, child),
            "url_path": f"{library.url_path}{slug}/",
            "first_published_at": now,
            "last_published_at": now,
        }
        material = MaterialPage(
            **tree,
            intro=f"Ein {WORD} für Lotsenprojekte, Folge {number}.",
            material_type=material_type,
            year=2017,
        )
        rows.append((Page(**tree), material))
    Page.objects.bulk_create(page for page, _material in rows)
    for page, material in rows:
        material.id = page.id
        material.page_ptr = page
        material.translation_key = page.translation_key
        material.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=library.pk).update(numchild=library.numchild + len(rows))
    through = MaterialPage.topics.through
    through.objects.bulk_create(
        through(materialpage_id=page.pk, topic_id=topic.pk) for page, _material in rows
    )
    call_command("update_index", stdout=io.StringIO())


def measure_views(client, assert_max_queries, budget):
    """{view: (queries, total hits, results shown)} of all types and of materials only."""
    measured = {}
    for name, params in VIEWS.items():
        count, page = measure(client, SEARCH, assert_max_queries, params, budget=budget)
        measured[name] = (count, total(page), len(page.select(".search-result")))
        assert kind_counts(page)["Materialien"] == total(page)
    return measured


@pytest.mark.parametrize(
    ("groups", "budget"),
    [(None, QUERY_BUDGET), (["Mitglieder"], MEMBER_QUERY_BUDGET)],
    ids=["visitor", "member"],
)
def test_results_page_stays_within_the_budget_and_flat_from_10_to_1000_hits(
    client, library, taxonomy, groups, budget, django_assert_max_num_queries
):
    if groups is not None:
        client.force_login(UserFactory(groups=groups))

    add_materials(library, taxonomy, range(10))
    with_ten = measure_views(client, django_assert_max_num_queries, budget)
    add_materials(library, taxonomy, range(10, 1000))
    with_thousand = measure_views(client, django_assert_max_num_queries, budget)

    queries = {view: count for view, (count, _hits, _shown) in with_ten.items()}
    assert with_ten == {view: (queries[view], 10, 10) for view in VIEWS}
    assert with_thousand == {view: (queries[view], 1000, 10) for view in VIEWS}
    # the materials stored in bulk are real pages
    assert client.get("/wissensdatenbank/wegweiser-0999/").status_code == 200


# --- A page with a result of every kind ------------------------------------------------------


@pytest.fixture
def every_kind(home_page, library):
    """One hit of each kind for »Wegweiser«, so that the first page shows them all: a page,
    a news item, a material found by its title and one by its file, a congress, a meeting,
    a session, a speaker, an organisation; for members also a question, one answered with
    the word, and a member's profile."""
    ContentPageFactory(parent=home_page, title=f"{WORD} Seite")
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title=f"{WORD} Meldung")
    MaterialPageFactory(parent=library, title=f"{WORD} Material", topics=[TopicFactory()])
    MaterialPageFactory(
        parent=library,
        title="Material mit Datei",
        files=[text_document(f"Der {WORD} steht in der Datei.")],
    )
    events = EventIndexPageFactory(parent=home_page)
    congress = CongressPageFactory(parent=events, title=f"{WORD} Kongress")
    EventPageFactory(parent=events, title=f"{WORD} Treffen")
    AgendaSessionFactory(
        congress=congress,
        title=f"{WORD} Sitzung",
        speakers=[SpeakerFactory(name="Rita Rede", bio=f"Kennt jeden {WORD}.")],
    )
    OrganisationFactory(name=f"{WORD} e. V.")
    author = MemberProfileFactory(bio=f"Ich schreibe einen {WORD}.").user
    QuestionFactory(author=author, title=f"Wer hat einen {WORD}?")
    AnswerFactory(
        question=QuestionFactory(author=author, title="Frage ohne das Wort"),
        user=author,
        comment=f"Ein {WORD} hilft.",
    )


# A page that shows one result of each of the nine kinds reads each kind's objects with a
# query of its own (pages by their specific type: content, news, material, congress, event;
# the materials' topics and file text; sessions; speakers; organisations): up to this many
# queries above the budget. Typical pages show two or three kinds and stay within it.
EVERY_KIND_EXTRA = 4


def test_a_page_with_a_result_of_every_kind_stays_within_a_fixed_budget(
    client, every_kind, django_assert_max_num_queries
):
    budget = QUERY_BUDGET + EVERY_KIND_EXTRA
    _count, page = measure(client, SEARCH, django_assert_max_num_queries, {"q": WORD}, budget)

    assert len(page.select(".search-result")) == 9
