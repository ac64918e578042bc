"""What the library knows about files: whether a file's content fits its extension, and
the text inside it for the search of the knowledge database.

The readers (library/readers.py) parse whatever an upload contains, so all but the plain
text one run in a child process with a time-out and a memory limit.
"""

import io
import json
import logging
import subprocess
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from library.readers import OLE_MAGIC, READERS, extract

logger = logging.getLogger(__name__)

PROJECT_DIR = Path(__file__).resolve().parent.parent

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# Not text. Executables (MZ, ELF) and images also contain NUL bytes, which a text file never
# has; "MZ" alone is no signature here, a German text may well start with it.
BINARY_SIGNATURES = (
    PDF_MAGIC,
    ZIP_MAGIC,
    OLE_MAGIC,
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"\x7fELF",
)
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
TEXT_EXTENSIONS = {"txt", "csv"}  # decoded in-process, all others in the child
HEAD_SIZE = 64 * 1024


class TextStatus(models.TextChoices):
    PENDING = "", _("being read …")
    OK = "ok", _("text read")
    EMPTY = "empty", _("no text found")
    UNSUPPORTED = "unsupported", _("no text for this file type")
    ENCRYPTED = "encrypted", _("encrypted")
    UNREADABLE = "unreadable", _("damaged or unreadable")
    TOO_LARGE = "too_large", _("too large to read")
    TIMEOUT = "timeout", _("reading took too long")


# For the editor, for each status that is a problem: `TEXT_WARNINGS.get(document.text_status)`.
TEXT_WARNINGS = {
    TextStatus.EMPTY: _(
        "No text was found in the file (perhaps it is a scan without a text layer), so the "
        "search of the knowledge database will not find words inside it. The file itself is "
        "stored and can be downloaded."
    ),
    TextStatus.ENCRYPTED: _(
        "The file is encrypted: its text could not be read, so the search of the knowledge "
        "database will not find words inside it. The file itself is stored and can be "
        "downloaded."
    ),
    TextStatus.UNREADABLE: _(
        "The file is damaged or could not be read: the search of the knowledge database will "
        "not find words inside it. The file itself is stored and can be downloaded."
    ),
    TextStatus.TOO_LARGE: _(
        "The file is too large to read its text, so the search of the knowledge database "
        "will not find words inside it. The file itself is stored and can be downloaded."
    ),
    TextStatus.TIMEOUT: _(
        "Reading the file's text took too long, so the search of the knowledge database will "
        "not find words inside it. The file itself is stored and can be downloaded."
    ),
}


@dataclass(frozen=True)
class FileText:
    status: str  # a TextStatus value
    text: str = ""


# --- Checking an upload ---------------------------------------------------------------------


def check_content(file, extension):
    """Raise ValidationError when the content of `file` (a Django File or bytes) does not
    fit `extension` (without the dot). Extensions without a rule pass: Wagtail's
    WAGTAILDOCS_EXTENSIONS refuses those. The file is left at its start."""
    extension = extension.lower()
    head = _read_start(file, HEAD_SIZE)
    stream = io.BytesIO(file) if isinstance(file, bytes) else file
    try:
        fits = _content_fits(stream, head, extension)
    finally:
        stream.seek(0)
    if not fits:
        raise ValidationError(
            _(
                "The content of this file does not match its extension .%(extension)s. Please "
                "upload a real %(extension)s file, or save the file again in the program it was "
                "made with."
            ),
            code="content_mismatch",
            params={"extension": extension},
        )


def _content_fits(stream, head, extension):
    if extension == "pdf":
        return PDF_MAGIC in head[:1024]
    if extension == "rtf":
        return head.startswith(b"{\\rtf")
    if extension in OOXML_FOLDERS:
        return head.startswith(OLE_MAGIC) or _zip_passes(
            stream, head, lambda archive: _is_ooxml(archive.namelist(), OOXML_FOLDERS[extension])
        )
    if extension in ODF_MIMETYPES:
        return _zip_passes(
            stream, head, lambda archive: _odf_mimetype(archive) == ODF_MIMETYPES[extension]
        )
    if extension in TEXT_EXTENSIONS:
        return b"\x00" not in head and not head.startswith(BINARY_SIGNATURES)
    return True


def _zip_passes(stream, head, test):
    """Whether the file is a ZIP archive for which `test(archive)` holds."""
    if not head.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(stream) as archive:
            return test(archive)
    except Exception:  # a damaged archive fails in many ways; it is just not a fit
        return False


def _is_ooxml(names, folder):
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def _odf_mimetype(archive):
    with archive.open("mimetype") as entry:
        return entry.read(100)


# --- Reading the text -----------------------------------------------------------------------


def read_text(file, extension):
    """The text inside `file` (a Django File or bytes) of type `extension` (without the
    dot), as a FileText. Never raises: a problem is a status. The file is left at its start."""
    extension = extension.lower()
    limit = settings.LIBRARY_TEXT_MAX_FILE_SIZE
    try:
        data = _read_start(file, limit + 1)
    except OSError:  # e.g. the storage is not reachable
        logger.warning("Could not open a .%s file to read its text", extension, exc_info=True)
        return FileText(TextStatus.UNREADABLE)
    if len(data) > limit:
        return FileText(TextStatus.TOO_LARGE)
    if extension not in READERS:
        return FileText(TextStatus.UNSUPPORTED)
    if extension in TEXT_EXTENSIONS:
        status, text = extract(data, extension)
        result = FileText(TextStatus(status), text)
    else:
        result = _extract_in_child(data, extension)
    return replace(result, text=result.text[: settings.LIBRARY_TEXT_MAX_CHARS])


def _read_start(file, size):
    """Up to `size` bytes from the start of `file`, which is left at its start."""
    if isinstance(file, bytes):
        return file[:size]
    if hasattr(file, "open"):
        file.open("rb")  # a Django File: reopens a closed one, else goes to the start
    file.seek(0)
    try:
        return file.read(size)
    finally:
        file.seek(0)


def _extract_in_child(data, extension):
    memory_limit = str(settings.LIBRARY_TEXT_MEMORY_LIMIT)
    command = [sys.executable, "-m", "library.readers", extension, memory_limit]
    try:
        # Only our own module runs, with an extension that is a key of READERS.
        finished = subprocess.run(  # noqa: S603
            command,
            input=data,
            capture_output=True,
            timeout=settings.LIBRARY_TEXT_TIMEOUT,
            cwd=PROJECT_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.warning("Reading the text of a .%s file took too long", extension)
        return FileText(TextStatus.TIMEOUT)
    try:
        answer = json.loads(finished.stdout)
        result = FileText(TextStatus(answer["status"]), str(answer["text"]))
    except (ValueError, KeyError, TypeError):
        result = FileText(TextStatus.UNREADABLE)
    if finished.returncode != 0 or result.status == TextStatus.UNREADABLE:
        logger.warning(
            "Could not read the text of a .%s file (exit code %s): %s",
            extension,
            finished.returncode,
            finished.stderr.decode(errors="replace")[-2000:],
        )
        return FileText(TextStatus.UNREADABLE)
    return result
