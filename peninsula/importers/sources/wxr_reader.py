"""Reading a WordPress eXtended RSS (WXR) file as records, incrementally, with defusedxml.

The file is fed to expat in 1 MB chunks (decoded first by `encodings.py` when expat cannot
read its encoding). Only the element being read (one <item>, one <wp:author>, ...) is ever
held as a tree, and it is dropped as soon as it has become a record, so memory stays flat
however large the export; one record's text is held up to the item limit only
(PENINSULA_IMPORT_MAX_ITEM_MB). Document type declarations are refused outright: WordPress
never writes one, and a DTD is what entity-expansion ("billion laughs") and external-entity
(XXE) attacks need.
"""

from __future__ import annotations

import os
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from peninsula.importers import limits
from peninsula.importers.sources.base import Progress, SourceError
from peninsula.importers.sources.encodings import decoder_for

CHUNK_SIZE = 1024 * 1024
RECORD_TAGS = {"item", "wp:author", "wp:category", "wp:tag", "wp:term"}
CHANNEL_FIELDS = {"title", "link", "wp:base_site_url", "wp:base_blog_url", "wp:wxr_version"}


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
    what = " ".join(
        filter(None, [child_text(element, "wp:post_type"), child_text(element, "wp:post_id")])
    )
    title = child_text(element, "title")[:80]
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


def child_text(element: Element, name: str) -> str:
    child = element.find(name)
    return (child.text or "").strip() if child is not None else ""
