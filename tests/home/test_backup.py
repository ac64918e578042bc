"""Backup and restore (deploy/backup.sh, deploy/restore.sh) round trip on PostgreSQL: real
pages, a document and an image are dumped, restored into a fresh database and media folder,
and the restore matches the manifest; a row or a media file lost on the way is named."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import PageViewRestriction

from tests.factories import (
    ContentPageFactory,
    LibraryDocumentFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteImageFactory,
)

BASE_DIR = Path(settings.BASE_DIR)
RESTORE_DATABASE = "bbe_restore_test"

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="pg_dump and pg_restore back up PostgreSQL, what production runs; "
    "run with DATABASE_URL=postgres://... to test them",
)


def database_url(name):
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def run(command, database, media_root, cache_dir=None):
    """A deploy script or manage.py command with the environment an operator gives it (and
    the cache in files at `cache_dir`, shared with the test, instead of Redis)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": "/tmp",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "PYTHON": sys.executable,
        "DATABASE_URL": database_url(database),
        "MEDIA_ROOT": str(media_root),
        **({"CACHE_DIR": str(cache_dir)} if cache_dir else {}),
    }
    return subprocess.run(
        command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def restore_database():
    """An empty database next to the test database, dropped afterwards."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {RESTORE_DATABASE} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {RESTORE_DATABASE}")
    yield RESTORE_DATABASE
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {RESTORE_DATABASE} WITH (FORCE)")


@pytest.fixture
def site_content(home_page, settings, tmp_path):
    """Pages, a document and an image with their files in a media folder of their own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    ContentPageFactory(parent=home_page, title="Programm")
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news_index, title="Fachkongress 2017")
    return {
        "document": LibraryDocumentFactory(title="Handreichung Patenschaften"),
        "image": SiteImageFactory(),
    }


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# pg_dump and pg_restore read committed data over their own connections; the serialized
# rollback restores what the migrations created for the tests after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_into_a_fresh_database_with_identical_rows_and_media(
    site_content, restore_database, settings, tmp_path
):
    media_root = Path(settings.MEDIA_ROOT)
    document, image = site_content["document"], site_content["image"]

    backup = run(
        ["deploy/backup.sh", str(tmp_path / "backups")],
        connection.settings_dict["NAME"],
        media_root,
    )
    assert backup.returncode == 0, backup.stdout + backup.stderr
    (folder,) = (tmp_path / "backups").iterdir()
    assert {path.name for path in folder.iterdir()} == {
        "database.dump",
        "media.tar",
        "manifest.json",
    }
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["tables"]["library_librarydocument"] == 1
    assert manifest["tables"]["home_newspage"] == 1
    assert manifest["media"][document.file.name] == sha256(document.file.path)
    assert manifest["media"][image.file.name] == sha256(image.file.path)

    restored_media = tmp_path / "restored-media"
    restore = run(["deploy/restore.sh", str(folder)], restore_database, restored_media)

    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "OK: database and media match the backup." in restore.stdout
    assert sha256(restored_media / document.file.name) == sha256(document.file.path)
    assert sha256(restored_media / image.file.name) == sha256(image.file.path)

    # A lost row and a lost file: the check fails and names both.
    with psycopg.connect(database_url(restore_database), autocommit=True) as restored:
        restored.execute("DELETE FROM library_librarydocument WHERE id = %s", [document.pk])
    (restored_media / image.file.name).unlink()

    check = run(
        [sys.executable, "manage.py", "check_restore", str(folder / "manifest.json")],
        restore_database,
        restored_media,
    )

    assert check.returncode != 0
    assert "DIFFERENT table library_librarydocument: 1 rows in the backup, 0 now" in check.stdout
    assert f"DIFFERENT media file {image.file.name}: missing" in check.stdout
    assert "2 difference(s)" in check.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_restriction_holds_at_once_though_the_page_was_kept_public(
    home_page, shared_cache, settings, tmp_path, client
):
    """The backup has a members-only page that was public and kept in the cache when the
    backup was restored: restore.sh makes everything cached stale."""
    settings.MEDIA_ROOT = tmp_path / "media"
    page = ContentPageFactory(parent=home_page, title="Interna", slug="interna")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    database = connection.settings_dict["NAME"]
    backup = run(["deploy/backup.sh", str(tmp_path / "backups")], database, tmp_path / "media")
    assert backup.returncode == 0, backup.stdout + backup.stderr
    restriction.delete()
    assert client.get(page.url).status_code == 200  # public now, and kept
    connection.close()  # the restore replaces the tables this connection knows

    (folder,) = (tmp_path / "backups").iterdir()
    restore = run(["deploy/restore.sh", str(folder)], database, tmp_path / "r", shared_cache)

    assert restore.returncode == 0, restore.stdout + restore.stderr
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
