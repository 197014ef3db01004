"""What every importer source gives the loader: neutral records and a clear error type.

A source reads one export file in two streaming passes. `scan()` reads it through once,
checks it is well formed and collects the small things everything else refers to (people,
terms, media, and a one-line summary of each entry); nothing is written before the scan has
read the whole file, so a truncated or hostile file fails before the database is touched.
`entries()` then streams the full entries (bodies included) one at a time.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


class SourceError(Exception):
    """The export cannot be read; the message says where and what to do about it."""

    def __init__(self, message: str, *, line: int | None = None, path: str = ""):
        self.bare = message
        self.line = line
        self.path = path
        where = f"{path}, line {line}: " if line else (f"{path}: " if path else "")
        super().__init__(where + message)


@dataclass
class Person:
    key: str  # stable within the source, e.g. the WordPress login
    name: str
    email: str = ""


@dataclass
class Term:
    taxonomy: str  # "category", "tag" or a source-specific name
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class Media:
    """An attachment: an image or a document, found through a path relative to --uploads."""

    key: str
    url: str
    relative_path: str
    title: str = ""
    caption: str = ""
    alt_text: str = ""
    description: str = ""
    parent: str = ""
    page_url: str = ""  # the attachment's own page on the old site


@dataclass
class EntrySummary:
    """Enough about an entry to rewrite links to it before it is imported."""

    key: str
    kind: str  # "post" or "page"
    url: str
    slug: str
    parent: str = ""


@dataclass
class Entry:
    """A post or a page, complete."""

    key: str
    kind: str  # "post" or "page"
    title: str
    slug: str
    url: str
    status: str  # "live", "draft", "scheduled", "private"
    date: datetime.datetime | None
    date_gmt: datetime.datetime | None
    html: str  # already freed of source-specific markup (shortcodes, editor comments)
    excerpt: str = ""
    author: str = ""
    coauthors: list[str] = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)  # (taxonomy, slug)
    featured_media: str = ""
    parent: str = ""
    password: str = ""
    sticky: bool = False
    line: int = 0
    checksum: str = ""
    notes: list[str] = field(default_factory=list)  # things to report, e.g. unknown shortcodes


@dataclass
class SourceIndex:
    origin: str  # the old site's host, e.g. "example.org"
    site_url: str
    title: str = ""
    people: dict[str, Person] = field(default_factory=dict)
    terms: dict[tuple[str, str], Term] = field(default_factory=dict)
    media: dict[str, Media] = field(default_factory=dict)
    entries: dict[str, EntrySummary] = field(default_factory=dict)
    item_lines: dict[str, int] = field(default_factory=dict)  # item id -> its first line
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, example: str):
        self.skipped[reason] += 1
        examples = self.skipped_examples.setdefault(reason, [])
        if len(examples) < 5:
            examples.append(example)


Progress = Callable[[int, int], None]  # (bytes read, bytes in all)


class Source:
    """Base for one export format. Subclasses read `path`; see the module docstring."""

    name = ""

    def __init__(self, path: str):
        self.path = path

    def scan(self, progress: Progress | None = None) -> SourceIndex:
        raise NotImplementedError

    def entries(
        self, index: SourceIndex, progress: Progress | None = None, only: set[str] | None = None
    ) -> Iterator[Entry]:
        """The full entries, in file order; with `only`, just the entries with these keys."""
        raise NotImplementedError
