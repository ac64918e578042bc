"""Who may download which file of the knowledge database: every download passes Wagtail's
check (WAGTAILDOCS_SERVE_METHOD = "serve_view") against the collection the material's access
level put the file in, and no address below /media/ serves a document."""

import pytest
from django.core.files.base import ContentFile

from library.models import LibraryDocument
from tests.factories import (
    LibraryDocumentFactory,
    MaterialPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LOGIN = "/konto/login/"
ROLES = {
    "visitor": None,
    "signed-up-not-approved": [],
    "member": ["Mitglieder"],
    "editor": ["Redaktion"],
}
# role → (may download a public file, may download a members-only file)
EXPECTED = {
    "visitor": (True, False),
    "signed-up-not-approved": (True, False),
    "member": (True, True),
    "editor": (True, True),
}


def text_document(title, text):
    document = LibraryDocument(title=title)
    document.file.save(f"{title.lower()}.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


@pytest.fixture
def documents(library):
    public = text_document("Leitfaden", "Öffentlicher Leitfaden")
    members = text_document("Protokoll", "Vertrauliches Protokoll")
    MaterialPageFactory(parent=library, files=[public])
    MaterialPageFactory(parent=library, files=[members], access_level="members")
    public.refresh_from_db()
    members.refresh_from_db()
    return {"public": public, "members-only": members}


def log_in(client, role):
    if ROLES[role] is not None:
        client.force_login(UserFactory(groups=ROLES[role]))


@pytest.mark.parametrize("kind", ["public", "members-only"])
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix_of_downloads(client, documents, role, kind):
    document = documents[kind]
    log_in(client, role)

    response = client.get(document.url)

    may_download = EXPECTED[role][kind == "members-only"]
    if may_download:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == document.file.open().read()
    else:
        assert response.status_code == 302
        assert response["Location"] == f"{LOGIN}?next={document.url}"


def test_visitor_follows_a_members_only_link_logs_in_as_member_and_gets_the_file(client, documents):
    document = documents["members-only"]
    UserFactory(email="traegerin@example.org", groups=["Mitglieder"])
    login_url = client.get(document.url)["Location"]
    assert login_url == f"{LOGIN}?next={document.url}"
    assert client.get(login_url).status_code == 200

    response = client.post(
        LOGIN,
        {
            "login": "traegerin@example.org",
            "password": "ein-langes-testpasswort",
            "next": document.url,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == document.url

    download = client.get(response["Location"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"Vertrauliches Protokoll"


@pytest.mark.parametrize("kind", ["public", "members-only"])
def test_no_address_below_media_serves_a_document(client, documents, kind):
    document = documents[kind]

    assert not document.url.startswith("/media/")
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_document_outside_the_library_stays_where_the_editor_put_it(client, library):
    document = LibraryDocumentFactory()

    assert client.get(document.url).status_code == 200
    assert document.collection.name == "Root"
