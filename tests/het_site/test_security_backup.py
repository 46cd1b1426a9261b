"""`make backup` then `make restore` into a fresh database brings back every row and every uploaded file."""

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, connections

BASE_DIR = Path(__file__).resolve().parents[2]
DATABASE_URL = os.environ.get("DATABASE_URL", "")

pytestmark = [
    pytest.mark.skipif(
        not DATABASE_URL.startswith(("postgres://", "postgresql://")),
        reason="backups use pg_dump: set DATABASE_URL to a PostgreSQL database (CI does)",
    ),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs the PostgreSQL client tools"),
]

SEED = """
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from core.factories import HETImageFactory
from pages.factories import HomePageFactory, StandardPageFactory
home = HomePageFactory.as_site_root()
page = StandardPageFactory(parent=home, title="Healthy homes", listing_image=HETImageFactory(title="Town hall"))
page.title = "Healthy homes in Luton"
page.save_revision().publish()
page.title = "Healthy homes in Luton (draft)"
page.save_revision()
page.listing_image.get_rendition("width-120")
get_user_model().objects.create_user("officer", "officer@example.org", "correct horse battery staple 42")
Redirect.objects.create(old_path="/old-housing-page", redirect_page=page)
"""

REPORT = """
from core.models import HETImage
from wagtail.models import Page, Revision
for page in Page.objects.order_by("path"):
    print("page", page.title, page.live, page.has_unpublished_changes)
print("revisions", Revision.objects.count(), sorted(r.content["title"] for r in Revision.objects.all()))
for image in HETImage.objects.all():
    print("image", image.title, image.file.name, image.file.storage.exists(image.file.name))
    for rendition in image.renditions.all():
        print("rendition", rendition.file.name, rendition.file.storage.exists(rendition.file.name))
"""


def psql(database_url, sql):
    result = subprocess.run(  # noqa: S603
        ["psql", "--no-psqlrc", "-At", "-v", "ON_ERROR_STOP=1", "--dbname", database_url, "-c", sql],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def url_for(database):
    return DATABASE_URL.rsplit("/", 1)[0] + "/" + database


def row_counts(database_url):
    tables = psql(database_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").split()
    # Table names come from the catalogue, not from input.
    return {table: int(psql(database_url, f'SELECT count(*) FROM "{table}"')) for table in tables}  # noqa: S608


def run(args, **env):
    result = subprocess.run(  # noqa: S603
        args, cwd=BASE_DIR, env={**os.environ, **env}, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def media_files(root):
    return {path.relative_to(root): path.read_bytes() for path in root.rglob("*") if path.is_file()}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_pages_revisions_images_and_every_row(tmp_path):
    # A copy of the migrated test database is the site being backed up; the restore goes into an empty one.
    suffix = secrets.token_hex(4)
    source_db, restored_db = f"het_backup_source_{suffix}", f"het_backup_restored_{suffix}"
    template = connection.settings_dict["NAME"]
    connections.close_all()
    # PostgreSQL copies a template only while nobody is connected to it. Connections that earlier tests in this
    # process opened in other contexts (Playwright's event loop gives Django separate connection objects)
    # cannot be closed from here, so end them on the server.
    psql(
        url_for("postgres"),
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template}' "  # noqa: S608
        "AND pid <> pg_backend_pid()",
    )
    psql(url_for("postgres"), f'CREATE DATABASE "{source_db}" TEMPLATE "{template}"')
    psql(url_for("postgres"), f'CREATE DATABASE "{restored_db}"')
    source, restored = url_for(source_db), url_for(restored_db)
    source_media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    # Its own cache keys too: a Redis left with an earlier run's entries (an image rendition under the same image
    # id and file hash, say) must not stand in for rows this run should write.
    site = {
        "DJANGO_SETTINGS_MODULE": "het_site.settings.dev",
        "SECRET_KEY": "backup-test-" + suffix,
        "CACHE_KEY_PREFIX": "backup-test-" + suffix,
    }
    manage = [sys.executable, "manage.py", "shell", "-c"]
    try:
        run([*manage, SEED], DATABASE_URL=source, MEDIA_ROOT=str(source_media), **site)
        backup_env = {"DATABASE_URL": source, "MEDIA_ROOT": str(source_media), "BACKUP_ROOT": str(tmp_path / "b")}
        backup = Path(run([str(BASE_DIR / "scripts/backup.sh")], **backup_env).strip().splitlines()[-1])
        assert sorted(p.name for p in backup.iterdir()) == ["SHA256SUMS", "database.dump", "media.tar.gz"]

        restore_env = {"DATABASE_URL": restored, "MEDIA_ROOT": str(restored_media), "PYTHON": sys.executable}
        restore_output = run([str(BASE_DIR / "scripts/restore.sh"), str(backup)], **restore_env, **site)
        assert "Cached pages will be rebuilt from the database on their next visit." in restore_output

        before = row_counts(source)
        assert before["wagtailcore_revision"] >= 2 and before["core_hetimage"] == 1
        assert row_counts(restored) == before
        assert media_files(restored_media) == media_files(source_media)
        assert any(path.parts[0] == "original_images" for path in media_files(restored_media))

        report = run([*manage, REPORT], DATABASE_URL=restored, MEDIA_ROOT=str(restored_media), **site)
        assert report == run([*manage, REPORT], DATABASE_URL=source, MEDIA_ROOT=str(source_media), **site)
        assert "page Healthy homes in Luton True True" in report
        assert "Healthy homes in Luton (draft)" in report
        assert "image Town hall original_images/" in report
        files = [line for line in report.splitlines() if line.startswith(("image ", "rendition "))]
        assert len(files) == 2 and all(line.endswith(" True") for line in files), files
    finally:
        for database in (source_db, restored_db):
            psql(url_for("postgres"), f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_restore_refuses_an_incomplete_backup(tmp_path):
    (tmp_path / "database.dump").write_bytes(b"")
    result = subprocess.run(  # noqa: S603
        [str(BASE_DIR / "scripts/restore.sh"), str(tmp_path)],
        cwd=BASE_DIR,
        env={**os.environ, "DATABASE_URL": url_for("het_never_touched")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "is not a complete backup" in result.stderr
