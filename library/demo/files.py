"""Real files for the demo materials and the tests: a PDF written by hand (no dependency)
and a Word document (python-docx). The same text gives the same bytes, so a second run of
the demo loader finds its files unchanged."""

import io
import textwrap
import zipfile
from typing import NamedTuple

import docx

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56


class TextStyle(NamedTuple):
    font: str  # F1 Helvetica, F2 Helvetica-Bold
    size: int  # points
    leading: int  # points from one line to the next
    width: int  # characters a line


TITLE = TextStyle("F2", 16, 22, 55)
BODY = TextStyle("F1", 10, 14, 90)


def make_pdf(title, paragraphs):
    """A small PDF 1.4 with `title` in bold and the paragraphs below it, on as many A4 pages as
    needed. Helvetica with WinAnsiEncoding covers German text (ä, ö, ü, ß, €, „“); characters
    outside Windows-1252 become "?"."""
    pages = _layout(title, paragraphs)
    fonts = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    )
    first_page = 5  # objects: 1 catalog, 2 page tree, 3 and 4 fonts, then page and content
    kids = " ".join(f"{first_page + 2 * number} 0 R" for number in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        *fonts,
    ]
    for number, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {first_page + 2 * number + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(b"<< /Title <%s> >>" % ("\ufeff" + title).encode("utf-16-be").hex().encode())
    return _pdf_file(objects)


def _layout(title, paragraphs):
    """The content stream of each page: one text object a line, wrapped, top to bottom."""
    lines = []
    for style, text in [(TITLE, title), *((BODY, paragraph) for paragraph in paragraphs)]:
        lines += [(style, line) for line in textwrap.wrap(text, style.width)] + [(BODY, "")]
    pages, content, y = [], [], PAGE_HEIGHT - MARGIN
    for style, text in lines:
        if y - style.leading < MARGIN:
            pages.append(b"\n".join(content))
            content, y = [], PAGE_HEIGHT - MARGIN
        y -= style.leading
        if text:
            line = (style.font.encode(), style.size, MARGIN, y, _pdf_string(text))
            content.append(b"BT /%s %d Tf %d %d Td (%s) Tj ET" % line)
    pages.append(b"\n".join(content))
    return pages


def _pdf_string(text):
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_file(objects):
    """The objects numbered from 1, the cross-reference table and the trailer; the last
    object is the document information."""
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    output += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(output)


def make_docx(title, paragraphs):
    """A Word document with `title` as its heading and the paragraphs below it."""
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return _without_timestamps(buffer.getvalue())


def _without_timestamps(docx_bytes):
    """The same zip with every entry dated 1 January 1980 instead of the time of saving."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as source, zipfile.ZipFile(output, "w") as copy:
        for entry in source.infolist():
            dated = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            dated.compress_type = zipfile.ZIP_DEFLATED
            copy.writestr(dated, source.read(entry))
    return output.getvalue()
