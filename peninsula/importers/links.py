"""Old addresses: links inside posts rewritten to the new pages, and redirects for visitors.

Every imported entry's permalink and every attachment's file and page address are indexed
by path. A link in a body to one of them becomes a Wagtail page or document link (so it
follows the page if it moves); the permalinks become 301 redirects; `?p=ID`,
`?page_id=ID` and `?attachment_id=ID` are answered by the hook in `wagtail_hooks.py`.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import parse_qs, unquote, urlparse

from wagtail.contrib.redirects.models import Redirect

from peninsula.importers.sources.base import SourceIndex

_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
QUERY_KEYS = ("p", "page_id", "attachment_id")


def path_key(url: str) -> str:
    """The comparable form of an old address: its path, decoded, without trailing slash."""
    path = unquote(urlparse(url).path or "/")
    return path.rstrip("/") or "/"


class UrlIndex:
    """Old addresses -> ("entry" | "media", key)."""

    def __init__(self, index: SourceIndex):
        self.hosts = {index.origin, "www." + index.origin}
        self.by_path: dict[str, tuple[str, str]] = {}
        for key, entry in index.entries.items():
            self.hosts.add((urlparse(entry.url).hostname or "").lower())
            if entry.url:
                self.by_path[path_key(entry.url)] = ("entry", key)
        for key, media in index.media.items():
            for url in (media.url, media.page_url):
                if url:
                    self.by_path.setdefault(path_key(url), ("media", key))
            if media.url:
                self.by_path.setdefault(path_key(_SIZE_SUFFIX.sub("", media.url)), ("media", key))
        self.hosts.discard("")

    def find(self, href: str) -> tuple[str, str] | None:
        try:
            parts = urlparse(href.strip())
        except ValueError:
            return None
        if parts.scheme not in {"", "http", "https"}:
            return None
        host = (parts.hostname or "").lower()
        if host and host not in self.hosts:
            return None
        query = parse_qs(parts.query)
        for name, kind in (("p", "entry"), ("page_id", "entry"), ("attachment_id", "media")):
            if query.get(name, [""])[0].isdigit():
                return kind, query[name][0]
        if not parts.path:
            return None
        found = self.by_path.get(path_key(href))
        if found is None and parts.path:
            found = self.by_path.get(path_key(_SIZE_SUFFIX.sub("", parts.path)))
        return found

    def media_for_image(self, src: str, classes: str) -> str | None:
        match = _WP_IMAGE_CLASS.search(classes or "")
        if match:
            return match.group(1)
        found = self.find(src) if src else None
        return found[1] if found and found[0] == "media" else None


class EntryResolver:
    """Resolves one entry's images and links while its body is converted."""

    def __init__(self, loader, entry):
        self.loader = loader
        self.entry = entry
        self.forward_links = False

    def where(self) -> str:
        return f"line {self.entry.line}: {self.entry.kind} {self.entry.key}"

    def note(self, message: str):
        self.loader.report.warn(message, self.where())

    def image(self, src: str, classes: str, media_key: str):
        key = media_key or self.loader.urls.media_for_image(src, classes)
        stored = self.loader.media.get(key) if key else None
        if stored is None or stored[0] != "image":
            if key and key in self.loader.index.media:
                self.note("an image whose file was not imported was left out")
            else:
                self.note("an image from outside the export was left out")
            return None
        return stored[1], stored[2]

    def link(self, href: str) -> str:
        found = self.loader.urls.find(href)
        if found is not None:
            kind, key = found
            if kind == "entry":
                page_id = self.loader.page_ids.get(key)
                if page_id:
                    return f'linktype="page" id="{page_id}"'
                if key in self.loader.index.entries:
                    self.forward_links = True  # its page comes later in the file
            else:
                stored = self.loader.media.get(key)
                if stored and stored[0] == "document":
                    return f'linktype="document" id="{stored[1]}"'
                if stored:
                    return f'href="{escape(stored[3], quote=True)}"'
        if href.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
            return 'href="#"'
        return f'href="{escape(href.strip(), quote=True)}"'


def redirect_path(old_url: str, page=None) -> str:
    """The normalised old path to redirect, or "" when there is nothing to redirect."""
    old_path = Redirect.normalise_path(old_url)
    if not old_path or old_path == "/" or len(old_path) > 255:
        return ""
    if page is not None and (page.url_path or "").rstrip("/").endswith(old_path):
        return ""  # the new address is the old one
    return old_path


def save_redirects(wanted: dict[str, tuple[int | None, str]]) -> int:
    """Permanent site-independent redirects {old path: (page id, link)}; returns how many."""
    paths = list(wanted)
    existing = {}
    for start in range(0, len(paths), 500):
        for redirect in Redirect.objects.filter(site=None, old_path__in=paths[start : start + 500]):
            existing[redirect.old_path] = redirect
    new = []
    for old_path, (page_id, link) in wanted.items():
        redirect = existing.get(old_path)
        if redirect is None:
            new.append(
                Redirect(
                    old_path=old_path,
                    site=None,
                    redirect_page_id=page_id,
                    redirect_link=link,
                    is_permanent=True,
                )
            )
        elif (redirect.redirect_page_id, redirect.redirect_link) != (page_id, link):
            redirect.redirect_page_id, redirect.redirect_link = page_id, link
            redirect.is_permanent = True
            redirect.save()
    Redirect.objects.bulk_create(new, batch_size=500)
    return len(wanted)
