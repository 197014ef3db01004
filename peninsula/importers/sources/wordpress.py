"""WordPress eXtended RSS (WXR) exports, read incrementally with defusedxml.

The file is fed to expat in 1 MB chunks. Only the element being read (one <item>, one
<wp:author>, ...) is ever held as a tree, and it is dropped as soon as it has become a
record, so memory stays flat however large the export. Document type declarations are refused
outright: WordPress never writes one, and a DTD is what entity-expansion ("billion laughs")
and external-entity (XXE) attacks need.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import unquote, urlparse
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from peninsula.importers import limits
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
from peninsula.importers.sources.encodings import decoder_for
from peninsula.importers.sources.wordpress_markup import prepare_html

CHUNK_SIZE = 1024 * 1024
RECORD_TAGS = {"item", "wp:author", "wp:category", "wp:tag", "wp:term"}
CHANNEL_FIELDS = {"title", "link", "wp:base_site_url", "wp:base_blog_url", "wp:wxr_version"}

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


def _short_name(tag: str) -> str:
    """'{https://wordpress.org/export/1.2/}post_id' -> 'wp:post_id', whatever WXR version."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if "/excerpt/" in uri:
        return "excerpt:" + local
    if "wordpress.org/export" in uri:
        return "wp:" + local
    if "purl.org/rss/1.0/modules/content" in uri:
        return "content:" + local
    if "purl.org/dc/elements" in uri:
        return "dc:" + local
    return local


class _Collector:
    """An expat target that builds one small tree per record and hands records over.

    A record's text is counted as it arrives: past `max_item_bytes` the rest of it is
    dropped rather than held (only the id and title are still kept, to name the item),
    and the record is refused when it closes, before anything is written."""

    # What an element costs beyond its text, roughly, so a record of a million empty
    # elements counts towards the limit too.
    ELEMENT_COST = 64
    NAMING_FIELDS = {"wp:post_id", "title", "wp:post_type"}

    def __init__(self, expat_line, max_item_bytes: int):
        self._line = expat_line
        self.records: list[tuple[Element, int]] = []
        self.channel: dict[str, str] = {}
        self._stack: list[Element] = []
        self._record_depth = -1
        self._record_line = 0
        self._text: list[str] = []
        self._depth = 0
        self._max_item = max_item_bytes
        self._item_size = 0

    def start(self, tag, attrib):
        name = _short_name(tag)
        self._depth += 1
        if self._depth == 1 and name != "rss":
            raise SourceError(
                f"this is not a WordPress export: the file starts with <{name}>, and a "
                "WordPress export (WXR) starts with <rss>. In WordPress use Tools → Export → "
                "All content, and import the file it downloads.",
                line=self._line(),
            )
        self._flush_text()
        if self._stack:
            self._item_size += self.ELEMENT_COST + sum(map(len, attrib.values()))
            over = self._item_size > self._max_item
            if over and not (len(self._stack) == 1 and name in self.NAMING_FIELDS):
                return  # beyond the limit: not kept (end() knows it by the depth)
            element = Element(name, attrib)
            self._stack[-1].append(element)
            self._stack.append(element)
        elif self._depth == 3 and name in RECORD_TAGS:
            self._stack.append(Element(name, attrib))
            self._record_line = self._line()
            self._item_size = 0
        elif self._depth == 3 and name in CHANNEL_FIELDS:
            self._stack.append(Element(name, attrib))

    def end(self, tag):
        depth = self._depth
        self._depth -= 1
        # The stack holds the record (at depth 3) and what is kept of it below; an element
        # that is not its top was dropped by start().
        if self._stack and len(self._stack) == depth - 2:
            self._close()

    def _close(self):
        self._flush_text()
        element = self._stack.pop()
        if self._stack:
            return
        if element.tag in RECORD_TAGS:
            if self._item_size > self._max_item:
                raise _too_large(element, self._item_size, self._max_item, self._record_line)
            self.records.append((element, self._record_line))
        else:
            self.channel[element.tag] = (element.text or "").strip()

    def data(self, text):
        if not self._stack:
            return
        self._item_size += len(text)
        if self._item_size <= self._max_item or self._stack[-1].tag in self.NAMING_FIELDS:
            self._text.append(text)

    def _flush_text(self):
        if not self._text:
            return
        text = "".join(self._text)
        self._text = []
        element = self._stack[-1]
        if len(element):
            element[-1].tail = (element[-1].tail or "") + text
        else:
            element.text = (element.text or "") + text

    def close(self):
        return None


def _too_large(element: Element, size: int, limit: int, line: int) -> SourceError:
    what = " ".join(filter(None, [_text(element, "wp:post_type"), _text(element, "wp:post_id")]))
    title = _text(element, "title")[:80]
    return SourceError(
        f"{what or element.tag} {title!r} is larger than the {limits.megabytes(limit)} one "
        f"item may hold (PENINSULA_IMPORT_MAX_ITEM_MB; it has about "
        f"{limits.megabytes(size)}). Shorten it in WordPress (an image pasted into the "
        "text is often the cause) or raise the limit.",
        line=line,
    )


def read_records(path: str, progress: Progress | None = None):
    """Yield (channel fields, element, line) for every record, streaming; raise SourceError."""
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        handle = open(path, "rb")  # noqa: SIM115 (closed below; a generator cannot use with)
    except OSError as error:
        raise SourceError(f"cannot open the file: {error.strerror}.", path=name) from error
    if size > limits.max_file_bytes():
        handle.close()
        raise SourceError(
            f"the file is {limits.megabytes(size)}, more than the "
            f"{limits.megabytes(limits.max_file_bytes())} an import may read "
            "(PENINSULA_IMPORT_MAX_FILE_MB). Raise that limit, or export the site in parts "
            "(WordPress exports one post type or date range at a time).",
            path=name,
        )
    expat_parser = []  # filled below: the collector asks it for the current line
    collector = _Collector(lambda: expat_parser[0].CurrentLineNumber, limits.max_item_bytes())
    parser = DefusedXMLParser(
        target=collector, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    expat = parser.parser
    expat_parser.append(expat)
    read = 0
    decoder = None
    try:
        with handle:
            while chunk := handle.read(CHUNK_SIZE):
                if read == 0:
                    decoder = _decoder(chunk, name)
                read += len(chunk)
                try:
                    parser.feed(_decoded(decoder, chunk, expat, name))
                except SourceError as error:
                    raise SourceError(error.bare, line=error.line, path=name) from None
                except DefusedXmlException as error:
                    raise SourceError(
                        _hostile_message(error), line=expat.CurrentLineNumber, path=name
                    ) from None
                except ParseError as error:
                    raise _parse_error(error, name) from None
                except ValueError as error:  # pyexpat's own refusals (an encoding it lacks)
                    raise SourceError(
                        f"the XML parser cannot read this file ({error}). Export it again "
                        "from WordPress, which writes UTF-8.",
                        line=expat.CurrentLineNumber,
                        path=name,
                    ) from None
                for element, line in collector.records:
                    yield collector.channel, element, line
                collector.records.clear()
                if progress:
                    progress(read, size)
            try:
                if decoder is not None:
                    parser.feed(_decoded(decoder, b"", expat, name, final=True))
                parser.close()
            except ParseError as error:
                raise _parse_error(error, name, truncated=True) from None
            except SourceError as error:
                raise SourceError(error.bare, line=error.line, path=name) from None
    finally:
        collector.records.clear()
    if "wp:wxr_version" not in collector.channel:
        raise SourceError(
            "this RSS file is not a WordPress export: it has no <wp:wxr_version>. Export the "
            "site again from WordPress with Tools → Export → All content.",
            path=name,
        )


def _decoder(head: bytes, name: str):
    try:
        return decoder_for(head)
    except SourceError as error:
        raise SourceError(error.bare, line=error.line, path=name) from None


def _decoded(decoder, chunk: bytes, expat, name: str, final: bool = False):
    """The chunk as expat should get it: bytes it decodes itself, or text decoded here."""
    if decoder is None:
        return chunk
    try:
        return decoder.decode(chunk, final)
    except (UnicodeError, ValueError, TypeError) as error:  # codecs raise all three
        reason = getattr(error, "reason", None) or str(error)
        raise SourceError(
            f"the file is not valid {decoder_name(decoder)}, the encoding it declares "
            f"({reason}), after line {expat.CurrentLineNumber}. Export it again from "
            "WordPress, or convert it to UTF-8.",
            line=expat.CurrentLineNumber,
            path=name,
        ) from None


def decoder_name(decoder) -> str:
    return type(decoder).__module__.rsplit(".", 1)[-1].replace("_", "-")


def _hostile_message(error: DefusedXmlException) -> str:
    return (
        f"the file declares a document type or entities ({type(error).__name__}). WordPress "
        'exports never do; such declarations are how entity-expansion ("billion laughs") '
        "and external-entity attacks work, so the file is refused. Export the site again from "
        "WordPress and import that file."
    )


def _parse_error(error: ParseError, name: str, truncated: bool = False) -> SourceError:
    line, column = error.position
    message = str(error).split(":")[0]
    if truncated or "no element found" in message or "unclosed token" in message:
        return SourceError(
            f"the file ends too early, at column {column} ({message}): it is probably "
            "truncated. Download the export again and check it is complete (it ends with "
            "</rss>).",
            line=line,
            path=name,
        )
    return SourceError(
        f"the file is not well-formed XML at column {column} ({message}). Export it again "
        "from WordPress; if it was edited by hand, fix the XML at that place.",
        line=line,
        path=name,
    )


def _text(element: Element, name: str) -> str:
    child = element.find(name)
    return (child.text or "").strip() if child is not None else ""


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
