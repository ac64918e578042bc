"""A collection's files as one ZIP archive: a folder per material with the files the member
may download, a German README.txt with the licences, notes and web addresses, a safe file
name, and an archive that is streamed in pieces instead of being built in memory."""

import io
import os
import zipfile

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from wagtail.models import CollectionViewRestriction

from community.collections.zipstream import CHUNK_SIZE
from library.models import MaterialLink, library_collection
from tests.factories import (
    LibraryDocumentFactory,
    MaterialCollectionFactory,
    MaterialPageFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def zip_url(collection):
    return reverse("community:collection_zip", args=[collection.pk])


def download(client, collection):
    response = client.get(zip_url(collection))
    assert response.status_code == 200
    return response, zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def readme(archive):
    data = archive.read("README.txt")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for editors on Windows
    return data.decode("utf-8-sig").replace("\r\n", "\n")


@pytest.fixture
def materials(library):
    """A public guide under CC BY with a PDF and a Word template of the same title, and a
    members-only material (all rights reserved) whose file is in the restricted collection."""
    guide = MaterialPageFactory(
        parent=library,
        title="Leitfaden: Patenschaften für Geflüchtete aufbauen",
        organisation=OrganisationFactory(name="Caritas Köln"),
        year=2016,
        licence="cc-by-4.0",
        files=[
            LibraryDocumentFactory(
                file__filename="leitfaden.txt", file__data=b"Leitfaden", title="Leitfaden für Paten"
            ),
            LibraryDocumentFactory(
                file__filename="vorlage.txt", file__data=b"Vorlage", title="Leitfaden für Paten"
            ),
        ],
    )
    members_only = MaterialPageFactory(
        parent=library,
        title="Vormundschaft: Fragen und Antworten",
        year=2018,
        access_level="members",
        files=[
            LibraryDocumentFactory(
                file__filename="vormundschaft.txt",
                file__data=b"Nur Mitglieder",
                title="Vormundschaft",
            )
        ],
    )
    return guide, members_only


@pytest.fixture
def collection(member, materials):
    return MaterialCollectionFactory(
        owner=member,
        materials=list(materials),
        name="Starterpaket für neue Patenschaftsprojekte",
        description="Was neue Träger zuerst brauchen.",
        notes=["Zuerst lesen!\nDann an das Team geben.", ""],
        is_shared=True,
    )


def test_archive_holds_a_folder_per_material_and_a_readme_with_the_licences(
    client, member, collection, materials
):
    client.force_login(member)

    response, archive = download(client, collection)

    assert archive.testzip() is None
    assert archive.namelist() == [
        "README.txt",
        "01-leitfaden-patenschaften-fuer-gefluechtete-aufbauen/leitfaden-fuer-paten.txt",
        "01-leitfaden-patenschaften-fuer-gefluechtete-aufbauen/leitfaden-fuer-paten-2.txt",
        "02-vormundschaft-fragen-und-antworten/vormundschaft.txt",
    ]
    assert archive.read("02-vormundschaft-fragen-und-antworten/vormundschaft.txt") == (
        b"Nur Mitglieder"
    )
    text = readme(archive)
    assert "Starterpaket für neue Patenschaftsprojekte" in text
    assert "Was neue Träger zuerst brauchen." in text
    assert "Mira Mitglied" in text
    assert "1. Leitfaden: Patenschaften für Geflüchtete aufbauen" in text
    assert "Caritas Köln" in text and "2016" in text
    assert "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)" in text
    assert "2. Vormundschaft: Fragen und Antworten" in text
    assert f"http://testserver{materials[0].url}" in text
    assert f"http://testserver{collection.get_absolute_url()}" in text
    assert "      Zuerst lesen!\n      Dann an das Team geben." in text
    assert (
        "- 01-leitfaden-patenschaften-fuer-gefluechtete-aufbauen/leitfaden-fuer-paten.txt" in text
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="starterpaket-fuer-neue-patenschaftsprojekte.zip"'
    )
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_files_the_member_may_not_see_are_left_out(client, member, collection, materials):
    """A file in a collection restricted to another group stays out, as on its own download."""
    restricted = library_collection(members_only=True).add_child(name="Nur Redaktion")
    restriction = CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([])
    secret = materials[0].documents.order_by("sort_order").last().document
    secret.collection = restricted
    secret.save()
    client.force_login(member)

    _response, archive = download(client, collection)

    names = archive.namelist()
    assert len(names) == 3
    assert not any(name.endswith("leitfaden-fuer-paten-2.txt") for name in names)
    assert "leitfaden-fuer-paten-2.txt" not in readme(archive)


def test_withdrawn_materials_are_left_out(client, member, collection, materials):
    materials[1].unpublish()
    client.force_login(member)

    _response, archive = download(client, collection)

    assert not [name for name in archive.namelist() if "vormundschaft" in name]
    assert "Vormundschaft" not in readme(archive)


def test_a_material_without_files_is_listed_in_the_readme(client, member, library):
    links_only = MaterialPageFactory(
        parent=library, title="Linkliste", licence="all-rights-reserved"
    )
    MaterialLink.objects.create(
        page=links_only, label="Programmseite", url="https://example.org/programm"
    )
    client.force_login(member)

    _response, archive = download(
        client, MaterialCollectionFactory(owner=member, materials=[links_only])
    )

    assert archive.namelist() == ["README.txt"]
    assert "https://example.org/programm" in readme(archive)


def test_a_shared_collection_downloads_for_other_members(client, other_member, collection):
    client.force_login(other_member)
    _response, archive = download(client, collection)
    assert len(archive.namelist()) == 4


def test_another_members_private_collection_is_not_found(client, other_member, collection):
    collection.is_shared = False
    collection.save()
    client.force_login(other_member)
    assert client.get(zip_url(collection)).status_code == 404


def test_visitors_are_sent_to_the_login(client, collection):
    response = client.get(zip_url(collection))
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")


def test_editors_without_membership_get_no_archive(client, collection):
    client.force_login(UserFactory(groups=["Redaktion"]))
    assert client.get(zip_url(collection)).status_code == 403


def test_a_large_collection_is_streamed_in_pieces(client, member, library):
    """Three files of 2 MB each: the archive comes in many pieces of at most about the size
    read from a file at a time, never as one piece in memory."""
    size = 2 * 1024 * 1024
    pages = [
        MaterialPageFactory(
            parent=library,
            title=f"Große Datei {n}",
            files=[
                LibraryDocumentFactory(file__filename=f"gross{n}.bin", file__data=os.urandom(size))
            ],
        )
        for n in range(3)
    ]
    client.force_login(member)

    response = client.get(zip_url(MaterialCollectionFactory(owner=member, materials=pages)))

    assert isinstance(response, StreamingHttpResponse)
    chunks = list(response.streaming_content)
    assert len(chunks) > 3 * size // CHUNK_SIZE
    assert max(len(chunk) for chunk in chunks) < 2 * CHUNK_SIZE
    archive = zipfile.ZipFile(io.BytesIO(b"".join(chunks)))
    assert archive.testzip() is None
    assert [info.file_size for info in archive.infolist()[1:]] == [size] * 3
