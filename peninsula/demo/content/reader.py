"""Reads the demo's content files: TOML for lists and settings, Markdown for prose.

A Markdown file holds one or more documents, each opened by TOML front matter between two
`+++` lines and followed by its body (anything before the first `+++`, such as a comment
saying what the file holds, is skipped). The body is blocks separated by blank lines, each
block's lines joined with single spaces: a paragraph, "## Heading", "### Subheading" or
"> Quote -- Attribution" (a quote's later lines may repeat "> "), in the markup of base.py
(*word* in italics, [1] pointing at the first note). A line "%% notes" starts the notes, one
block each; "%% transcript" a podcast's transcript, one "Speaker: what they said" block each.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from peninsula.demo.content.base import Piece

FOLDER = Path(__file__).parent
FENCE = "+++"


@dataclass
class Document:
    front: dict
    body: list[str]
    sections: dict[str, list[str]]  # "notes", "transcript": their blocks


def toml(name: str) -> dict:
    with open(FOLDER / name, "rb") as file:
        return tomllib.load(file)


def documents(name: str) -> list[Document]:
    """Every document in the Markdown file `name`, in order."""
    lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()
    fences = [number for number, line in enumerate(lines) if line == FENCE]
    if len(fences) % 2:
        raise ValueError(f"{name}: a front matter block is not closed by {FENCE}")
    found = []
    for index in range(0, len(fences), 2):
        opened, closed = fences[index], fences[index + 1]
        end = fences[index + 2] if index + 2 < len(fences) else len(lines)
        try:
            front = tomllib.loads("\n".join(lines[opened + 1 : closed]))
        except tomllib.TOMLDecodeError as error:
            raise ValueError(f"{name}, front matter at line {opened + 1}: {error}") from None
        found.append(Document(front, *_body(lines[closed + 1 : end])))
    return found


def _body(lines: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    body: list[str] = []
    sections: dict[str, list[str]] = {}
    current = body
    for block in _blocks(lines):
        if block[0].startswith("%% "):
            current = sections.setdefault(block[0][3:].strip(), [])
            block = block[1:]
            if not block:
                continue
        if block[0].startswith("> "):
            block = block[:1] + [line.removeprefix("> ") for line in block[1:]]
        current.append(" ".join(block))
    return body, sections


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks, block = [], []
    for line in lines:
        if line.strip():
            block.append(line.strip())
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    return blocks


def pieces(name: str, venues: dict[str, tuple[str, str] | None] | None = None) -> list[Piece]:
    """The publications in `name`. Front matter keys are Piece's fields, with the type's own
    fields under [extra]; an event's venue is a key of `venues`."""
    found = []
    for document in documents(name):
        front = dict(document.front)
        extra = front.pop("extra", {})
        if "venue" in extra:
            extra["venue"] = venues[extra["venue"]]
        if "transcript" in document.sections:
            extra["transcript"] = [
                tuple(block.split(": ", 1)) for block in document.sections["transcript"]
            ]
        notes = document.sections.get("notes", [])
        found.append(Piece(**front, body=document.body, notes=notes, extra=extra))
    return found


def people(name: str) -> list[tuple[str, str, str, str, list[str], bool]]:
    """(name, job title, outside affiliation, summary, bio paragraphs, is an expert)."""
    return [
        (
            person.front["name"],
            person.front["job_title"],
            person.front.get("affiliation", ""),
            person.front["summary"],
            person.body,
            person.front["expert"],
        )
        for person in documents(name)
    ]


def page(name: str) -> dict:
    """A one-document file as a page: its front matter, and its body as "body"."""
    (document,) = documents(name)
    return {**document.front, "body": document.body}
