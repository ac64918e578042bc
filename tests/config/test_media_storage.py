"""Media on S3-compatible storage: the settings choose django-storages' S3Storage when a
bucket is named, and documents in a storage without local paths still pass Wagtail's serve
view with its permission check (WAGTAILDOCS_SERVE_METHOD = "serve_view")."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile

from library.models import LibraryDocument
from tests.factories import LibraryIndexPageFactory, MaterialPageFactory, UserFactory

BASE_DIR = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "SECRET_KEY": "s3-settings-test-" + "x" * 40,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
PRINT_SETTINGS = """
import json
import config.settings.production as s
print(json.dumps({
    "default": s.STORAGES["default"]["BACKEND"],
    "acl": getattr(s, "AWS_DEFAULT_ACL", "unset"),
    "querystring_auth": getattr(s, "AWS_QUERYSTRING_AUTH", None),
    "overwrite": getattr(s, "AWS_S3_FILE_OVERWRITE", None),
    "endpoint": s.AWS_S3_ENDPOINT_URL,
    "region": s.AWS_S3_REGION_NAME,
    "img_src": s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "serve_method": s.WAGTAILDOCS_SERVE_METHOD,
}))
"""


def no_local_path(field_file):
    raise NotImplementedError("This backend doesn't support absolute paths.")


def production_settings(**env):
    """The production settings module as a fresh process with only PRODUCTION_ENV and `env`
    imports it."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp"}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=BASE_DIR,
        env={**environment, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_media_stay_on_disk_without_a_bucket():
    chosen = production_settings()

    assert chosen["default"] == "django.core.files.storage.FileSystemStorage"
    assert chosen["img_src"] == ["'self'", "data:"]


def test_a_named_bucket_puts_media_on_private_s3_storage():
    chosen = production_settings(
        AWS_STORAGE_BUCKET_NAME="bbe-media",
        AWS_S3_ENDPOINT_URL="https://fsn1.your-objectstorage.com",
        AWS_S3_REGION_NAME="fsn1",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )

    assert chosen == {
        "default": "storages.backends.s3.S3Storage",
        "acl": None,
        "querystring_auth": True,
        "overwrite": False,
        "endpoint": "https://fsn1.your-objectstorage.com",
        "region": "fsn1",
        "img_src": ["'self'", "data:", "https://fsn1.your-objectstorage.com"],
        "serve_method": "serve_view",
    }


def test_amazon_s3_images_are_allowed_from_the_buckets_host():
    chosen = production_settings(AWS_STORAGE_BUCKET_NAME="bbe-media")

    assert chosen["img_src"] == ["'self'", "data:", "https://bbe-media.s3.amazonaws.com"]


@pytest.mark.django_db
def test_documents_in_a_storage_without_local_paths_pass_the_permission_check(
    client, home_page, monkeypatch
):
    """As on S3, files have no local path: Wagtail streams them from the storage itself."""
    document = LibraryDocument(title="Protokoll")
    document.file.save("protokoll.txt", ContentFile(b"Vertrauliches Protokoll"), save=False)
    document.save()
    library = LibraryIndexPageFactory(parent=home_page)
    MaterialPageFactory(parent=library, files=[document], access_level="members")
    document.refresh_from_db()
    monkeypatch.setattr(FieldFile, "path", property(no_local_path))

    visitor = client.get(document.url)
    client.force_login(UserFactory(groups=["Mitglieder"]))
    member = client.get(document.url)

    assert visitor.status_code == 302
    assert visitor["Location"] == f"/konto/login/?next={document.url}"
    assert member.status_code == 200
    assert b"".join(member.streaming_content) == b"Vertrauliches Protokoll"
