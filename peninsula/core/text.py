"""Plain text from the site's own HTML, for search indexes."""

import html
import re

# Tags that end a block of text, and any tag. A regular expression, not an HTML parser:
# an index wants words, and rich text, bios and transcripts are HTML the site wrote
# (sanitised on the way in), read at a thousand pages a second in a rebuild.
_BLOCK_END = re.compile(
    r"</(?:p|h\d|li|blockquote|td|th|div|figcaption)\s*>|<(?:br|hr)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]*>")


def indexable_text(markup: str) -> str:
    """The words of an HTML fragment: tags removed (block ends leave a space), entities
    decoded."""
    if "<" not in markup and "&" not in markup:
        return markup
    return html.unescape(_TAG.sub("", _BLOCK_END.sub(" ", markup))).strip()
