"""WordPress eXtended RSS (WXR) exports: what each record becomes.

`wxr_reader.py` reads the file as records, streaming and refusing hostile files; here the
records become the neutral people, terms, media and entries of `base.py`.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import unquote, urlparse
from xml.etree.ElementTree import Element

from peninsula.importers.sources.base import (
    Entry,
    EntrySummary,
    Media,
    Person,
    Progress,
    Source,
    SourceError,
    SourceIndex,
    Term,
)
from peninsula.importers.sources.wordpress_markup import prepare_html
from peninsula.importers.sources.wxr_reader import child_text as _text
from peninsula.importers.sources.wxr_reader import read_records

# WordPress status -> what the page becomes. Anything not here is skipped and reported.
STATUSES = {
    "publish": "live",
    "draft": "draft",
    "pending": "draft",
    "future": "scheduled",
    "private": "private",
}
IMPORTED_TYPES = {"post", "page"}
# Post types that are part of how WordPress works rather than content, skipped quietly
# (still counted in the report).
INTERNAL_TYPES = {
    "nav_menu_item": "navigation menu item (menus are rebuilt in Peninsula, not imported)",
    "revision": "revision (only the current version of each post is imported)",
    "custom_css": "theme data (custom CSS)",
    "customize_changeset": "theme data (customizer changeset)",
    "wp_global_styles": "theme data (global styles)",
    "wp_template": "theme data (block template)",
    "wp_template_part": "theme data (block template part)",
    "wp_navigation": "navigation menu (menus are rebuilt in Peninsula, not imported)",
    "wp_block": "reusable block (its content is not imported)",
    "oembed_cache": "oEmbed cache entry",
    "user_request": "privacy request",
    "guest-author": "co-author profile (co-authors are taken from each post's author terms)",
}


def _raw(element: Element, name: str) -> str:
    child = element.find(name)
    return (child.text or "") if child is not None else ""


def _meta(element: Element) -> dict[str, str]:
    return {
        _text(meta, "wp:meta_key"): _raw(meta, "wp:meta_value")
        for meta in element.findall("wp:postmeta")
    }


def _date(value: str, line: int, what: str) -> datetime.datetime | None:
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise SourceError(f"{what} has an unreadable date {value!r}.", line=line) from None


def _origin(site_url: str) -> str:
    return (urlparse(site_url).hostname or site_url or "wordpress").lower()


def _checksum(element: Element) -> str:
    digest = hashlib.sha256()
    for node in element.iter():
        digest.update(node.tag.encode())
        for key, value in sorted(node.attrib.items()):
            digest.update(f"{key}={value}".encode())
        digest.update(b"\0" + (node.text or "").encode() + b"\0" + (node.tail or "").encode())
    return digest.hexdigest()


class WordPressSource(Source):
    """Reads a WXR file (WordPress → Tools → Export → All content)."""

    name = "wordpress"

    def scan(self, progress: Progress | None = None) -> SourceIndex:
        with self._named():
            index: SourceIndex | None = None
            for channel, element, line in read_records(self.path, progress):
                if index is None:
                    site_url = channel.get("wp:base_blog_url") or channel.get("link", "")
                    index = SourceIndex(
                        origin=_origin(site_url),
                        site_url=site_url,
                        title=channel.get("title", ""),
                    )
                self._index_record(index, element, line)
            if index is None:
                index = SourceIndex(origin="wordpress", site_url="")
            return index

    @contextmanager
    def _named(self):
        """Errors found while reading the records name this file too, like the parser's."""
        try:
            yield
        except SourceError as error:
            if error.path:
                raise
            raise SourceError(
                error.bare, line=error.line, path=os.path.basename(self.path)
            ) from None

    def _index_record(self, index: SourceIndex, element: Element, line: int):
        tag = element.tag
        if tag == "wp:author":
            login = _text(element, "wp:author_login")
            name = _text(element, "wp:author_display_name") or " ".join(
                filter(
                    None,
                    [_text(element, "wp:author_first_name"), _text(element, "wp:author_last_name")],
                )
            )
            index.people[login] = Person(
                key=login, name=name or login, email=_text(element, "wp:author_email")
            )
        elif tag in {"wp:category", "wp:tag", "wp:term"}:
            term = self._term(element)
            if term:
                index.terms[(term.taxonomy, term.slug)] = term
        elif tag == "item":
            self._index_item(index, element, line)

    def _term(self, element: Element) -> Term | None:
        if element.tag == "wp:category":
            return Term(
                "category",
                unquote(_text(element, "wp:category_nicename")),
                _text(element, "wp:cat_name"),
                parent=unquote(_text(element, "wp:category_parent")),
                description=_text(element, "wp:category_description"),
            )
        if element.tag == "wp:tag":
            return Term(
                "tag",
                unquote(_text(element, "wp:tag_slug")),
                _text(element, "wp:tag_name"),
                description=_text(element, "wp:tag_description"),
            )
        taxonomy = _text(element, "wp:term_taxonomy")
        return Term(
            taxonomy,
            unquote(_text(element, "wp:term_slug")),
            _text(element, "wp:term_name"),
            parent=unquote(_text(element, "wp:term_parent")),
            description=_text(element, "wp:term_description"),
        )

    def _index_item(self, index: SourceIndex, element: Element, line: int):
        post_id = _text(element, "wp:post_id")
        post_type = _text(element, "wp:post_type")
        title = _text(element, "title")
        example = f"line {line}: {post_type or '?'} {post_id or '?'} {title[:60]!r}"
        if not post_id.isdigit():
            raise SourceError(
                f"an <item> has no usable <wp:post_id> ({post_id!r}); every item in a "
                "WordPress export has one. Export the site again.",
                line=line,
            )
        if post_type in INTERNAL_TYPES:
            index.skip(INTERNAL_TYPES[post_type], example)
            return
        # After the internal types: WordPress repeats a menu item's id in every menu.
        first = index.item_lines.setdefault(post_id, line)
        if first != line:
            # Keep the first, as WordPress's own importer does; never replace it silently.
            index.skip(
                "duplicate item id: an earlier item in the file has the same <wp:post_id>; "
                "the first is imported, this one is not",
                f"{example} (first at line {first})",
            )
            return
        if post_type == "attachment":
            meta = _meta(element)
            url = _text(element, "wp:attachment_url")
            relative = meta.get("_wp_attached_file", "").strip() or _uploads_path(url)
            index.media[post_id] = Media(
                key=post_id,
                url=url,
                relative_path=relative,
                title=title,
                caption=_raw(element, "excerpt:encoded").strip(),
                alt_text=meta.get("_wp_attachment_image_alt", "").strip(),
                description=_raw(element, "content:encoded").strip(),
                parent=_parent(element),
                page_url=_text(element, "link"),
            )
            return
        if post_type not in IMPORTED_TYPES:
            index.skip(f"unknown post type {post_type!r}", example)
            return
        status = _text(element, "wp:status")
        if status not in STATUSES:
            reason = {
                "trash": "in the WordPress trash",
                "auto-draft": "an empty auto-draft",
                "inherit": "a revision",
            }.get(status, f"unknown status {status!r}")
            index.skip(f"{post_type}: {reason}", example)
            return
        index.entries[post_id] = EntrySummary(
            key=post_id,
            kind=post_type,
            url=_text(element, "link"),
            slug=unquote(_text(element, "wp:post_name")),
            parent=_parent(element),
        )

    def entries(
        self, index: SourceIndex, progress: Progress | None = None, only: set[str] | None = None
    ) -> Iterator[Entry]:
        # Attachments by parent post, found once rather than by a pass over all per post.
        attachments: dict[str, list[str]] = {}
        for key, media in index.media.items():
            attachments.setdefault(media.parent, []).append(key)
        with self._named():
            yield from self._entries(index, progress, only, attachments)

    def _entries(self, index, progress, only, attachments) -> Iterator[Entry]:
        for _channel, element, line in read_records(self.path, progress):
            if element.tag != "item":
                continue
            post_id = _text(element, "wp:post_id")
            if index.item_lines.get(post_id) != line:
                continue  # a duplicate id, reported by scan()
            if post_id in index.entries and (only is None or post_id in only):
                yield self._entry(index, element, line, attachments.get(post_id, []))

    def _entry(
        self, index: SourceIndex, element: Element, line: int, attachments: list[str]
    ) -> Entry:
        post_id = _text(element, "wp:post_id")
        summary = index.entries[post_id]
        what = f"{summary.kind} {post_id} {_text(element, 'title')[:60]!r}"
        meta = _meta(element)
        terms, coauthors = [], []
        for category in element.findall("category"):
            domain = category.get("domain", "")
            slug = unquote(category.get("nicename", ""))
            if domain == "author":
                coauthors.append(slug.removeprefix("cap-") or (category.text or "").strip())
                index.people.setdefault(
                    slug.removeprefix("cap-"),
                    Person(key=slug.removeprefix("cap-"), name=(category.text or slug).strip()),
                )
            elif domain:
                taxonomy = {"post_tag": "tag"}.get(domain, domain)
                terms.append((taxonomy, slug))
                index.terms.setdefault(
                    (taxonomy, slug), Term(taxonomy, slug, (category.text or slug).strip())
                )
        html, notes = prepare_html(
            _raw(element, "content:encoded"),
            gallery_for_post=attachments,
        )
        status = STATUSES[_text(element, "wp:status")]
        return Entry(
            key=post_id,
            kind=summary.kind,
            title=_text(element, "title"),
            slug=summary.slug,
            url=summary.url,
            status=status,
            date=_date(_text(element, "wp:post_date"), line, what),
            date_gmt=_date(_text(element, "wp:post_date_gmt"), line, what),
            html=html,
            excerpt=_raw(element, "excerpt:encoded").strip(),
            author=_text(element, "dc:creator"),
            coauthors=coauthors,
            terms=terms,
            featured_media=meta.get("_thumbnail_id", "").strip(),
            parent=summary.parent,
            password=_text(element, "wp:post_password"),
            sticky=_text(element, "wp:is_sticky") == "1",
            line=line,
            checksum=_checksum(element),
            notes=notes,
        )


def _parent(element: Element) -> str:
    parent = _text(element, "wp:post_parent")
    return "" if parent in {"", "0"} else parent


def _uploads_path(url: str) -> str:
    """'https://example.org/wp-content/uploads/2020/05/a.jpg' -> '2020/05/a.jpg'."""
    path = unquote(urlparse(url).path)
    match = re.search(r"/(?:wp-content/uploads|files)/(.+)$", path)
    if match:
        return match.group(1)
    # WordPress.com serves uploads at the root of files.wordpress.com: /2008/06/a.jpg
    return path.lstrip("/")
