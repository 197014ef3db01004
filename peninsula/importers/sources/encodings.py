"""The encoding an XML file declares, decoded by Python when expat cannot do it itself.

Expat reads UTF-8, UTF-16, ISO-8859-1 and US-ASCII, and pyexpat adds single-byte codecs;
a multi-byte one such as Shift_JIS or EUC-KR ends in a bare ValueError. Any text encoding
Python knows is decoded here instead and handed to expat as text, which it then reads as
UTF-8; an encoding nobody knows is refused with a message saying which.
"""

from __future__ import annotations

import codecs
import re

from peninsula.importers.sources.base import SourceError

# The names expat decodes itself. Any other name, even another spelling of these
# ("utf_8"), is decoded here: expat would hand it to pyexpat, which reads it wrongly or not.
EXPAT_NATIVE = {"utf-8", "utf-16", "utf-16le", "utf-16be", "iso-8859-1", "us-ascii"}
_DECLARATION = re.compile(r"""^\ufeff?<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,80})["']""")
# Codecs Python calls text encodings that are not character sets for documents: they
# rewrite host names or escape sequences, so a file "in" them reads as something else.
NOT_FOR_DOCUMENTS = {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"}
# The first bytes of files whose encoding shows before any declaration (XML 1.0, appendix
# F), read as that encoding to find the declaration, if any.
_STARTS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # "<?xm" in EBCDIC
    (b"\xef\xbb\xbf", "utf-8"),  # a byte-order mark
)


def sniff(head: bytes) -> tuple[str, str]:
    """(the encoding the first bytes show, or ''; the name the XML declaration gives, or '')."""
    physical = next((name for start, name in _STARTS if head.startswith(start)), "")
    text = head[:400].decode(physical or "latin-1", "replace")
    match = _DECLARATION.match(text)
    return physical, (match.group(1).strip() if match else "")


def decoder_for(head: bytes, *, line: int = 1):
    """An incremental decoder for the file, or None when expat reads it as it is."""
    physical, name = sniff(head)
    if physical.startswith("utf-16") and (not name or name.lower() in EXPAT_NATIVE):
        return None  # expat reads UTF-16 itself
    if physical.startswith("utf-16") or physical.startswith("utf-32"):
        name = physical  # the bytes themselves say which, whatever the declaration
    elif not name:
        return None if physical in {"", "utf-8"} else codecs.getincrementaldecoder(physical)()
    elif name.lower() in EXPAT_NATIVE:
        return None
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise SourceError(
            f"the file declares the encoding {name!r}, which is not one Python or the XML "
            "parser knows. WordPress writes UTF-8: export the site again, or convert the "
            'file to UTF-8 and change its first line to say encoding="UTF-8".',
            line=line,
        ) from None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_FOR_DOCUMENTS:
        raise SourceError(
            f"the file declares {name!r} as its encoding, which is not a character "
            "encoding for documents (it packs bytes, like base64 or zlib, or rewrites "
            "them). WordPress writes UTF-8: export the site again.",
            line=line,
        )
    try:
        return codecs.getincrementaldecoder(info.name)(errors="strict")
    except (LookupError, TypeError):
        raise SourceError(
            f"the file declares the encoding {name!r}, which cannot be read a part at a "
            "time. Convert the file to UTF-8, or export it again from WordPress.",
            line=line,
        ) from None
