"""Backup manifests: the row count of every model table and the SHA-256 of every media file.

deploy/backup.sh writes one next to the database dump and the media archive
(`manage.py write_backup_manifest`); deploy/restore.sh compares the restored database and
media with it (`manage.py check_restore`). Media is only covered while it is stored on disk
(FileSystemStorage); a bucket on S3-compatible storage is backed up by its provider.
"""

import hashlib
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, transaction
from django.utils import timezone

MANIFEST_VERSION = 1


def row_counts(snapshot=None):
    """{table: rows} for every table of an installed model, read in one transaction.

    On PostgreSQL `snapshot` (from `pg_export_snapshot()`) makes the counts see exactly the
    data that pg_dump saw with the same snapshot.
    """
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            if snapshot:
                cursor.execute("SET TRANSACTION SNAPSHOT %s", [snapshot])
        existing = set(connection.introspection.table_names(cursor))
        tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
        counts = {}
        for table in sorted(tables & existing):
            # Table names come from the models, not from input.
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def media_on_disk():
    return isinstance(default_storage, FileSystemStorage)


def media_checksums(root=None):
    """{path relative to MEDIA_ROOT: sha256} of every file below MEDIA_ROOT."""
    root = Path(root or settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    checksums = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            with path.open("rb") as file:
                checksums[path.relative_to(root).as_posix()] = sha256(file)
    return checksums


def archive_checksums(archive):
    """The same for the files inside a tar archive of MEDIA_ROOT (made with `-C MEDIA_ROOT .`)."""
    checksums = {}
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile():
                name = member.name.removeprefix("./")
                checksums[name] = sha256(tar.extractfile(member))
    return dict(sorted(checksums.items()))


def sha256(file):
    return hashlib.file_digest(file, "sha256").hexdigest()


def build_manifest(snapshot=None, media_archive=None):
    if media_archive:
        media = archive_checksums(media_archive)
    else:
        media = media_checksums() if media_on_disk() else None
    return {
        "version": MANIFEST_VERSION,
        "created": timezone.now().isoformat(timespec="seconds"),
        "tables": row_counts(snapshot),
        "media": media,
    }


def differences(manifest):
    """Lines naming every difference between the live database and media and `manifest`."""
    found = []
    expected, actual = manifest["tables"], row_counts()
    for table in sorted(expected.keys() | actual.keys()):
        if table not in actual:
            found.append(f"table {table}: missing ({expected[table]} rows in the backup)")
        elif table not in expected:
            found.append(f"table {table}: not in the backup ({actual[table]} rows now)")
        elif expected[table] != actual[table]:
            found.append(
                f"table {table}: {expected[table]} rows in the backup, {actual[table]} now"
            )
    if manifest["media"] is not None:
        expected, actual = manifest["media"], media_checksums()
        for name in sorted(expected.keys() | actual.keys()):
            if name not in actual:
                found.append(f"media file {name}: missing")
            elif name not in expected:
                found.append(f"media file {name}: not in the backup")
            elif expected[name] != actual[name]:
                found.append(f"media file {name}: content differs (SHA-256)")
    return found
