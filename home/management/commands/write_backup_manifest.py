import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand

from home.backup import build_manifest


class Command(BaseCommand):
    help = (
        "Write a backup manifest (JSON): the row count of every model table and the SHA-256 of "
        "every media file. deploy/backup.sh runs it; check_restore compares a restore with it."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", type=Path, help="the JSON file to write (replaced)")
        parser.add_argument(
            "--snapshot",
            help="count rows in this exported PostgreSQL snapshot (the one pg_dump used)",
        )
        parser.add_argument(
            "--media-archive",
            type=Path,
            help="take the checksums from this tar archive of MEDIA_ROOT instead of the disk",
        )

    def handle(self, *args, manifest, snapshot, media_archive, **options):
        data = build_manifest(snapshot=snapshot, media_archive=media_archive)
        partial = manifest.with_name(f".{manifest.name}.partial")
        partial.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
        os.replace(partial, manifest)
        rows = sum(data["tables"].values())
        media = (
            "media not on disk" if data["media"] is None else f"{len(data['media'])} media files"
        )
        self.stdout.write(f"Wrote {manifest}: {len(data['tables'])} tables ({rows} rows), {media}.")
