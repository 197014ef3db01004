"""Importing a file: the one place that starts an import, for the command, the task and tests.

Each run is all-or-nothing: everything is written inside one database transaction, so a
file that turns out to be broken halfway (or a crash) leaves the site exactly as it was,
and image files stored during a failed or dry run are deleted again. Re-running the same
file, or a later and larger export of the same site, is always safe: it updates in place.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from peninsula.core import cache_version
from peninsula.importers.garbage import fewer_collections
from peninsula.importers.loader import Loader, ProgressCallback
from peninsula.importers.mapping import load_mapping
from peninsula.importers.models import ImportRun
from peninsula.importers.report import Report
from peninsula.importers.sources.wordpress import WordPressSource

SOURCES = {"wordpress": WordPressSource}


class _RollBack(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


def import_file(
    path: str,
    *,
    source: str = "wordpress",
    uploads_dir: str | None = None,
    mapping_text: str = "",
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    index_now: bool = False,
) -> Report:
    """Import the export at `path`. Raises SourceError, MappingError or LookupError.

    What it created or changed is indexed for search by a queued task (the admin's imports,
    run by the worker), or here before returning with `index_now` (the command line, where
    no worker may be running: its user expects to search the posts once it has ended)."""
    mapping = load_mapping(mapping_text)
    if uploads_dir and not Path(uploads_dir).is_dir():
        raise FileNotFoundError(f"The uploads folder {uploads_dir} does not exist.")
    report = Report(dry_run=dry_run)
    loader = Loader(
        SOURCES[source](path),
        uploads_dir=uploads_dir,
        mapping=mapping,
        mapping_text=mapping_text,
        report=report,
        progress=progress,
    )
    started = time.monotonic()
    succeeded = False
    try:
        with fewer_collections():
            with transaction.atomic():
                loader.run()
                if dry_run:
                    raise _RollBack
            succeeded = True
            # Indexed once the import is committed, never inside it: a worker that picked the
            # task up sooner (RQ takes it from Redis at once) would find nothing to index,
            # and the import's transaction would hold the write lock for longer still.
            if index_now:
                loader.index_touched()
            else:
                loader.queue_indexing()
    except _RollBack:
        pass
    finally:
        if not succeeded:
            loader.library.delete_written()
            cache_version.forget()  # cached figures may count rolled-back pages
    report.seconds = time.monotonic() - started
    return report


def imports_dir() -> Path:
    """Where uploaded export files wait for the worker: private, outside the media folder."""
    path = Path(settings.DATA_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def create_import_run(
    uploaded, *, mapping_text: str = "", uploads_dir: str = "", dry_run: bool = False, user=None
) -> ImportRun:
    """Store an uploaded export file and record a queued run for it."""
    destination = imports_dir() / f"{uuid.uuid4().hex}.xml"
    with destination.open("wb") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    return ImportRun.objects.create(
        file_name=os.path.basename(uploaded.name)[:255],
        file_path=str(destination),
        uploads_dir=uploads_dir,
        mapping=mapping_text,
        dry_run=dry_run,
        started_by=user,
    )


def progress_path(run: ImportRun) -> Path:
    return Path(run.file_path + ".progress.json")


def read_progress(run: ImportRun) -> dict:
    """The stage and counts a running import last wrote (written outside its transaction)."""
    try:
        return json.loads(progress_path(run).read_text())
    except (OSError, ValueError):
        return {}


def run_import(run: ImportRun) -> ImportRun:
    """Carry out a queued run, recording its progress, report or error on the run."""
    from peninsula.importers.mapping import MappingError
    from peninsula.importers.sources.base import SourceError

    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)
    target = progress_path(run)
    last_write = [0.0]

    def progress(stage: str, done: int, total: int):
        # A file, not the database: the run's own transaction would hide a row update from
        # the admin page until the very end.
        now = time.monotonic()
        if now - last_write[0] > 0.5 or done == total:
            last_write[0] = now
            target.write_text(json.dumps({"stage": stage, "done": done, "total": total}))

    try:
        report = import_file(
            run.file_path,
            source=run.source,
            uploads_dir=run.uploads_dir or None,
            mapping_text=run.mapping,
            dry_run=run.dry_run,
            progress=progress,
        )
    except SourceError as error:
        # Named as the editor uploaded it, not by the name it was stored under.
        named = SourceError(error.bare, line=error.line, path=run.file_name)
        run.status, run.error = ImportRun.Status.FAILED, f"Nothing was imported. {named}"
    except (MappingError, LookupError, OSError) as error:
        run.status, run.error = ImportRun.Status.FAILED, str(error)
    except Exception as error:
        run.status, run.error = ImportRun.Status.FAILED, f"{type(error).__name__}: {error}"
        raise
    else:
        run.status, run.report = ImportRun.Status.SUCCEEDED, report.as_dict()
    finally:
        run.finished_at = timezone.now()
        if run.status == ImportRun.Status.RUNNING:
            run.status = ImportRun.Status.FAILED
        run.save()
        target.unlink(missing_ok=True)
    return run
