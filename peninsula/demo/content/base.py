"""The shape of a demo publication, and the small markup its bodies are written in.

A body is a list of strings: "## Heading", "### Subheading", "> Quote -- Attribution",
or a paragraph, where *word* is set in italics and [1] points at the first note.
"""

import html
import re
import uuid
from dataclasses import dataclass, field

_ITALIC = re.compile(r"\*([^*]+)\*")


@dataclass
class Piece:
    kind: str  # a PublicationType value
    title: str
    summary: str
    body: list[str]
    authors: list[str]  # person slugs, in byline order
    themes: list[str]
    regions: list[str]
    topics: list[str] = field(default_factory=list)
    subtitle: str = ""
    notes: list[str] = field(default_factory=list)
    days_ago: int = 30  # for events, days from today to the start (negative: upcoming)
    featured: bool = False
    hero: int | None = None  # index of the hero illustration, None for no image
    extra: dict = field(default_factory=dict)  # the type's own fields
    slug: str = ""


def inline(text: str) -> str:
    return _ITALIC.sub(r"<i>\1</i>", html.escape(text, quote=False))


def _block_id(seed: str) -> str:
    # Stable ids keep a re-run from rewriting identical bodies.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, seed))


def stream_data(piece_key: str, body: list[str], notes: list[str]) -> list[dict]:
    """StreamField data for a body written in the markup above."""
    blocks = []
    for index, item in enumerate(body):
        if item.startswith("### "):
            value = {"text": item[4:], "level": "h3"}
            block_type = "heading"
        elif item.startswith("## "):
            value = {"text": item[3:], "level": "h2"}
            block_type = "heading"
        elif item.startswith("> "):
            text, _, attribution = item[2:].partition(" -- ")
            value = {"text": text, "attribution": attribution}
            block_type = "quote"
        else:
            value = f"<p>{inline(item)}</p>"
            block_type = "paragraph"
        blocks.append({"type": block_type, "value": value, "id": _block_id(f"{piece_key}:{index}")})
    if notes:
        blocks.append(
            {
                "type": "footnotes",
                "value": {"notes": [f"<p>{inline(note)}</p>" for note in notes]},
                "id": _block_id(f"{piece_key}:notes"),
            }
        )
    return blocks


def sections(body: list[str]) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) pairs, for the PDF edition of a report."""
    result: list[tuple[str, list[str]]] = [("", [])]
    for item in body:
        if item.startswith("#"):
            result.append((item.lstrip("# "), []))
        elif item.startswith("> "):
            text, _, attribution = item[2:].partition(" -- ")
            result[-1][1].append(f'"{text}"' + (f" ({attribution})" if attribution else ""))
        else:
            result[-1][1].append(_ITALIC.sub(r"\1", item))
    return [(heading, paragraphs) for heading, paragraphs in result if heading or paragraphs]
