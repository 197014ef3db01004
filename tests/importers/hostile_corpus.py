"""Hostile and broken WordPress exports, written on demand (nothing large is checked in).

Shared by tests/importers/test_hostile_corpus.py and bench/hostile_import.py. Each case
says what a correct importer does with it: import it (`"imports"`), or refuse the whole file
with a message containing `refusal` and nothing written (`"refused"`); a few, such as odd
declared encodings, may go either way (`"either"`), but never any other way.
"""

from __future__ import annotations

import codecs
import encodings
import encodings.aliases
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.importers.conftest import FOOTER, HEADER, item

TITLE = "Café in Tōkyō 東京"


@dataclass
class Case:
    name: str
    write: Callable[[Path], None]
    outcome: str  # "imports", "refused" or "either"
    refusal: str = ""  # words a refusal must contain
    title: str = ""  # the title an imported post must have


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(text.encode(encoding))


def _export(*items: str) -> str:
    return HEADER + "".join(items) + FOOTER


def _large_body(path: Path, body_bytes: int, paragraph: str = "<p>Words of a long post.</p>"):
    """An export whose one post has a body of about `body_bytes`, written in pieces."""
    before, after = item(1, "Huge", body="\0").split("\0")
    block = paragraph * max(1, (1024 * 1024) // len(paragraph))
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER + before)
        written = 0
        while written < body_bytes:
            piece = block[: body_bytes - written]
            handle.write(piece)
            written += len(piece)
        handle.write(after + item(2, "After the huge one") + FOOTER)


def _deep(levels: int, tag: str = "div") -> str:
    return f"<{tag}>" * levels + "Deep text" + f"</{tag}>" * levels


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY a "aaaaaaaaaa">\n'
    + "".join(f' <!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">\n' for n in range(8))
    + "]>\n<rss><channel><title>&i;</title></channel></rss>\n"
)
QUADRATIC_BLOWUP = (
    f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "{"x" * 50_000}">]>\n'
    f"<rss><channel><title>{'&a;' * 50_000}</title></channel></rss>\n"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    "<rss><channel><title>&secret;</title></channel></rss>\n"
)
EXTERNAL_DTD = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">\n'
    + _export(item(1)).split("\n", 1)[1]
)
PARAMETER_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x">'
    " %remote;]>\n<rss><channel/></rss>\n"
)


def declared_encodings() -> list[str]:
    """Every codec name Python knows (its aliases' targets and the modules of `encodings`),
    the names expat knows itself, and one nobody knows."""
    names = set(encodings.aliases.aliases.values())
    names |= {module.name for module in pkgutil.iter_modules(encodings.__path__)}
    names |= {"UTF-8", "UTF-16", "ISO-8859-1", "US-ASCII", "x-no-such-encoding"}
    usable = set()
    for name in names:
        try:
            codecs.lookup(name)
        except LookupError:
            if name.startswith("x-"):
                usable.add(name)
            continue
        usable.add(name)
    usable -= {"aliases", "mbcs", "oem"}  # a module of tables, and Windows-only codecs
    return sorted(usable)


def _title_for(encoding: str) -> str:
    for title in (TITLE, "Café", "Plain title"):
        try:
            if codecs.decode(codecs.encode(title, encoding), encoding) == title:
                return title
        except Exception:  # noqa: BLE001 (any codec failure: try a plainer title)
            continue
    return ""


def encoding_case(encoding: str) -> Case:
    """An export declaring `encoding`, written in it where Python can write it (else UTF-8)."""
    title = _title_for(encoding)
    text = _export(item(1, title or "Plain title")).replace(
        'encoding="UTF-8"', f'encoding="{encoding}"'
    )
    try:
        data = codecs.encode(text, encoding)
        if codecs.decode(data, encoding) != text:  # idna, punycode: not for whole documents
            data = None
    except Exception:  # noqa: BLE001 (codecs that cannot write this text, or any text)
        data = None
    if not isinstance(data, bytes):
        data, title = text.encode("utf-8"), ""  # whatever it imports as is acceptable
    return Case(f"encoding {encoding}", lambda path: path.write_bytes(data), "either", "", title)


def cases(*, item_limit: int, huge_body: int | None = None) -> list[Case]:
    """The corpus, for an item limit of `item_limit` bytes (PENINSULA_IMPORT_MAX_ITEM_MB)."""
    huge_body = huge_body or item_limit * 2
    deepest = min(100_000, item_limit // 12)  # "<div></div>" per level, within the limit
    full = _export(item(1, "First"), item(2, "Second", body="<p>Long text</p>" * 50))
    corpus = [
        Case("billion laughs", _text(BILLION_LAUGHS), "refused", "billion laughs"),
        Case("quadratic blowup", _text(QUADRATIC_BLOWUP), "refused", "entit"),
        Case("external entity", _text(EXTERNAL_ENTITY), "refused", "external-entity"),
        Case("external DTD", _text(EXTERNAL_DTD), "refused", "document type"),
        Case("parameter entity", _text(PARAMETER_ENTITY), "refused", "document type"),
        Case(
            "deep nesting 500",
            _text(_export(item(1, "Deep", body=_deep(500)), item(2, "Next"))),
            "imports",
            title="Deep",
        ),
        Case(
            f"deep nesting {deepest}",
            _text(_export(item(1, "Deeper", body=_deep(deepest)))),
            "imports",
            title="Deeper",
        ),
        Case(
            "unclosed inline tags 50000",
            _text(_export(item(1, "Unclosed", body="<b><i>" * 25_000 + "text"))),
            "imports",
            title="Unclosed",
        ),
        Case(
            "body just under the item limit",
            lambda path: _large_body(path, int(item_limit * 0.9)),
            "imports",
            title="Huge",
        ),
        Case(
            "body over the item limit",
            lambda path: _large_body(path, huge_body),
            "refused",
            "post 1 'Huge' is larger than",
        ),
        Case(
            "many small elements over the item limit",
            _text(
                _export(item(1, "Many", extra="<wp:postmeta></wp:postmeta>" * (item_limit // 32)))
            ),
            "refused",
            "post 1 'Many' is larger than",
        ),
        Case(
            "duplicate ids",
            _text(_export(item(1, "The first"), item(2, "Other"), item(1, "The second"))),
            "imports",
            title="The first",
        ),
        Case("empty file", _text(""), "refused", "ends too early"),
        Case("not XML", _text("PK\x03\x04 a zip file"), "refused", "not well-formed"),
    ]
    for fraction in (0.1, 0.5, 0.9, 0.999):
        cut = full[: int(len(full) * fraction)]
        corpus.append(Case(f"truncated at {fraction:.1%}", _text(cut), "refused", "truncated"))
    return corpus
