"""An upload is stored only when its content fits its extension: the editor learns in German
which file was refused and why, and nothing of it is stored."""

import contextlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from library.demo import make_docx, make_pdf
from library.files import OLE_MAGIC, check_content
from library.models import LibraryDocument
from tests.factories import LibraryDocumentFactory, UserFactory, root_collection

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 100
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 100
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
GIF = b"GIF89a\x01\x00\x01\x00"


def zip_file(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def ooxml(folder):
    return zip_file({"[Content_Types].xml": "<Types/>", f"{folder}/document.xml": "<x/>"})


def opendocument(kind):
    return zip_file({"mimetype": f"application/vnd.oasis.opendocument.{kind}"})


PDF = make_pdf("Handreichung", ["Die Patenschaftsvereinbarung regelt das Tandem."])
DOCX = make_docx("Handreichung", ["Die Patenschaftsvereinbarung regelt das Tandem."])
REAL_FILES = {
    "pdf": PDF,
    "docx": DOCX,
    "xlsx": ooxml("xl"),
    "pptx": ooxml("ppt"),
    "odt": opendocument("text"),
    "ods": opendocument("spreadsheet"),
    "odp": opendocument("presentation"),
    "rtf": b"{\\rtf1\\ansi Patenschaft}",
    "txt": "Größere Übersicht".encode("cp1252"),
    "csv": b"Thema;Anzahl\nPatenschaft;12\n",
}


# --- The rules of check_content -------------------------------------------------------------


@pytest.mark.parametrize("extension", REAL_FILES)
def test_real_file_fits_its_extension(extension):
    check_content(REAL_FILES[extension], extension)


@pytest.mark.parametrize(
    ("extension", "data"),
    [
        ("pdf", b"%PDF-1.4\n" + b"\x00kaputt" * 10),  # damaged, but a PDF: its text is UNREADABLE
        ("pdf", b"\r\n" * 100 + PDF),  # something before the header, as some producers do
        ("docx", OLE_MAGIC + b"\x00" * 600),  # an encrypted Word file
        ("xlsx", OLE_MAGIC + b"\x00" * 600),
        ("pptx", OLE_MAGIC + b"\x00" * 600),
        ("txt", b"MZ-Artikel vom 3. Mai: Patenschaften im Landkreis"),
        ("txt", "\ufeffText mit Byte Order Mark".encode()),
        ("csv", b""),
    ],
)
def test_unusual_but_fitting_file_is_accepted(extension, data):
    check_content(data, extension)


@pytest.mark.parametrize(
    ("extension", "data"),
    [
        ("pdf", PNG),
        ("pdf", DOCX),
        ("pdf", b"\x00" * 1024 + PDF),  # the header too far in
        ("docx", PDF),
        ("docx", ooxml("xl")),  # an Excel file named .docx
        ("docx", zip_file({"word/document.xml": "<x/>"})),  # no [Content_Types].xml
        ("docx", b"PK\x03\x04" + b"kaputt" * 50),  # not a ZIP after all
        ("xlsx", DOCX),
        ("pptx", opendocument("presentation")),
        ("odt", opendocument("spreadsheet")),
        ("odt", DOCX),
        ("odt", zip_file({"content.xml": "<x/>"})),  # no mimetype entry
        ("ods", OLE_MAGIC + b"\x00" * 600),
        ("odp", b"PK\x03\x04" + b"\xff" * 100),
        ("rtf", b"Kein RTF"),
        ("rtf", PDF),
        ("txt", EXE),
        ("txt", ELF),
        ("txt", PNG),
        ("txt", JPEG),
        ("txt", GIF),
        ("txt", PDF),
        ("txt", DOCX),
        ("txt", OLE_MAGIC),
        ("txt", "Text in UTF-16".encode("utf-16")),  # NUL bytes
        ("csv", b"Thema;Anzahl\n\x00\x00;12"),
    ],
)
def test_file_whose_content_does_not_fit_its_extension_is_refused(extension, data):
    with pytest.raises(ValidationError) as refusal:
        check_content(data, extension)

    assert refusal.value.code == "content_mismatch"
    assert refusal.value.params == {"extension": extension}


def test_text_file_with_a_nul_byte_after_the_first_64_kib_is_accepted():
    check_content(b"a" * 64 * 1024 + b"\x00", "txt")


def test_refusal_names_the_extension_in_german():
    with pytest.raises(ValidationError) as refusal:
        check_content(PNG, "pdf")

    assert refusal.value.messages == [
        "Der Inhalt dieser Datei passt nicht zu ihrer Endung .pdf. Bitte laden Sie eine echte "
        "Datei vom Typ .pdf hoch oder speichern Sie die Datei noch einmal in dem Programm, mit "
        "dem sie erstellt wurde."
    ]


@pytest.mark.parametrize(("extension", "data"), [("docx", DOCX), ("pdf", PNG)])
def test_checked_file_can_be_read_again_from_the_start(extension, data):
    file = ContentFile(data, name=f"datei.{extension}")
    file.read(10)

    with contextlib.suppress(ValidationError):
        check_content(file, extension)

    assert file.read() == data


# --- Uploads in the admin -------------------------------------------------------------------


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(groups=["Redaktion"]))
    return client


def upload(client, name, data, title="Handreichung"):
    file = SimpleUploadedFile(name, data)
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": file, "collection": root_collection().pk},
    )


def test_real_pdf_is_stored(editor_client):
    response = upload(editor_client, "handreichung.pdf", PDF)

    assert response.status_code == 302
    document = LibraryDocument.objects.get()
    assert document.title == "Handreichung"
    with document.open_file() as stored:
        assert stored.read() == PDF


def test_real_docx_is_stored(editor_client):
    assert upload(editor_client, "handreichung.docx", DOCX).status_code == 302
    assert LibraryDocument.objects.filter(file__endswith=".docx").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [("programm.pdf", PNG), ("archiv.pdf", zip_file({"setup.exe": EXE})), ("bericht.docx", PDF)],
)
def test_file_whose_content_does_not_fit_its_extension_is_refused_in_german(
    editor_client, name, data
):
    extension = name.rsplit(".", 1)[1]

    response = upload(editor_client, name, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Der Inhalt dieser Datei passt nicht zu ihrer Endung .{extension}." in html
    assert f"Bitte laden Sie eine echte Datei vom Typ .{extension} hoch" in html
    assert not LibraryDocument.objects.exists()


def test_file_with_a_forbidden_extension_is_refused_in_german(editor_client):
    response = upload(editor_client, "programm.exe", EXE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dateiendung „exe“ ist nicht erlaubt." in html
    assert "Der Inhalt dieser Datei" not in html  # one reason is enough
    assert not LibraryDocument.objects.exists()


def test_file_over_the_upload_limit_is_refused_in_german(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = upload(editor_client, "handreichung.pdf", PDF + b"\n" * 2048)

    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.content.decode()
    assert "Maximale Dateigröße 1,0\xa0KB" in response.content.decode()
    assert not LibraryDocument.objects.exists()


def test_upload_of_several_files_refuses_a_mismatch_in_german(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("programm.pdf", PNG), "collection": root_collection().pk},
    )

    answer = response.json()
    assert answer["success"] is False
    assert "Der Inhalt dieser Datei passt nicht zu ihrer Endung .pdf." in answer["error_message"]
    assert not LibraryDocument.objects.exists()


def test_editing_only_the_title_does_not_check_the_file_again(editor_client):
    # A document stored before the check existed, with content that would not pass today.
    document = LibraryDocumentFactory(file=ContentFile(PNG, name="alt.pdf"))

    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Neuer Titel", "collection": root_collection().pk},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Neuer Titel"


def test_replacing_the_file_of_a_document_checks_the_new_file(editor_client):
    document = LibraryDocumentFactory(file=ContentFile(PDF, name="handreichung.pdf"))

    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": root_collection().pk,
            "file": SimpleUploadedFile("neu.pdf", PNG),
        },
    )

    assert response.status_code == 200
    assert "Der Inhalt dieser Datei passt nicht zu ihrer Endung .pdf." in response.content.decode()
    document.refresh_from_db()
    with document.open_file() as stored:
        assert stored.read() == PDF
