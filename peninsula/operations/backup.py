"""One archive holding a site: its database and its uploaded media.

A backup is a .tar.gz with, in this order:

    manifest.json        format version, Peninsula version, database engine, when, counts
    database.sqlite3     (SQLite) or database.sql (PostgreSQL): see databases.py
    media/...            every file in the media storage, under its storage name

Media are read and written through Django's default storage, so a site keeping them in
object storage is backed up the same way as one keeping them in a folder.

A restore reads and checks the whole archive before it changes anything, then replaces the
database in one step and writes the media files back.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from peninsula.operations import databases

FORMAT = "peninsula-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    """Why a backup or restore cannot go ahead, in words an operator can act on."""


@dataclass
class Summary:
    engine: str
    media_files: int
    media_bytes: int


def peninsula_version() -> str:
    try:
        return version("peninsula")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def default_output_name() -> str:
    return f"peninsula-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"


# Backup -------------------------------------------------------------------------------------


def create_backup(output: Path, say: Callable[[str], None] = lambda line: None) -> Summary:
    """Write the database and media to `output`; a half-written archive never appears there."""
    try:
        engine = databases.engine()
    except databases.DatabaseCopyError as error:
        raise BackupError(str(error)) from error
    media = list(_media_files())
    partial = output.with_name(f".{output.name}.partial")
    try:
        with tempfile.TemporaryDirectory(prefix="peninsula-backup-") as work:
            dump = Path(work) / databases.dump_file_name(engine)
            say(f"Copying the {ENGINE_NAMES[engine]} database...")
            databases.dump(dump)
            media_bytes = sum(size for _name, size in media)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "peninsula_version": peninsula_version(),
                "engine": engine,
                "database_file": dump.name,
                "created_at": timezone.now().isoformat(),
                "media_files": len(media),
                "media_bytes": media_bytes,
            }
            with tarfile.open(partial, "w:gz") as archive:
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
                archive.add(dump, arcname=dump.name)
                say(f"Adding {len(media)} media files ({_size(media_bytes)})...")
                for name, size in media:
                    _add_media(archive, name, size)
        os.replace(partial, output)
    except databases.DatabaseCopyError as error:
        raise BackupError(f"Could not copy the database: {error}") from error
    except OSError as error:
        raise BackupError(f"Could not write {output}: {error}") from error
    finally:
        partial.unlink(missing_ok=True)
    return Summary(engine, len(media), media_bytes)


def _media_files(folder: str = "") -> Iterator[tuple[str, int]]:
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # no upload yet: the media folder does not exist
        return
    for file_name in sorted(files):
        name = f"{folder}/{file_name}" if folder else file_name
        yield name, default_storage.size(name)
    for sub in sorted(folders):
        yield from _media_files(f"{folder}/{sub}" if folder else sub)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o644
    archive.addfile(info, io.BytesIO(data))


def _add_media(archive: tarfile.TarFile, name: str, size: int) -> None:
    info = tarfile.TarInfo(f"{MEDIA}/{name}")
    info.size, info.mode = size, 0o644
    info.mtime = int(timezone.now().timestamp())
    with default_storage.open(name, "rb") as source:
        archive.addfile(info, source)


# Restore ------------------------------------------------------------------------------------


def restore_backup(
    archive_path: Path, force: bool = False, say: Callable[[str], None] = lambda line: None
) -> Summary:
    with tempfile.TemporaryDirectory(prefix="peninsula-restore-") as work:
        work_dir = Path(work)
        manifest = _unpack(archive_path, work_dir)
        engine = _check_engine(manifest)
        dump = work_dir / manifest["database_file"]
        try:
            databases.check_dump(dump, engine)
        except databases.DatabaseCopyError as error:
            raise BackupError(f"{archive_path} cannot be restored: {error}.") from error
        _check_target_is_empty(force)

        say(
            f"Restoring the {ENGINE_NAMES[engine]} database from a backup of "
            f"{manifest.get('created_at', 'an unknown date')} "
            f"(Peninsula {manifest.get('peninsula_version', 'unknown')})..."
        )
        try:
            databases.load(dump)
        except databases.DatabaseCopyError as error:
            raise BackupError(f"The database was not changed: {error}") from error

        media_root = work_dir / MEDIA
        media = sorted(path for path in media_root.rglob("*") if path.is_file())
        media_bytes = sum(path.stat().st_size for path in media)
        say(f"Writing {len(media)} media files...")
        try:
            for path in media:
                _write_media(path.relative_to(media_root).as_posix(), path)
        except OSError as error:
            raise BackupError(
                f"The database was restored but media files could not be written ({error}): "
                "fix the storage and run the restore again with --force."
            ) from error
    # Counts, menus and the site lookup remembered from the database before.
    for cache in caches.all():
        cache.clear()
    return Summary(engine, len(media), media_bytes)


def _unpack(archive_path: Path, work_dir: Path) -> dict:
    """Extract the archive and return its manifest, or explain why it is not a backup."""
    not_a_backup = f"{archive_path} is not a Peninsula backup"
    if not archive_path.is_file():
        raise BackupError(f"{archive_path} does not exist.")
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            # The manifest comes first: another program's archive is refused unread.
            first = archive.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupError(f"{not_a_backup}: it does not start with {MANIFEST}.")
            manifest = _read_manifest(archive.extractfile(first).read(), not_a_backup)
            # "data": only plain files and folders, inside the target folder.
            archive.extractall(work_dir, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"{not_a_backup}, or it is damaged ({error}).") from error
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{archive_path} is a backup in format {manifest.get('format_version')}; this "
            f"Peninsula ({peninsula_version()}) reads format {FORMAT_VERSION}. Restore it with "
            f"the Peninsula version that made it ({manifest.get('peninsula_version')})."
        )
    database_file = manifest.get("database_file")
    if database_file not in {databases.dump_file_name(name) for name in ENGINE_NAMES}:
        raise BackupError(f"{not_a_backup}: its manifest names no database file.")
    if not (work_dir / database_file).is_file():
        raise BackupError(f"{archive_path} is damaged: {database_file} is missing.")
    return manifest


def _read_manifest(data: bytes, not_a_backup: str) -> dict:
    try:
        manifest = json.loads(data)
    except ValueError as error:
        raise BackupError(f"{not_a_backup}: its {MANIFEST} is not JSON.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{not_a_backup}: its {MANIFEST} is another program's.")
    return manifest


def _check_engine(manifest: dict) -> str:
    try:
        here = databases.engine()
    except databases.DatabaseCopyError as error:
        raise BackupError(str(error)) from error
    there = manifest.get("engine")
    if there != here:
        raise BackupError(
            f"This backup holds a {ENGINE_NAMES.get(there, str(there))} database, and this "
            f"site uses {ENGINE_NAMES[here]}: a backup restores onto the engine it was made "
            f"on. Point DATABASE_URL at a {ENGINE_NAMES.get(there, str(there))} database to "
            "restore it."
        )
    return here


def _check_target_is_empty(force: bool) -> None:
    tables = databases.table_count()
    if tables and not force:
        raise BackupError(
            f"The database already holds {tables} tables, and a restore replaces all of them. "
            "Restore into a new, empty database, or run again with --force to replace this one."
        )


def _write_media(name: str, path: Path) -> None:
    # The storage must keep the name: a file of the same name is replaced, not renamed.
    if default_storage.exists(name):
        default_storage.delete(name)
    with path.open("rb") as source:
        default_storage.save(name, File(source, name=name))


def _size(count: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count} bytes"
