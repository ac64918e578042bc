"""The text of an uploaded file is read by the task worker, not during the upload: the
editor's upload is stored at once, the document's page says »Text wird gelesen …« until
the worker is done, then the result (or the German warning), and the search finds the
words inside the file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from library.demo import make_pdf
from library.models import LibraryDocument
from tests.factories import UserFactory, root_collection

# Real commits: the worker runs each task in transactions of its own and closes the
# database connection afterwards, as in production.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
QUEUED = {"BACKEND": "django_tasks_db.DatabaseBackend"}


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(groups=["Redaktion"]))
    return client


@pytest.fixture
def worker_backend(settings):
    """Tasks wait in the database for the worker, as in production."""
    settings.TASKS = {"default": QUEUED}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay")


def upload(client, name, data):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Handreichung",
            "file": SimpleUploadedFile(name, data),
            "collection": root_collection().pk,
        },
    )


def test_the_worker_reads_the_text_after_the_upload(editor_client, worker_backend):
    pdf = make_pdf("Handreichung", ["Die Lotsenarbeit mit Geflüchteten in Städten."])
    assert upload(editor_client, "handreichung.pdf", pdf).status_code == 302
    document = LibraryDocument.objects.get()
    edit_url = reverse("wagtaildocs:edit", args=[document.pk])
    status_url = reverse("library_text_status", args=[document.pk])

    assert document.text_pending
    assert "Text der Datei wird gelesen …" in editor_client.get(edit_url).content.decode()
    assert editor_client.get(status_url).json()["pending"] is True
    assert not LibraryDocument.objects.search("Lotsenarbeit").results()

    run_worker()

    document.refresh_from_db()
    assert (document.text_status, document.text_pending) == ("ok", False)
    assert "Lotsenarbeit mit Geflüchteten" in document.text
    assert editor_client.get(status_url).json() == {
        "pending": False,
        "status": "Text gelesen",
        "warning": "",
    }
    page = editor_client.get(edit_url).content.decode()
    assert "wird gelesen" not in page
    assert [found.pk for found in LibraryDocument.objects.search("Lotsenarbeit")] == [document.pk]


def test_a_file_without_text_gets_its_warning_when_the_worker_is_done(
    editor_client, worker_backend
):
    upload(editor_client, "leer.txt", b"   \n  ")
    document = LibraryDocument.objects.get()

    run_worker()

    answer = editor_client.get(reverse("library_text_status", args=[document.pk])).json()
    assert answer["pending"] is False
    assert answer["warning"].startswith("In der Datei wurde kein Text gefunden")
    page = editor_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "In der Datei wurde kein Text gefunden" in page


def test_a_file_replaced_before_the_worker_came_is_read_once_in_its_new_version(
    editor_client, worker_backend
):
    upload(editor_client, "alt.txt", b"Alte Fassung")
    document = LibraryDocument.objects.get()
    editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Handreichung",
            "file": SimpleUploadedFile("neu.txt", "Neue Fassung über Patenschaften".encode()),
            "collection": root_collection().pk,
        },
    )

    run_worker()

    document.refresh_from_db()
    assert document.text == "Neue Fassung über Patenschaften"


def test_only_editors_of_the_document_see_its_text_status(client, editor_client, worker_backend):
    upload(editor_client, "handreichung.txt", b"Patenschaften")
    url = reverse("library_text_status", args=[LibraryDocument.objects.get().pk])

    client.logout()
    assert client.get(url).status_code == 302  # to the admin's login
    client.force_login(UserFactory(groups=["Mitglieder"]))
    assert client.get(url).status_code in (302, 403)
