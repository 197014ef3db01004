"""How much one import may read: operator settings (docs/deployment.md), read when used.

Memory while importing grows with the largest single item, not with the file (the reader
streams), so the item limit is what keeps a worker's memory bounded; the file limit keeps a
mistaken upload (a database dump, a video) from occupying a worker for an hour.
"""

from django.conf import settings

MB = 1024 * 1024


def max_file_bytes() -> int:
    return int(getattr(settings, "PENINSULA_IMPORT_MAX_FILE_MB", 1024) * MB)


def max_item_bytes() -> int:
    return int(getattr(settings, "PENINSULA_IMPORT_MAX_ITEM_MB", 5) * MB)


def megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB"
