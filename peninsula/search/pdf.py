"""The text inside an attached PDF, extracted once per file and kept."""

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

MAX_PDF_TEXT = 150_000
MAX_PDF_PAGES = 300


def document_text(document) -> str:
    """The text of a PDF document ('' for other files or an unreadable PDF).

    Cached by the file's content hash, so re-indexing a report doesn't re-read its PDF.
    """
    if not document or not document.file.name.lower().endswith(".pdf"):
        return ""
    key = f"peninsula:pdf-text:{document.pk}:{document.file_hash or document.file.name}"
    text = cache.get(key)
    if text is None:
        text = extract_pdf_text(document.file)
        cache.set(key, text, None)
    return text


def extract_pdf_text(file) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with file.open("rb") as handle:
            reader = PdfReader(handle)
            parts, size = [], 0
            for page in reader.pages[:MAX_PDF_PAGES]:
                part = page.extract_text() or ""
                parts.append(part)
                size += len(part)
                if size > MAX_PDF_TEXT:
                    break
    except (PyPdfError, OSError, ValueError) as error:
        logger.warning("Could not read the text of %s: %s", file.name, error)
        return ""
    return " ".join(" ".join(parts).split())[:MAX_PDF_TEXT]
