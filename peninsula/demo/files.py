"""Small report PDFs and a podcast sting, written from scratch so no binaries are committed."""

import io
import math
import struct
import textwrap
import wave
from pathlib import Path

from django.core.files.base import ContentFile

_PAGE_WIDTH, _PAGE_HEIGHT = 612, 792  # US Letter, in points
_LINES_PER_PAGE = 46


def _pdf_text(text: str) -> str:
    """Latin-1 text with PDF string escapes; the base fonts cannot draw Hangul or kana."""
    text = text.encode("latin-1", "ignore").decode("latin-1").replace(" ()", "")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_stream(lines: list[tuple[str, str]], footer: str) -> bytes:
    out = ["BT", "72 720 Td", "14 TL"]
    for font, line in lines:
        size = 16 if font == "F2" else 10.5
        out.append(f"/{font} {size} Tf ({_pdf_text(line)}) Tj T*")
    out += ["ET", "BT", "/F1 8 Tf 72 40 Td", f"({_pdf_text(footer)}) Tj", "ET"]
    return "\n".join(out).encode("latin-1")


def report_pdf(
    title: str, sections: list[tuple[str, list[str]]], institute: str
) -> tuple[bytes, int]:
    """A valid PDF of the report's text, and its page count.

    `sections` is a list of (heading, paragraphs). Base-14 fonts only, so the file needs no
    embedded fonts and stays a few kilobytes.
    """
    lines: list[tuple[str, str]] = [("F2", line) for line in textwrap.wrap(title, 56)]
    lines.append(("F1", ""))
    for heading, paragraphs in sections:
        if heading:
            lines += [("F1", ""), ("F2", heading)]
        for paragraph in paragraphs:
            lines += [("F1", line) for line in textwrap.wrap(paragraph, 92)]
            lines.append(("F1", ""))
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)]

    objects: list[bytes] = []  # object n is objects[n - 1]
    kids_start = 5
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{kids_start + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>")
    for number, page_lines in enumerate(pages, start=1):
        stream = _page_stream(page_lines, f"{institute} - {title[:60]} - page {number}")
        content_ref = kids_start + 2 * (number - 1) + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_WIDTH} {_PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {content_ref} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue(), len(pages)


def podcast_sting(seconds: float = 6.0, rate: int = 16000) -> bytes:
    """A short mono WAV: a phrase on the pentatonic scale, with a soft attack and decay."""
    notes = [392.0, 440.0, 523.25, 587.33, 659.25, 587.33, 523.25, 440.0]  # G A C D E D C A
    note_length = seconds / len(notes)
    frames = bytearray()
    for index in range(int(seconds * rate)):
        t = index / rate
        note = notes[min(int(t / note_length), len(notes) - 1)]
        local = t % note_length
        envelope = min(1.0, local * 40) * math.exp(-3 * local)
        sample = envelope * (
            0.6 * math.sin(math.tau * note * t) + 0.2 * math.sin(math.tau * 2 * note * t)
        )
        frames += struct.pack("<h", int(sample * 12000))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def demo_video() -> bytes:
    """An eight-second WebM (VP8 and Opus, 640x360, 170 kB) shipped with the package: no
    video encoder is needed to load the demo. scripts/make_demo_video.py made it."""
    return (Path(__file__).parent / "media" / "explainer.webm").read_bytes()


def content_file(data: bytes, name: str) -> ContentFile:
    return ContentFile(data, name=name)
