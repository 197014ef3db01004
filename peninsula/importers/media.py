"""Attachments from a local copy of wp-content/uploads, as Wagtail images and documents.

Files are matched by content: an identical file already in the library (imported before,
or uploaded by an editor) is reused, so importing twice, or two attachments of the same
file, never stores a second copy. Wagtail keeps the SHA-1 of every image and document.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage

from peninsula.assets.models import CustomDocument, CustomImage
from peninsula.importers.sources.base import Media

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "avif", "heic"}


class MediaLibrary:
    """Imports attachments; remembers files it wrote so a failed run can delete them."""

    def __init__(self, uploads_dir: str | None):
        self.uploads = Path(uploads_dir).resolve() if uploads_dir else None
        self.written: list[str] = []

    def kind_of(self, media: Media) -> str | None:
        extension = media.relative_path.rsplit(".", 1)[-1].lower() if media.relative_path else ""
        if extension in IMAGE_EXTENSIONS:
            return "image"
        if extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", ["pdf"]):
            return "document"
        return None

    def locate(self, media: Media) -> Path | None:
        """The file under --uploads, refusing any path that would lead outside it."""
        if self.uploads is None or not media.relative_path:
            return None
        path = (self.uploads / media.relative_path.lstrip("/")).resolve()
        if not path.is_relative_to(self.uploads) or not path.is_file():
            return None
        return path

    def save(self, media: Media, kind: str, path: Path, existing=None):
        """The image or document for this file: the one with the same content, or a new one."""
        digest = _sha1(path)
        model = CustomImage if kind == "image" else CustomDocument
        if existing is not None and existing.file_hash == digest:
            return existing, False
        same = model.objects.filter(file_hash=digest).first()
        if same is not None:
            return same, False
        title = (media.title or path.stem)[:255]
        with path.open("rb") as handle:
            if kind == "image":
                item = CustomImage(
                    title=title,
                    alt_text=media.alt_text[:500],
                    caption=_plain(media.caption)[:500],
                )
            else:
                item = CustomDocument(title=title, description=_plain(media.description))
            item.file = File(handle, name=os.path.basename(path))
            item.file_hash = digest
            item.file_size = path.stat().st_size
            item.save()
        self.written.append(item.file.name)
        return item, True

    def delete_written(self):
        """After a failed or dry run: remove the files this run stored."""
        for name in self.written:
            with contextlib.suppress(OSError):
                default_storage.delete(name)
        self.written = []


def _sha1(path: Path) -> str:
    digest = hashlib.sha1()  # noqa: S324 (the hash Wagtail stores, not a security measure)
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _plain(html: str) -> str:
    from peninsula.importers.blocks import plain_text

    return plain_text(html) if "<" in html else html.strip()
