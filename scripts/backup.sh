#!/usr/bin/env bash
# Back up the PostgreSQL database (pg_dump, custom format) and the uploaded media files into
# backups/<UTC timestamp>/. Prints the folder it wrote. Safe to run while the site is serving.
#   DATABASE_URL  the database to back up (required, postgres://...)
#   MEDIA_ROOT    the uploaded files (default: ./media)
#   BACKUP_ROOT   where backups go (default: ./backups)
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?Set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "Backups need a PostgreSQL DATABASE_URL (postgres://...)." >&2; exit 2 ;;
esac
media_root="${MEDIA_ROOT:-$PWD/media}"
backup_root="${BACKUP_ROOT:-$PWD/backups}"
target="$backup_root/$(date -u +%Y%m%dT%H%M%SZ)"
partial="$target.partial"

umask 077  # backups hold personal data from submissions: readable by this account only
mkdir -p "$partial"
trap 'rm -rf "$partial"' EXIT

pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$partial/database.dump"
if [ -d "$media_root" ]; then
  tar -C "$media_root" -czf "$partial/media.tar.gz" .
else
  tar -czf "$partial/media.tar.gz" --files-from /dev/null
fi
(cd "$partial" && sha256sum database.dump media.tar.gz > SHA256SUMS)

# Only a complete backup gets its final name.
mv "$partial" "$target"
trap - EXIT
echo "$target"
