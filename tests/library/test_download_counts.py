"""Each download that Wagtail serves counts; editors see the counts in the admin (Berichte →
Downloads, and on each document's page) with a warning when a file's text could not be read."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from library.files import OLE_MAGIC
from library.models import LibraryDocument
from tests.factories import (
    LibraryDocumentFactory,
    LibraryIndexPageFactory,
    MaterialPageFactory,
    UserFactory,
)
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/downloads/"


def download_count(document):
    return LibraryDocument.objects.get(pk=document.pk).download_count


@pytest.fixture
def members_document(home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    document = LibraryDocumentFactory(title="Protokoll")
    MaterialPageFactory(parent=library, files=[document], access_level="members")
    return document


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(groups=["Redaktion"]))
    return client


def test_every_served_download_counts(client):
    document = LibraryDocumentFactory()

    for _ in range(3):
        assert client.get(document.url).status_code == 200

    assert download_count(document) == 3


def test_a_visitor_sent_to_the_login_does_not_count(client, members_document):
    assert client.get(members_document.url).status_code == 302

    assert download_count(members_document) == 0


def test_a_members_download_counts(client, members_document):
    client.force_login(UserFactory(groups=["Mitglieder"]))

    client.get(members_document.url)

    assert download_count(members_document) == 1


def test_downloads_report_lists_the_most_downloaded_first(editor_client):
    LibraryDocument.objects.filter(pk=LibraryDocumentFactory(title="Selten").pk).update(
        download_count=2
    )
    LibraryDocument.objects.filter(pk=LibraryDocumentFactory(title="Beliebt").pk).update(
        download_count=40
    )

    page = soup(editor_client.get(REPORT))

    assert text_of(page.h1) == "Downloads"
    rows = [[text_of(cell) for cell in row.select("td")] for row in page.select("tbody tr")]
    assert [row[0] for row in rows] == ["Beliebt", "Selten"]
    assert rows[0][-1] == "40"


def test_downloads_report_exports_a_spreadsheet(editor_client):
    LibraryDocumentFactory(title="Leitfaden")

    response = editor_client.get(REPORT, {"export": "csv"})

    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Titel,Datei,Sammlung,Downloads"
    assert lines[1].startswith("Leitfaden,")


def test_downloads_report_is_in_the_reports_menu_of_editors_only(client):
    client.force_login(UserFactory(groups=["Redaktion"]))
    assert REPORT in client.get("/admin/").content.decode()

    client.force_login(UserFactory(groups=["Moderation"]))
    assert REPORT not in client.get("/admin/").content.decode()
    assert client.get(REPORT).status_code == 302  # Wagtail's "no permission" redirect


def test_document_page_in_the_admin_shows_its_downloads(editor_client):
    document = LibraryDocumentFactory()
    LibraryDocument.objects.filter(pk=document.pk).update(download_count=12)

    html = editor_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()

    assert "Downloads" in html
    assert ">12<" in html


def test_document_page_in_the_admin_warns_that_an_encrypted_files_text_was_not_read(
    editor_client,
):
    document = LibraryDocument(title="Verschlüsselt")
    document.file.save("bericht.docx", ContentFile(OLE_MAGIC + b"\0" * 600), save=False)
    document.save()

    html = editor_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()

    assert document.text_status == "encrypted"
    assert "Die Datei ist verschlüsselt" in html


def test_multiple_upload_warns_right_away_that_an_encrypted_files_text_was_not_read(
    editor_client,
):
    upload = SimpleUploadedFile("bericht.docx", OLE_MAGIC + b"\0" * 600)

    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": upload, "collection": "1"}
    )

    answer = response.json()
    assert answer["success"]
    assert "Die Datei ist verschlüsselt" in answer["form"]
