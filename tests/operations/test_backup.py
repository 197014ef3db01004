"""`peninsula backup` and `peninsula restore` on the database the suite runs on (SQLite or
PostgreSQL): a round trip into an empty database, and every way a restore must refuse."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from tests import factories
from tests.newsletters.factories import CampaignFactory, MailingListFactory, SubscriberFactory

COMPARED = {
    "pages": "SELECT id, title, url_path, live, latest_revision_id, path FROM wagtailcore_page",
    "revisions": "SELECT id, object_id, content_type_id FROM wagtailcore_revision",
    "subscribers": "SELECT id, email, name, status, key FROM newsletters_subscriber",
    "memberships": "SELECT subscriber_id, mailinglist_id FROM newsletters_subscriber_lists",
    "campaigns": "SELECT id, subject, status, introduction FROM newsletters_campaign",
    "images": "SELECT id, title, file, file_hash FROM wagtailimages_image",
}


def rows(cursor, sql: str) -> list[tuple]:
    cursor.execute(f"{sql} ORDER BY 1, 2")
    # SQLite answers booleans as 0 and 1.
    return [tuple(int(v) if isinstance(v, bool) else v for v in row) for row in cursor.fetchall()]


def snapshot_here() -> dict[str, list[tuple]]:
    with connection.cursor() as cursor:
        return {name: rows(cursor, sql) for name, sql in COMPARED.items()}


def media_here() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


class ScratchSite:
    """An empty database and data folder, which `peninsula restore` fills in a subprocess."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data_dir = folder / "data"
        self.data_dir.mkdir()
        if on_postgresql():
            self.name = f"peninsula_h3_restore_{os.getpid()}"
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
            db = settings.DATABASES["default"]
            password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
            self.url = (
                f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{self.name}"
            )
        else:
            self.path = folder / "restored.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def _admin(self, *statements):
        import psycopg

        db = settings.DATABASES["default"]
        with psycopg.connect(
            host=db["HOST"],
            port=db["PORT"] or 5432,
            user=db["USER"],
            password=db.get("PASSWORD") or None,
            dbname="postgres",
            autocommit=True,
        ) as admin:
            for statement in statements:
                admin.execute(statement)

    def drop(self):
        if on_postgresql():
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def restore(self, archive: Path, *options: str) -> subprocess.CompletedProcess:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "peninsula.settings.test",
            "DATABASE_URL": self.url,
            "PENINSULA_DATA_DIR": str(self.data_dir),
        }
        return subprocess.run(
            [sys.executable, "-m", "peninsula", "restore", str(archive), *options],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def snapshot(self) -> dict[str, list[tuple]]:
        if on_postgresql():
            import psycopg

            with psycopg.connect(self.url) as restored, restored.cursor() as cursor:
                return {name: rows(cursor, sql) for name, sql in COMPARED.items()}
        with closing(sqlite3.connect(self.path)) as restored:
            cursor = restored.cursor()
            return {name: rows(cursor, sql) for name, sql in COMPARED.items()}

    def media(self) -> dict[str, bytes]:
        root = self.data_dir / "media"
        return {
            path.relative_to(root).as_posix(): path.read_bytes()
            for path in root.rglob("*")
            if path.is_file()
        }


@pytest.fixture
def scratch(tmp_path):
    site = ScratchSite(tmp_path)
    yield site
    site.drop()


def build_content():
    series = factories.SeriesPageFactory(title="Commentary")
    author = factories.PersonPageFactory(title="Jane Park")
    image = factories.ImageFactory(title="Harbour at dawn")
    for number in range(3):
        factories.ArticlePageFactory(
            title=f"On deterrence {number}", series=series, authors=[author]
        )
    draft = factories.ArticlePageFactory(title="Not yet", series=series, live=False)
    draft.title = "Not yet, edited"
    draft.save_revision()  # a later revision than the published state
    weekly = MailingListFactory(name="Weekly")
    for number in range(4):
        SubscriberFactory(email=f"reader{number}@example.org", lists=[weekly])
    CampaignFactory(subject="March", lists=[weekly])
    CampaignFactory(subject="April")
    return image


def backup_to(path: Path) -> Path:
    call_command("backup_site", "--output", str(path))
    return path


@pytest.mark.usefixtures("migrated")  # pg_dump reads from its own connection: commit the data
def test_round_trip_into_an_empty_database(tmp_path, scratch):
    image = build_content()
    archive = backup_to(tmp_path / "site.tar.gz")
    expected, expected_media = snapshot_here(), media_here()
    assert image.file.name in expected_media
    assert len(expected["pages"]) >= 8 and len(expected["subscribers"]) == 4

    done = scratch.restore(archive)
    assert done.returncode == 0, done.stderr
    assert "Restored the database" in done.stdout
    assert scratch.snapshot() == expected
    assert scratch.media() == expected_media

    # Once restored, the database holds data: a second restore needs --force, and replaces it.
    again = scratch.restore(archive)
    assert again.returncode == 1
    assert "--force" in again.stderr
    forced = scratch.restore(archive, "--force")
    assert forced.returncode == 0, forced.stderr
    assert scratch.snapshot() == expected


@pytest.mark.usefixtures("migrated")
def test_a_dump_that_fails_halfway_changes_nothing(tmp_path, scratch):
    build_content()
    archive = backup_to(tmp_path / "site.tar.gz")
    assert scratch.restore(archive).returncode == 0
    before = scratch.snapshot()

    manifest, members = read_archive(archive)
    dump_name = manifest["database_file"]
    if on_postgresql():
        # A real dump whose last statement fails: the tables are already dropped by then.
        broken = members[dump_name] + b"\nSELECT no_such_function();\n"
    else:
        broken = members[dump_name][: len(members[dump_name]) // 2]
    damaged = write_archive(tmp_path / "damaged.tar.gz", manifest, {dump_name: broken})

    done = scratch.restore(damaged, "--force")
    assert done.returncode == 1
    assert "Error:" in done.stderr and "Traceback" not in done.stderr
    assert scratch.snapshot() == before


def read_archive(path: Path) -> tuple[dict, dict[str, bytes]]:
    with tarfile.open(path, "r:gz") as archive:
        members = {m.name: archive.extractfile(m).read() for m in archive if m.isfile()}
    return json.loads(members.pop("manifest.json")), members


def write_archive(path: Path, manifest: dict | None, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        items = {} if manifest is None else {"manifest.json": json.dumps(manifest).encode()}
        for name, data in {**items, **members}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def manifest_for(**changes) -> dict:
    engine = connection.vendor
    return {
        "format": "peninsula-backup",
        "format_version": 1,
        "peninsula_version": "0.1.0",
        "engine": engine,
        "database_file": "database.sqlite3" if engine == "sqlite" else "database.sql",
        **changes,
    }


@pytest.fixture
def page_count(migrated):
    """Committed data (`migrated` is transactional): pg_dump and SQLite's backup read it
    from outside the test's transaction, and SQLite's would wait for that to end."""
    return Page.objects.count()


def test_restore_refuses_a_database_holding_data(tmp_path, page_count):
    archive = backup_to(tmp_path / "site.tar.gz")
    with pytest.raises(CommandError, match="already holds .* tables.*--force"):
        call_command("restore_site", str(archive))
    assert Page.objects.count() == page_count


def test_restore_refuses_a_backup_of_the_other_engine(tmp_path, page_count):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    name = "database.sql" if other == "postgresql" else "database.sqlite3"
    archive = write_archive(
        tmp_path / "other.tar.gz",
        manifest_for(engine=other, database_file=name),
        {name: b"-- PostgreSQL database dump\n"},
    )
    here = "SQLite" if connection.vendor == "sqlite" else "PostgreSQL"
    with pytest.raises(CommandError, match=f"holds a .* database, and this site uses {here}"):
        call_command("restore_site", str(archive), "--force")
    assert Page.objects.count() == page_count


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some bytes, not gzip", "not a Peninsula backup, or it is damaged"),
        (None, "does not start with manifest.json"),  # a tar.gz of something else
        ({"format": "other"}, "another program's"),
        ("format 2", "reads format 1"),
        ("no dump", "database.sql.* is missing|database.sqlite3 is missing"),
        ("bad dump", "cannot be restored"),
    ],
)
def test_restore_refuses_a_foreign_or_damaged_file(tmp_path, page_count, content, message):
    path = tmp_path / "file.tar.gz"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is None:
        write_archive(path, None, {"notes.txt": b"holiday photos"})
    elif isinstance(content, dict):
        write_archive(path, content, {})
    elif content == "format 2":
        write_archive(path, manifest_for(format_version=2), {})
    elif content == "no dump":
        write_archive(path, manifest_for(), {"media/a.txt": b"a"})
    else:
        manifest = manifest_for()
        write_archive(path, manifest, {manifest["database_file"]: b"SQLite? no."})
    with pytest.raises(CommandError, match=message):
        call_command("restore_site", str(path), "--force")
    assert Page.objects.count() == page_count


def test_a_truncated_archive_is_refused(tmp_path, page_count):
    archive = backup_to(tmp_path / "site.tar.gz")
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore_site", str(archive), "--force")
    assert Page.objects.count() == page_count


@pytest.mark.usefixtures("migrated")
def test_backup_manifest_says_what_it_holds(tmp_path):
    archive = backup_to(tmp_path / "site.tar.gz")
    manifest, members = read_archive(archive)
    assert manifest["format"] == "peninsula-backup"
    assert manifest["format_version"] == 1
    assert manifest["engine"] == connection.vendor
    assert manifest["peninsula_version"]
    assert manifest["database_file"] in members
    media = {name for name in members if name.startswith("media/")}
    assert manifest["media_files"] == len(media)
    assert not list(tmp_path.glob(".*partial"))  # the archive was written in place at the end
