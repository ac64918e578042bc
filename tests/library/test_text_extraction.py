"""The knowledge database reads the text of every file type it allows, from real files made
with the real libraries, and names the problem when it cannot."""

import io
import zipfile

import docx
import openpyxl
import pptx
import pytest
from django.core.files.base import ContentFile
from odf import draw, style, table, text
from odf.opendocument import (
    OpenDocumentPresentation,
    OpenDocumentSpreadsheet,
    OpenDocumentText,
)
from pptx.util import Inches
from pypdf import PdfReader, PdfWriter

from library.demo import make_docx, make_pdf
from library.files import OLE_MAGIC, TEXT_WARNINGS, FileText, TextStatus, read_text

WORD = "Patenschaftsvereinbarung"
TABLE_WORD = "Aufenthaltsgesetz"


def saved(document):
    """The bytes of a python-docx, python-pptx, openpyxl or pypdf document."""
    buffer = io.BytesIO()
    getattr(document, "save", getattr(document, "write", None))(buffer)
    return buffer.getvalue()


def pdf_file():
    return make_pdf("Handreichung", [f"Die {WORD} regelt das Tandem.", "Zweiter Absatz."])


def docx_file():
    document = docx.Document()
    document.add_heading("Handreichung", level=1)
    document.add_paragraph(f"Die {WORD} regelt das Tandem.")
    document.add_table(rows=1, cols=2).cell(0, 1).text = f"Nach dem {TABLE_WORD}"
    return saved(document)


def pptx_file():
    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
    slide.shapes.title.text = f"Die {WORD}"
    frame = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(2))
    frame.table.cell(1, 1).text = TABLE_WORD
    return saved(deck)


def xlsx_file():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Thema", "Anzahl"])
    workbook.active.append([WORD, 12])
    workbook.create_sheet("Recht").append([TABLE_WORD])
    return saved(workbook)


def odf_saved(document):
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def odt_file():
    document = OpenDocumentText()
    document.text.addElement(text.H(outlinelevel=1, text="Handreichung"))
    document.text.addElement(text.P(text=f"Die {WORD} regelt das Tandem."))
    return odf_saved(document)


def ods_file():
    document = OpenDocumentSpreadsheet()
    sheet = table.Table(name="Tandems")
    row = table.TableRow()
    cell = table.TableCell(valuetype="string")
    cell.addElement(text.P(text=WORD))
    row.addElement(cell)
    sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    return odf_saved(document)


def odp_file():
    document = OpenDocumentPresentation()
    layout = style.PageLayout(name="Folie")
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    page = draw.Page(masterpagename=master)
    frame = draw.Frame(width="20cm", height="3cm", x="2cm", y="2cm")
    box = draw.TextBox()
    box.addElement(text.P(text=f"Die {WORD}"))
    frame.addElement(box)
    page.addElement(frame)
    document.presentation.addElement(page)
    return odf_saved(document)


def txt_file():
    return f"Die {WORD} regelt das Tandem.\n".encode()


def csv_file():
    return f"\ufeffThema;Anzahl\n{WORD};12\n".encode()


@pytest.mark.parametrize(
    ("extension", "build"),
    [
        ("pdf", pdf_file),
        ("docx", docx_file),
        ("pptx", pptx_file),
        ("xlsx", xlsx_file),
        ("odt", odt_file),
        ("ods", ods_file),
        ("odp", odp_file),
        ("txt", txt_file),
        ("csv", csv_file),
    ],
)
def test_text_of_each_file_type_is_read(extension, build):
    result = read_text(build(), extension)

    assert result.status == TextStatus.OK
    assert WORD in result.text


@pytest.mark.parametrize(
    ("extension", "build"), [("docx", docx_file), ("pptx", pptx_file), ("xlsx", xlsx_file)]
)
def test_text_in_tables_and_further_sheets_is_read(extension, build):
    assert TABLE_WORD in read_text(build(), extension).text


def test_text_is_read_from_a_django_file_which_stays_readable():
    file = ContentFile(docx_file(), name="handreichung.docx")

    result = read_text(file, "docx")

    assert WORD in result.text
    assert file.read(2) == b"PK"


def test_demo_pdf_keeps_umlauts_and_sharp_s():
    pdf = make_pdf("Größe der Übersicht", ["Äpfel, Öl und Süßes für 5 € (laut „Plan“) \\ Ende"])

    result = read_text(pdf, "pdf")

    assert "Größe der Übersicht" in result.text
    assert "Äpfel, Öl und Süßes für 5 € (laut „Plan“) \\ Ende" in result.text


@pytest.mark.parametrize(("extension", "build"), [("pdf", make_pdf), ("docx", make_docx)])
def test_demo_file_of_many_paragraphs_is_read_completely(extension, build):
    paragraphs = [f"Absatz {number}: {WORD} " + "und so weiter " * 30 for number in range(80)]

    result = read_text(build("Lang", paragraphs), extension)

    assert result.status == TextStatus.OK
    assert "Absatz 0:" in result.text and "Absatz 79:" in result.text


def test_demo_pdf_wraps_long_text_onto_several_pages():
    pdf = PdfReader(io.BytesIO(make_pdf("Lang", ["Wort " * 3000])), strict=True)

    assert len(pdf.pages) > 1
    assert all(len(line) <= 90 for page in pdf.pages for line in page.extract_text().split("\n"))


def test_extension_in_capitals_is_read():
    assert read_text(pdf_file(), "PDF").status == TextStatus.OK


def test_whitespace_is_collapsed_and_lines_are_kept():
    result = read_text(b"  Erste   Zeile\t mit Tab\r\n\r\n\n  Zweite\x00Zeile  ", "txt")

    assert result.text == "Erste Zeile mit Tab\nZweite Zeile"


def test_text_in_windows_encoding_is_decoded():
    result = read_text("Größere Übersicht für Ärztinnen".encode("cp1252"), "txt")

    assert result == FileText(TextStatus.OK, "Größere Übersicht für Ärztinnen")


def test_text_longer_than_the_limit_is_cut(settings):
    settings.LIBRARY_TEXT_MAX_CHARS = 10

    result = read_text(b"Patenschaften und Mentoring", "txt")

    assert result == FileText(TextStatus.OK, "Patenschaf")


def test_text_of_a_pdf_is_cut_at_the_limit(settings):
    settings.LIBRARY_TEXT_MAX_CHARS = 12

    assert read_text(pdf_file(), "pdf") == FileText(TextStatus.OK, "Handreichung")


def test_file_over_the_size_limit_is_not_read(settings):
    settings.LIBRARY_TEXT_MAX_FILE_SIZE = 100

    assert read_text(b"a" * 101, "txt") == FileText(TextStatus.TOO_LARGE)
    assert read_text(b"a" * 100, "txt").status == TextStatus.OK


def test_file_over_the_size_limit_is_read_no_further_than_the_limit(settings):
    settings.LIBRARY_TEXT_MAX_FILE_SIZE = 100
    requested = []

    class FileThatNotesReads(io.BytesIO):
        def read(self, size=-1):
            requested.append(size)
            return super().read(size)

    assert read_text(FileThatNotesReads(b"%PDF-1.4 " * 10_000), "pdf").status == "too_large"
    assert requested == [101]


def test_pdf_taking_too_long_is_reported(settings):
    settings.LIBRARY_TEXT_TIMEOUT = 0.001

    assert read_text(pdf_file(), "pdf") == FileText(TextStatus.TIMEOUT)


def test_reader_over_the_memory_limit_is_reported_unreadable(settings):
    settings.LIBRARY_TEXT_MEMORY_LIMIT = 1024 * 1024

    assert read_text(pdf_file(), "pdf") == FileText(TextStatus.UNREADABLE)


def test_damaged_pdf_is_reported_unreadable():
    assert read_text(b"%PDF-1.4\n" + b"\x8f kaputt " * 200, "pdf") == FileText(
        TextStatus.UNREADABLE
    )


@pytest.mark.parametrize("extension", ["docx", "pptx", "xlsx", "odt"])
def test_damaged_office_file_is_reported_unreadable(extension):
    assert read_text(b"PK\x03\x04" + b"kaputt" * 100, extension).status == TextStatus.UNREADABLE


def encrypted_pdf(user_password, owner_password=None):
    writer = PdfWriter(clone_from=io.BytesIO(pdf_file()))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    return saved(writer)


def test_pdf_with_a_password_is_reported_encrypted():
    assert read_text(encrypted_pdf("geheim"), "pdf") == FileText(TextStatus.ENCRYPTED)


def test_pdf_protected_only_against_changes_is_read():
    result = read_text(encrypted_pdf("", owner_password="geheim"), "pdf")

    assert result.status == TextStatus.OK
    assert WORD in result.text


def test_encrypted_office_file_is_reported_encrypted():
    # Word, Excel and PowerPoint store an encrypted file in the compound file format.
    data = OLE_MAGIC + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")

    assert read_text(data, "docx") == FileText(TextStatus.ENCRYPTED)


def test_encrypted_opendocument_is_reported_encrypted():
    # LibreOffice encrypts content.xml and notes the cipher in the manifest.
    with zipfile.ZipFile(io.BytesIO(odt_file())) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries["content.xml"] = b"\x93\x11 verschluesselt"
    entries["META-INF/manifest.xml"] = entries["META-INF/manifest.xml"].replace(
        b"</manifest:manifest>", b"<manifest:encryption-data/></manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)

    assert read_text(buffer.getvalue(), "odt") == FileText(TextStatus.ENCRYPTED)


def test_pdf_page_without_text_is_reported_empty():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)

    assert read_text(saved(writer), "pdf") == FileText(TextStatus.EMPTY)


def test_text_file_of_only_whitespace_is_reported_empty():
    assert read_text(b" \r\n\t \n", "txt") == FileText(TextStatus.EMPTY)


def test_rtf_has_no_reader():
    assert read_text(b"{\\rtf1\\ansi Patenschaft}", "rtf") == FileText(TextStatus.UNSUPPORTED)


def test_each_problem_has_a_warning_for_the_editor():
    problems = {TextStatus.EMPTY, TextStatus.ENCRYPTED, TextStatus.UNREADABLE}
    problems |= {TextStatus.TOO_LARGE, TextStatus.TIMEOUT}

    assert set(TEXT_WARNINGS) == problems
    for warning in TEXT_WARNINGS.values():
        assert "Die Datei selbst ist gespeichert und kann heruntergeladen werden." in warning
    assert str(TEXT_WARNINGS["encrypted"]).startswith("Die Datei ist verschlüsselt")
