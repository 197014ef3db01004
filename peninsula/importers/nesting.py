"""HTML nested deeper than any real page, flattened before anything walks it.

Page builders nest a few dozen levels at most. A body nested thousands deep is either an
attack or a broken export, and every step after this one pays for depth: the sanitiser's
time grows faster than the depth, and walking the tree recurses once per level (Python stops
at about a thousand). Tags below `MAX_DEPTH` are dropped here in one linear pass; their text
stays, so nothing a reader could see is lost.
"""

from __future__ import annotations

import re

MAX_DEPTH = 100
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
# Tags that HTML closes by itself (a <p> ends at the next <p>), and tags with no content:
# neither deepens the tree however many appear in a row.
_NOT_NESTING = {
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
    "colgroup", "caption", "rt", "rp", "br", "img", "hr", "source", "wbr", "col", "input",
    "area", "embed", "meta", "link", "param", "track",
}  # fmt: skip


def limit_nesting(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, bool]:
    """`html` with its elements below `max_depth` unwrapped, and whether any were."""
    if html.count("<") < max_depth:
        return html, False  # cannot be nested that deep: the usual case, no pass needed
    depth = dropped = 0
    parts: list[str] = []
    position = 0
    flattened = False
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _NOT_NESTING or self_closing:
            continue
        if closing:
            if dropped:
                dropped -= 1
                parts.append(html[position : match.start()])
                position = match.end()
            elif depth:
                depth -= 1
        elif depth >= max_depth:
            dropped += 1
            flattened = True
            parts.append(html[position : match.start()])
            position = match.end()
        else:
            depth += 1
    if not flattened:
        return html, False
    parts.append(html[position:])
    return "".join(parts), True
