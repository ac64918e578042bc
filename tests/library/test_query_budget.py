"""The knowledge database stays within a fixed number of SQL queries, however many materials
there are: the list with its facets and counts, filtered or not, a material's page, and the
start page's »Neu in der Wissensdatenbank«."""

from types import SimpleNamespace

import factory
import pytest

from library.models import MaterialLink, MaterialPage, RelatedMaterial
from tests.factories import (
    LibraryDocumentFactory,
    MaterialPageFactory,
    MaterialTypeFactory,
    OrganisationFactory,
    TopicFactory,
    UserFactory,
)
from tests.helpers import commit, soup, text_of
from tests.home.test_query_budget import QUERY_BUDGET as START_PAGE_BUDGET

pytestmark = pytest.mark.django_db

# Every page a visitor opens (issue #10: at most 12, flat as data grows); a member's page
# at most 15, session, user, groups and the exchange included.
QUERY_BUDGET = 12
MEMBER_QUERY_BUDGET = 15
# What a logged-in request costs besides the page: the session, the user, their groups, the
# count of unread notifications in the header, and for those who work in the admin the
# permission check of Wagtail's user bar (the user's and the groups' permissions).
LOGIN_QUERIES = 5
MEMBER_LOGIN_QUERIES = 4
# What members get on a material page besides: their collections (»Merken«), the questions
# about it, and whether they follow the discussion (which replaces the visitor's count).
EXCHANGE_QUERIES = 3


@pytest.fixture
def taxonomy():
    """A few topics, types and organisations that all materials share."""
    return SimpleNamespace(
        topics=[TopicFactory(name=f"Thema {number}") for number in range(4)],
        types=[MaterialTypeFactory(name=f"Materialart {number}") for number in range(3)],
        organisations=[
            OrganisationFactory(name=f"Träger {number} e. V.", short_name=f"T{number}")
            for number in range(3)
        ],
    )


def text_document(text, **fields):
    """A document with a .txt file: its text is read in-process, which is fast."""
    file = factory.django.FileField(filename="datei.txt", data=text.encode())
    return LibraryDocumentFactory(file=file, **fields)


def add_materials(library, taxonomy, numbers):
    """Materials `numbers`, spread over the taxonomy and five years; even numbers have
    »Patenschaft« in their title, the first two have files. Topics are written in one query
    instead of the factory's extra save per material."""
    materials = [
        MaterialPageFactory(
            parent=library,
            title=f"{'Leitfaden Patenschaft' if number % 2 == 0 else 'Arbeitshilfe'} {number:03d}",
            material_type=taxonomy.types[number % 3],
            organisation=taxonomy.organisations[number % 3],
            year=2015 + number % 5,
            files=[text_document(f"Patenschaft {number}", download_count=number)]
            if number < 2
            else None,
        )
        for number in numbers
    ]
    through = MaterialPage.topics.through
    through.objects.bulk_create(
        through(materialpage_id=material.pk, topic_id=taxonomy.topics[(number + shift) % 4].pk)
        for number, material in zip(numbers, materials, strict=True)
        for shift in (0, 1)
    )
    return materials


def measure(client, url, assert_max_queries, params=None, budget=QUERY_BUDGET):
    """Queries of the second request, within `budget` (the first one may fill caches, e.g.
    Wagtail's site root paths); and the page it rendered. What the test built counts as
    committed, so that the caches work as for a visitor of the running site."""
    commit()
    assert client.get(url, params).status_code == 200
    with assert_max_queries(budget) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), soup(response)


def filtered_params(taxonomy):
    """Three facets and a free text that together still match material 000 (and more)."""
    return {
        "topic": taxonomy.topics[0].slug,
        "type": taxonomy.types[0].slug,
        "year": "2015",
        "q": "Patenschaft",
    }


def test_library_list_stays_within_the_budget_and_flat_from_10_to_500_materials(
    client, library, taxonomy, django_assert_max_num_queries
):
    def measure_list():
        """{view: (queries, result heading)} without filters and with all of them."""
        views = {"no filter": None, "three filters and text": filtered_params(taxonomy)}
        measured = {}
        for name, params in views.items():
            count, page = measure(client, library.url, django_assert_max_num_queries, params)
            assert page.select(".facet__count"), name
            measured[name] = (count, text_of(page.select_one("#results-title")))
        return measured

    add_materials(library, taxonomy, range(10))
    with_ten = measure_list()
    add_materials(library, taxonomy, range(10, 500))
    with_five_hundred = measure_list()

    assert [heading for _count, heading in with_ten.values()] == ["10 Materialien", "1 Material"]
    assert [heading for _count, heading in with_five_hundred.values()] == [
        "500 Materialien",
        "9 Materialien",
    ]
    assert [count for count, _heading in with_ten.values()] == [
        count for count, _heading in with_five_hundred.values()
    ]


@pytest.fixture
def material(library, taxonomy):
    """A members-only material with everything its page shows: topics, two files, a link,
    related materials and more materials of its organisation."""
    organisation = taxonomy.organisations[0]
    others = add_materials(library, taxonomy, range(6))
    page = MaterialPageFactory(
        parent=library,
        title="Patenschaftsvereinbarung",
        material_type=taxonomy.types[0],
        organisation=organisation,
        topics=taxonomy.topics[:2],
        access_level="members",
        files=[text_document("Vereinbarung"), text_document("Ausfüllhilfe")],
    )
    MaterialLink.objects.create(page=page, label="Beispiel", url="https://example.org/")
    for order, other in enumerate(others[:3]):
        RelatedMaterial.objects.create(page=page, material=other, sort_order=order)
    return page


@pytest.mark.parametrize("groups", [None, ["Mitglieder"]], ids=["visitor", "member"])
def test_material_page_stays_within_the_budget(
    client, material, groups, django_assert_max_num_queries
):
    budget = QUERY_BUDGET
    if groups is not None:
        client.force_login(UserFactory(groups=groups))
        budget = MEMBER_QUERY_BUDGET

    _count, page = measure(client, material.url, django_assert_max_num_queries, budget=budget)

    assert len(page.select(".files__item")) == 3  # two files and the link
    assert len(page.select(".related .material-teaser")) == 3
    assert page.select_one("#organisation-title") is not None


def test_start_page_with_the_newest_materials_stays_within_its_budget(
    client, library, taxonomy, django_assert_max_num_queries
):
    """»Neu in der Wissensdatenbank« costs the start page a fixed number of queries."""
    add_materials(library, taxonomy, range(3))
    with_three, page = measure(client, "/", django_assert_max_num_queries, budget=START_PAGE_BUDGET)
    assert len(page.select(".latest-materials .material-teaser")) == 3

    add_materials(library, taxonomy, range(3, 60))
    with_sixty, _page = measure(
        client, "/", django_assert_max_num_queries, budget=START_PAGE_BUDGET
    )

    assert with_three == with_sixty
