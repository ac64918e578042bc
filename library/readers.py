"""The readers of the knowledge database's files: the text inside a pdf, Office or
OpenDocument file. They parse whatever an upload contains, so library/files.py runs them in a
child process with a time-out and a memory limit:

    python -m library.readers EXTENSION MEMORY_LIMIT  < file  > {"status": …, "text": …}

This module uses no Django, so the child starts fast, and it imports a reader's library only
for its file type. The statuses are values of library.files.TextStatus.
"""

import io
import json
import logging
import re
import sys
import zipfile

logger = logging.getLogger(__name__)

# Microsoft's compound file format: old .doc/.xls/.ppt, and encrypted docx/xlsx/pptx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OK, EMPTY, ENCRYPTED, UNREADABLE = "ok", "empty", "encrypted", "unreadable"


class Encrypted(Exception):
    """The file is encrypted and needs a password."""


def extract(data, extension):
    """(status, text) of `data`, a file of type `extension` (a key of READERS); a reader's
    error is UNREADABLE."""
    try:
        if data.startswith(OLE_MAGIC):
            raise Encrypted
        text = normalise(READERS[extension](data))
    except Encrypted:
        return ENCRYPTED, ""
    except Exception:
        logger.warning("Could not read the text of a .%s file", extension, exc_info=True)
        return UNREADABLE, ""
    return (OK, text) if text else (EMPTY, "")


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def normalise(text):
    """One space between words, one line break between lines, no empty lines."""
    lines = CONTROL_CHARACTERS.sub(" ", text).splitlines()
    return "\n".join(filter(None, (" ".join(line.split()) for line in lines)))


def _plain_text(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pdf_text(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # Many PDFs are encrypted with an empty user password: they open without asking.
        try:
            decrypted = reader.decrypt("")
        except Exception as error:  # e.g. AES without the `cryptography` package
            raise Encrypted from error
        if not decrypted:
            raise Encrypted
    return "\n".join(page.extract_text() for page in reader.pages)


def _docx_text(data):
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    return "\n".join(
        _table_text(block) if isinstance(block, Table) else block.text
        for block in document.iter_inner_content()
    )


def _pptx_text(data):
    import pptx

    presentation = pptx.Presentation(io.BytesIO(data))
    return "\n".join(text for slide in presentation.slides for text in _shapes_text(slide.shapes))


def _shapes_text(shapes):
    for shape in shapes:
        if shape.has_text_frame:
            yield shape.text_frame.text
        if shape.has_table:
            yield _table_text(shape.table)
        if hasattr(shape, "shapes"):  # a group
            yield from _shapes_text(shape.shapes)


def _table_text(table):
    """A table of python-docx or python-pptx: one line a row."""
    return "\n".join("\t".join(cell.text for cell in row.cells) for row in table.rows)


def _xlsx_text(data):
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return "\n".join(
            "\t".join(str(value) for value in row if value is not None)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    finally:
        workbook.close()


def _odf_text(data):
    from odf import opendocument, teletype
    from odf.namespaces import TEXTNS

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if b"encryption-data" in archive.read("META-INF/manifest.xml"):
            raise Encrypted
    blocks = {(TEXTNS, "p"), (TEXTNS, "h")}

    def paragraphs(node):
        for child in node.childNodes:
            if getattr(child, "qname", None) in blocks:
                yield teletype.extractText(child)
            else:
                yield from paragraphs(child)

    return "\n".join(paragraphs(opendocument.load(io.BytesIO(data)).body))


READERS = {
    "txt": _plain_text,
    "csv": _plain_text,
    "pdf": _pdf_text,
    "docx": _docx_text,
    "pptx": _pptx_text,
    "xlsx": _xlsx_text,
    "odt": _odf_text,
    "ods": _odf_text,
    "odp": _odf_text,
}


def _child_main(extension, memory_limit):
    """The child process: the file on stdin, {"status": …, "text": …} on stdout."""
    import resource

    _, hard_limit = resource.getrlimit(resource.RLIMIT_AS)
    if hard_limit != resource.RLIM_INFINITY:
        memory_limit = min(memory_limit, hard_limit)
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    status, text = extract(sys.stdin.buffer.read(), extension)
    sys.stdout.write(json.dumps({"status": status, "text": text}))


if __name__ == "__main__":
    _child_main(sys.argv[1], int(sys.argv[2]))
