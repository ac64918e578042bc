#!/usr/bin/env bash
# Back up the database (pg_dump -Fc) and MEDIA_ROOT (tar) into one dated folder, with a
# manifest of the row count of every table and the SHA-256 of every media file:
#
#   deploy/backup.sh [ROOT]    # -> ROOT/2026-11-26T030000/{database.dump,media.tar,manifest.json}
#
# ROOT defaults to ./backups. Run it with the site's environment (.env.example): DATABASE_URL
# (postgres://...), MEDIA_ROOT and what DJANGO_SETTINGS_MODULE needs; PYTHON defaults to
# .venv/bin/python. The site may keep running: the dump and the row counts read one database
# snapshot. With media on S3 (AWS_STORAGE_BUCKET_NAME) only the database is backed up here;
# the bucket needs the provider's versioning or replication.
set -euo pipefail
# Written as NAME.partial and renamed when complete: a failed run leaves no folder that
# looks like a backup.
final="${1:-backups}/$(date +%Y-%m-%dT%H%M%S)"
mkdir -p "$final.partial"
final=$(cd "$(dirname "$final")" && pwd)/$(basename "$final")
dest="$final.partial"
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database}"
PYTHON=${PYTHON:-.venv/bin/python}

# One psql session exports a snapshot and holds it open until pg_dump and the row counts of
# the manifest have read it.
coproc SNAPSHOT_SESSION { psql -qAtX -v ON_ERROR_STOP=1 -d "$DATABASE_URL"; }
snapshot_in=${SNAPSHOT_SESSION[1]}
snapshot_pid=$SNAPSHOT_SESSION_PID
echo "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot();" >&"$snapshot_in"
read -r -t 60 snapshot <&"${SNAPSHOT_SESSION[0]}"

pg_dump -Fc --snapshot="$snapshot" -d "$DATABASE_URL" -f "$dest/database.dump"
media_args=()
if [ -z "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
  : "${MEDIA_ROOT:?MEDIA_ROOT must name the media folder}"
  mkdir -p "$MEDIA_ROOT"
  # Status 1: a file changed while it was read (an upload); the manifest lists it as archived.
  tar -C "$MEDIA_ROOT" -cf "$dest/media.tar" . || [ $? -eq 1 ]
  media_args=(--media-archive "$dest/media.tar")
fi
"$PYTHON" manage.py write_backup_manifest "$dest/manifest.json" --snapshot "$snapshot" \
  "${media_args[@]}"

echo "COMMIT;" >&"$snapshot_in"
exec {snapshot_in}>&-
wait "$snapshot_pid"
mv "$dest" "$final"
echo "Backup written to $final"
