"""The library's list keeps what its filters found and the facets' counts in the cache
(library/browse.py). What one person found never reaches someone who may see less, and
every change an editor makes counts on the next view."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from library.models import MaterialDocument
from tests.factories import (
    MaterialPageFactory,
    TopicFactory,
    UserFactory,
)
from tests.library.test_browse import browse, facet_counts, result_heading, text_document, titles
from tests.library.test_editing import add_material_url, material_form

pytestmark = pytest.mark.django_db


def member_client():
    client = Client()
    client.force_login(UserFactory(groups=["Mitglieder"]))
    return client


@pytest.fixture
def members_file(library):
    return MaterialPageFactory(
        parent=library,
        title="Interne Auswertung",
        access_level="members",
        files=[text_document("Vertrauliche Fallbesprechung zur Clearingstelle.")],
    )


def test_what_a_member_found_in_a_members_only_file_is_not_shown_to_visitors_after_them(
    client, library, members_file
):
    member = browse(member_client(), library, q="Clearingstelle")
    visitor = browse(client, library, q="Clearingstelle")
    client.force_login(UserFactory(groups=[]))  # signed up, not approved
    pending = browse(client, library, q="Clearingstelle")

    assert titles(member) == ["Interne Auswertung"]
    assert titles(visitor) == titles(pending) == []
    assert result_heading(visitor) == result_heading(pending) == "0 Materialien"


def test_a_material_published_after_a_view_is_listed_and_counted_at_once(client, library):
    wohnen = TopicFactory(name="Wohnen")
    MaterialPageFactory(parent=library, title="Wohnungssuche begleiten", topics=[wohnen])
    before = browse(client, library)
    before_searched = browse(client, library, q="Mietvertrag")

    MaterialPageFactory(parent=library, title="Mietvertrag erklärt", topics=[wohnen])
    after = browse(client, library)
    after_searched = browse(client, library, q="Mietvertrag")

    assert facet_counts(before, "topic") == {"Wohnen": 1}
    assert facet_counts(after, "topic") == {"Wohnen": 2}
    assert titles(before_searched) == []
    assert titles(after_searched) == ["Mietvertrag erklärt"]


def test_an_unpublished_material_leaves_the_list_and_its_counts_at_once(client, library):
    wohnen = TopicFactory(name="Wohnen")
    material = MaterialPageFactory(parent=library, title="Mietvertrag erklärt", topics=[wohnen])
    MaterialPageFactory(parent=library, title="Wohnungssuche begleiten", topics=[wohnen])
    browse(client, library)
    browse(client, library, q="Mietvertrag")

    material.unpublish()

    assert facet_counts(browse(client, library), "topic") == {"Wohnen": 1}
    assert titles(browse(client, library, q="Mietvertrag")) == []


def test_a_renamed_topic_shows_its_new_name_at_once(client, library):
    topic = TopicFactory(name="Wohnen")
    MaterialPageFactory(parent=library, topics=[topic])
    browse(client, library)

    topic.name = "Wohnen und Nachbarschaft"
    topic.save()

    assert facet_counts(browse(client, library), "topic") == {"Wohnen und Nachbarschaft": 1}


def test_a_file_made_members_only_is_no_longer_found_by_visitors(client, library):
    material = MaterialPageFactory(
        parent=library,
        title="Protokoll des Fachtags",
        files=[text_document("Die Arbeitsgruppe sprach über Traumapädagogik.")],
    )
    assert titles(browse(client, library, q="Traumapädagogik")) == ["Protokoll des Fachtags"]

    material.access_level = "members"
    material.save_revision().publish()

    assert titles(browse(client, library, q="Traumapädagogik")) == []
    member = browse(member_client(), library, q="Traumapädagogik")
    assert titles(member) == ["Protokoll des Fachtags"]


def test_a_file_added_to_a_material_is_found_by_its_words_at_once(client, library):
    material = MaterialPageFactory(parent=library, title="Protokoll des Fachtags")
    assert titles(browse(client, library, q="Traumapädagogik")) == []

    document = text_document("Die Arbeitsgruppe sprach über Traumapädagogik.")
    MaterialDocument.objects.create(page=material, document=document, sort_order=0)
    material.save_revision().publish()

    assert titles(browse(client, library, q="Traumapädagogik")) == ["Protokoll des Fachtags"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_first_list_view_after_an_editor_publishes_finds_the_facets_already_counted(
    client, library
):
    """The catalogue of facets is built again right after the editor's request (its
    response already sent, its change committed), not while the next visitor waits."""
    MaterialPageFactory(parent=library, title="Wohnungssuche begleiten")
    browse(client, library)
    editor = Client()
    editor.force_login(UserFactory(groups=["Redaktion"]))

    published = editor.post(add_material_url(library), material_form(title="Mietvertrag erklärt"))
    with CaptureQueriesContext(connection) as queries:
        after = browse(client, library)

    assert published.status_code == 302
    assert sorted(titles(after)) == ["Mietvertrag erklärt", "Wohnungssuche begleiten"]
    assert facet_counts(after, "topic") == {"Wohnen": 1}
    assert not [query for query in queries if "library_materialpage_topics" in query["sql"]]
