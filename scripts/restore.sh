#!/usr/bin/env bash
# Restore a backup made by backup.sh: the database into DATABASE_URL (replacing what is there) and the
# media files into MEDIA_ROOT. The database restore runs in one transaction: it applies completely or not at all.
#   usage: scripts/restore.sh backups/<timestamp>
#   DATABASE_URL  the database to restore into (required; it must exist, and may be empty)
#   MEDIA_ROOT    where the uploaded files go (default: ./media)
#   PYTHON        the site's Python, to empty the page cache afterwards (default: .venv/bin/python, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."

backup="${1:?usage: scripts/restore.sh backups/<timestamp>}"
: "${DATABASE_URL:?Set DATABASE_URL to the PostgreSQL database to restore into}"
media_root="${MEDIA_ROOT:-$PWD/media}"

for file in database.dump media.tar.gz SHA256SUMS; do
  [ -f "$backup/$file" ] || { echo "$backup is not a complete backup: $file is missing." >&2; exit 2; }
done
(cd "$backup" && sha256sum --quiet --check SHA256SUMS) || { echo "$backup is damaged: checksums differ." >&2; exit 2; }

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$backup/database.dump"
mkdir -p "$media_root"
tar -C "$media_root" -xzf "$backup/media.tar.gz"
# Pages cached before the restore (in Redis, shared by every worker) would otherwise be served until they expire.
if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
"$PYTHON" manage.py clear_page_cache
echo "Restored $backup"
