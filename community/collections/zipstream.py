"""A ZIP archive written while it is sent: `zip_chunks(members)` yields the archive's bytes
piece by piece, so that a download of many large files never holds the whole archive (nor a
whole file) in memory.

Python's zipfile writes into a `WriteBuffer`, a stream that cannot seek: zipfile then puts
each member's sizes and checksum into a data descriptor after its data instead of going
back to the member's header. After every piece of a file the generator hands on what the
buffer holds and empties it.
"""

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

CHUNK_SIZE = 64 * 1024  # bytes read from a file at a time


@dataclass
class ZipMember:
    """A file of the archive: its name inside the archive, how to open its content (a
    callable that returns a binary file to read from) and its size, if known."""

    name: str
    open: Callable[[], io.IOBase]
    size: int = 0


def text_member(name, text):
    """A member with `text` as its content, UTF-8 with a byte order mark (so that editors on
    Windows read the umlauts right) and Windows line ends."""
    data = "\ufeff".encode() + text.replace("\r\n", "\n").replace("\n", "\r\n").encode()
    return ZipMember(name, lambda: io.BytesIO(data), len(data))


class WriteBuffer(io.RawIOBase):
    """A write-only stream that keeps what is written until `drain()` takes it."""

    def __init__(self):
        super().__init__()
        self._parts = []
        self._position = 0

    def writable(self):
        return True

    def write(self, data):
        self._parts.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self):
        return self._position

    def drain(self):
        """What was written since the last call, or b""."""
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def zip_chunks(members, chunk_size=CHUNK_SIZE):
    """The bytes of a ZIP archive of `members` (ZipMember), as an iterator of pieces of at
    most about `chunk_size` bytes each (plus a header or the closing directory)."""
    buffer = WriteBuffer()
    modified = timezone.localtime().timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=modified)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.file_size = member.size  # lets zipfile choose ZIP64 for very large files
            with member.open() as source, archive.open(info, "w") as target:
                while piece := source.read(chunk_size):
                    target.write(piece)
                    if data := buffer.drain():
                        yield data
            if data := buffer.drain():
                yield data
    if data := buffer.drain():
        yield data
