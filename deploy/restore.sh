#!/usr/bin/env bash
# Restore a folder written by deploy/backup.sh, then check it against its manifest:
#
#   deploy/restore.sh BACKUP_FOLDER
#
# DATABASE_URL names the target database (it must exist; its tables are replaced), MEDIA_ROOT
# the target media folder (missing or empty). Stop the app servers first. Everything cached
# (Redis, Varnish) is made stale afterwards (`manage.py new_cache_versions`). Exits non-zero when
# pg_restore fails (nothing is changed then) or the check finds a difference.
set -euo pipefail
backup=$(cd "${1:?usage: deploy/restore.sh BACKUP_FOLDER}" && pwd)
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must name the target PostgreSQL database}"
PYTHON=${PYTHON:-.venv/bin/python}

if [ -f "$backup/media.tar" ]; then
  : "${MEDIA_ROOT:?MEDIA_ROOT must name the media folder}"
  mkdir -p "$MEDIA_ROOT"
  if [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
    echo "MEDIA_ROOT $MEDIA_ROOT is not empty: move it aside and run again." >&2
    exit 1
  fi
fi

pg_restore --clean --if-exists --no-owner --single-transaction -d "$DATABASE_URL" \
  "$backup/database.dump"
echo "Database restored from $backup/database.dump"
if [ -f "$backup/media.tar" ]; then
  tar -C "$MEDIA_ROOT" -xf "$backup/media.tar"
  echo "Media restored into $MEDIA_ROOT"
fi

# What the app servers and Varnish kept was built from the database before the restore.
"$PYTHON" manage.py new_cache_versions
"$PYTHON" manage.py check_restore "$backup/manifest.json"
