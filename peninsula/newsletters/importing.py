"""Subscribers in and out as CSV.

An import never stops at a bad row: it adds or updates every good one and reports each
rejected row with its line number and the reason. Nobody is added twice (addresses are
compared case-insensitively, within the file and against the database), and people who
unsubscribed or were stopped for bounces are never put back by an import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from peninsula.newsletters.actions import normalise_email
from peninsula.newsletters.models import ConsentRecord, MailingList, Subscriber

CHUNK = 500
MAX_REJECTIONS_LISTED = 1000
MAX_FIELD = 200
COLUMNS = ["email", "name", "organisation"]


class CSVImportError(Exception):
    """The file as a whole cannot be read; nothing was imported."""


def _rows(text: str) -> tuple[list[str], Iterator[list[str]]]:
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        raise CSVImportError("The file is empty.") from None
    except csv.Error as error:
        raise CSVImportError(f"This is not a readable CSV file: {error}") from None
    if not any(header) and not text.strip():
        raise CSVImportError("The file is empty.")
    if "email" not in header:
        raise CSVImportError(
            "The first row must name the columns, one of them 'email' "
            "(and optionally 'name' and 'organisation')."
        )
    return header, reader


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CSVImportError(
            "The file is not UTF-8 text; save it as 'CSV UTF-8' and try again."
        ) from None


def import_csv(
    data: bytes,
    lists: list[MailingList],
    *,
    consent_note: str,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Import subscribers. Returns {"added", "updated", "rejected", "rejections": [...]}."""
    text = decode(data)
    total = max(text.count("\n"), 1)
    header, reader = _rows(text)
    report = {"added": 0, "updated": 0, "rejected": 0, "rejections": []}
    seen: dict[str, int] = {}
    chunk: list[tuple[int, str, str, str]] = []

    def reject(line, email, reason):
        report["rejected"] += 1
        if len(report["rejections"]) < MAX_REJECTIONS_LISTED:
            report["rejections"].append({"line": line, "email": email[:254], "reason": reason})

    try:
        for row in reader:
            line = reader.line_num
            values = dict(zip(header, (cell.strip() for cell in row), strict=False))
            email = normalise_email(values.get("email", ""))
            if not any(cell.strip() for cell in row):
                continue
            reason = _problem(email, values, len(row), len(header), seen)
            if reason:
                reject(line, email, reason)
                continue
            seen[email] = line
            chunk.append((line, email, values.get("name", ""), values.get("organisation", "")))
            if len(chunk) >= CHUNK:
                _write(chunk, lists, consent_note, report, reject)
                chunk = []
                if progress:
                    progress(min(line, total), total)
    except csv.Error as error:
        raise CSVImportError(
            f"Line {reader.line_num} is not valid CSV ({error}); rows before it were imported."
        ) from None
    finally:
        if chunk:
            _write(chunk, lists, consent_note, report, reject)
    if progress:
        progress(total, total)
    return report


def _problem(email, values, width, header_width, seen) -> str:
    if not email:
        return "no email address"
    try:
        validate_email(email)
    except ValidationError:
        return "not a valid email address"
    if len(email) > 254:
        return "email address longer than 254 characters"
    if email in seen:
        return f"the same address as line {seen[email]}"
    if width > header_width:
        return "more cells than the header names"
    for column in ("name", "organisation"):
        if len(values.get(column, "")) > MAX_FIELD:
            return f"{column} longer than {MAX_FIELD} characters"
    return ""


@transaction.atomic
def _write(chunk, lists, consent_note, report, reject) -> None:
    emails = [email for _, email, _, _ in chunk]
    existing = {s.email: s for s in Subscriber.objects.filter(email__in=emails)}
    now = timezone.now()
    new = []
    for line, email, name, organisation in chunk:
        known = existing.get(email)
        if known is None:
            new.append(
                Subscriber(
                    email=email,
                    name=name,
                    organisation=organisation,
                    status=Subscriber.Status.ACTIVE,
                    confirmed_at=now,
                )
            )
        elif known.status in {Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.SUPPRESSED}:
            reject(line, email, f"{known.get_status_display().lower()}; only they can rejoin")
            existing.pop(email)
        else:
            report["updated"] += 1
    created = Subscriber.objects.bulk_create(new)
    report["added"] += len(created)
    people = [*created, *existing.values()]
    if not people:
        return
    # bulk_create sets primary keys on PostgreSQL and SQLite 3.35+ alike.
    through = Subscriber.lists.through
    through.objects.bulk_create(
        [through(subscriber_id=p.pk, mailinglist_id=ml.pk) for p in people for ml in lists],
        ignore_conflicts=True,
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(subscriber_id=p.pk, action="import", source=consent_note[:200], at=now)
        for p in people
    )


def export_rows(queryset) -> Iterator[list[str]]:
    """Header and one row per subscriber. Cells that a spreadsheet would run as a formula
    are prefixed with an apostrophe (CSV injection)."""
    yield ["email", "name", "organisation", "status", "lists", "confirmed_at", "created_at"]
    queryset = queryset.prefetch_related("lists").order_by("pk")
    for s in queryset.iterator(chunk_size=2000):
        row = [
            s.email,
            s.name,
            s.organisation,
            s.status,
            "; ".join(ml.name for ml in s.lists.all()),
            s.confirmed_at.isoformat() if s.confirmed_at else "",
            s.created_at.isoformat(),
        ]
        yield [_safe(cell) for cell in row]


def _safe(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def run_import(import_id: int) -> str:
    """Carry out a queued upload, recording progress and the report on its row."""
    from pathlib import Path

    from peninsula.newsletters.models import SubscriberImport

    job = SubscriberImport.objects.get(pk=import_id)
    SubscriberImport.objects.filter(pk=job.pk).update(status=SubscriberImport.Status.RUNNING)

    def progress(done, total):
        SubscriberImport.objects.filter(pk=job.pk).update(done=done, total=total)

    path = Path(job.file_path)
    try:
        report = import_csv(
            path.read_bytes(),
            list(job.lists.all()),
            consent_note=job.consent_note,
            progress=progress,
        )
    except CSVImportError as error:
        SubscriberImport.objects.filter(pk=job.pk).update(
            status=SubscriberImport.Status.FAILED, error=str(error)
        )
        return SubscriberImport.Status.FAILED
    finally:
        path.unlink(missing_ok=True)
    SubscriberImport.objects.filter(pk=job.pk).update(
        status=SubscriberImport.Status.DONE, report=report
    )
    return SubscriberImport.Status.DONE
