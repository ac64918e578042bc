"""The access level of a material decides where its files live: members-only files in the
collection only Mitglieder and Redaktion may download, public ones where everybody may.
Publishing a change of the level moves them; a draft moves nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Collection, CollectionViewRestriction

from library.models import LibraryDocument, library_collection
from tests.factories import (
    LibraryDocumentFactory,
    MaterialPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MEMBERS_COLLECTION = "Wissensdatenbank: nur für Mitglieder"


def collection_of(document):
    return LibraryDocument.objects.get(pk=document.pk).collection.name


def publish_with_access(material, level):
    material.access_level = level
    material.save_revision().publish()


def test_members_only_collection_is_restricted_to_members_and_editors():
    collection = library_collection(members_only=True)

    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {"Mitglieder", "Redaktion"}
    assert collection.get_parent() == Collection.get_first_root_node()


def test_library_collections_are_created_once(library):
    first = library_collection(members_only=True), library_collection(members_only=False)
    second = library_collection(members_only=True), library_collection(members_only=False)

    assert first == second
    assert CollectionViewRestriction.objects.count() == 1


def test_restriction_is_repaired_when_an_admin_changed_it():
    collection = library_collection(members_only=True)
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    restriction.groups.clear()

    library_collection(members_only=True)

    assert restriction.groups.filter(name="Mitglieder").exists()


def test_publishing_a_material_as_members_only_moves_its_files(library):
    document = LibraryDocumentFactory()
    material = MaterialPageFactory(parent=library, files=[document])
    assert collection_of(document) == "Root"

    publish_with_access(material, "members")

    assert collection_of(document) == MEMBERS_COLLECTION


def test_publishing_a_members_only_material_as_public_moves_its_files_back(library):
    document = LibraryDocumentFactory()
    material = MaterialPageFactory(parent=library, files=[document], access_level="members")
    assert collection_of(document) == MEMBERS_COLLECTION

    publish_with_access(material, "public")

    assert collection_of(document) == "Wissensdatenbank"


def test_a_draft_with_another_access_level_moves_nothing(library):
    document = LibraryDocumentFactory()
    material = MaterialPageFactory(parent=library, files=[document], access_level="members")

    material.access_level = "public"
    material.save_revision()  # saved as draft, not published

    assert collection_of(document) == MEMBERS_COLLECTION


def test_a_file_a_members_only_material_uses_stays_restricted_when_a_public_one_uses_it_too(
    library,
):
    shared = LibraryDocumentFactory()
    MaterialPageFactory(parent=library, files=[shared], access_level="members")
    public = MaterialPageFactory(parent=library, files=[shared])

    publish_with_access(public, "public")

    assert collection_of(shared) == MEMBERS_COLLECTION


def test_files_of_a_public_material_in_an_editors_collection_stay_there(library):
    own = Collection.get_first_root_node().add_child(name="Fachkongress 2016")
    document = LibraryDocumentFactory(collection=own)

    MaterialPageFactory(parent=library, files=[document])

    assert collection_of(document) == "Fachkongress 2016"


@pytest.mark.parametrize(
    ("groups", "sees_it"),
    [(None, False), ([], False), (["Mitglieder"], True), (["Redaktion"], True)],
    ids=["visitor", "signed-up-not-approved", "member", "editor"],
)
def test_documents_viewable_by_follow_the_access_level(library, groups, sees_it):
    document = LibraryDocumentFactory()
    material = MaterialPageFactory(parent=library, files=[document])
    publish_with_access(material, "members")
    user = AnonymousUser() if groups is None else UserFactory(groups=groups)

    assert LibraryDocument.objects.viewable_by(user).filter(pk=document.pk).exists() == sees_it
