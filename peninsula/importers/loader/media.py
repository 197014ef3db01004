"""Attachments into Wagtail's image and document libraries."""

from __future__ import annotations

from django.db import transaction

from peninsula.importers.blocks import plain_text


class MediaLoading:
    """Fills `self.media` (attachment key -> kind, id, caption, url) for pages and redirects."""

    def import_media(self):
        total = len(self.index.media)
        for done, (key, media) in enumerate(self.index.media.items(), 1):
            self.progress("Media", done, total)
            where = f"attachment {key} {media.relative_path or media.url}"
            kind = self.library.kind_of(media)
            if kind is None:
                self.report.skip("attachment of a type Peninsula does not store", where)
                continue
            path = self.library.locate(media)
            if path is None:
                reason = (
                    "attachment file missing from --uploads"
                    if self.library.uploads
                    else "attachment not imported: no --uploads folder given"
                )
                self.report.skip(reason, where)
                continue
            known = self.known.get(("attachment", key))
            existing = None
            model = model_for(kind)
            if known is not None:
                existing = model.objects.filter(pk=known.object_id).first()
            try:
                # A savepoint: a file Pillow cannot read fails alone, not the whole run.
                with transaction.atomic():
                    item, created = self.library.save(media, kind, path, existing)
            except Exception as error:
                self.report.skip(f"attachment file unreadable ({type(error).__name__})", where)
                continue
            plural = "images" if kind == "image" else "documents"
            self.touch(item)
            if created:
                self.report.created[plural] += 1
            elif known is not None and existing is not None and existing.pk == item.pk:
                self.report.unchanged[plural] += 1
            else:
                self.report.unchanged[plural + " (same file already in the library)"] += 1
            caption = getattr(item, "caption", "") or plain_text(media.caption)
            self.media[key] = (
                kind,
                item.pk,
                caption,
                item.file.url if kind == "image" else item.url,
            )
            self.remember("attachment", key, item, old_url=media.url)


def model_for(kind: str):
    """The library model an attachment of `kind` (image or document) is saved in."""

    from peninsula.assets.models import CustomDocument, CustomImage

    return CustomImage if kind == "image" else CustomDocument
