"""Documents in a collection restricted to Mitglieder are served only to members: every
download passes Wagtail's check (WAGTAILDOCS_SERVE_METHOD = "serve_view")."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction

from library.models import LibraryDocument
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_document():
    collection = Collection.get_first_root_node().add_child(name="Nur für Mitglieder")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))
    document = LibraryDocument(title="Protokoll", collection=collection)
    document.file.save("protokoll.txt", ContentFile(b"Vertrauliches Protokoll"), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("groups", "may_download"),
    [(None, False), ([], False), (["Mitglieder"], True)],
    ids=["visitor", "signed-up-not-approved", "member"],
)
def test_access_matrix_of_a_members_document(client, members_document, groups, may_download):
    if groups is not None:
        client.force_login(UserFactory(groups=groups))

    response = client.get(members_document.url)

    if may_download:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"Vertrauliches Protokoll"
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/_util/login/?next=")


def test_the_file_itself_is_not_served_past_the_check(client, members_document):
    assert not members_document.url.startswith("/media/")
    assert client.get(f"/media/{members_document.file.name}").status_code == 404
