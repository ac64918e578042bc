import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backup import differences


class Command(BaseCommand):
    help = (
        "Compare the database and MEDIA_ROOT with a backup manifest (write_backup_manifest): "
        "list every table whose row count differs and every missing, extra or changed media "
        "file; exit non-zero on any difference."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", type=Path, help="manifest.json of the backup")

    def handle(self, *args, manifest, **options):
        data = json.loads(manifest.read_text())
        tables, media = len(data["tables"]), data["media"]
        self.stdout.write(f"Checking against {manifest} (backup of {data['created']}):")
        self.stdout.write(f"  {tables} tables, {sum(data['tables'].values())} rows")
        if media is None:
            self.stdout.write("  media was not on disk at backup time: not checked")
        else:
            self.stdout.write(f"  {len(media)} media files")
        found = differences(data)
        for line in found:
            self.stdout.write(f"DIFFERENT {line}")
        if found:
            raise CommandError(f"{len(found)} difference(s) between the backup and this site.")
        self.stdout.write(self.style.SUCCESS("OK: database and media match the backup."))
