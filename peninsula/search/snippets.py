"""A short passage of a result with the reader's words marked, HTML-escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from peninsula.search.analyzer import analyze_word, cjk_bigrams, fold, is_cjk
from peninsula.search.query import ParsedQuery

WINDOW = 240
LEAD = 60
SCAN_CHARS = 100_000
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _targets(query: ParsedQuery, corrections: dict[str, str] | None):
    terms = set(query.should_terms) | set((corrections or {}).values())
    prefixes = [word.text for word in query.words if word.prefix and not is_cjk(word.text)]
    cjk = [word.text for word in query.words if is_cjk(word.text)]
    cjk += [bigram for word in list(cjk) if len(word) > 2 for bigram in cjk_bigrams(word)]
    return terms, prefixes, cjk


def match_spans(text: str, query: ParsedQuery, corrections=None) -> list[tuple[int, int]]:
    """(start, end) of every place in `text` that a query word matched."""
    terms, prefixes, cjk = _targets(query, corrections)
    spans = []
    for match in _WORD.finditer(text[:SCAN_CHARS]):
        word = fold(match.group(0))
        if is_cjk(word) or any(is_cjk(char) for char in word):
            for needle in cjk:
                for found in re.finditer(re.escape(needle), match.group(0)):
                    spans.append((match.start() + found.start(), match.start() + found.end()))
            continue
        if any(word.startswith(prefix) for prefix in prefixes) or (
            terms and set(analyze_word(word)) & terms
        ):
            spans.append(match.span())
    return _merge(sorted(spans))


def _merge(spans):
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, spans) -> tuple[int, int]:
    if not spans:
        return 0, min(len(text), WINDOW)
    start = max(0, spans[0][0] - LEAD)
    if start:  # begin at a word boundary
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space != -1 else start
    end = min(len(text), start + WINDOW)
    if end < len(text):
        space = text.rfind(" ", spans[0][1], end)
        end = space if space != -1 else end
    return start, end


def _marked(text, spans, start, end, before, after, quote=str) -> str:
    """text[start:end] with each span inside it wrapped in `before` and `after`, every piece
    of the text passed through `quote`."""
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts += [quote(text[cursor:span_start]), before, quote(text[span_start:span_end]), after]
        cursor = span_end
    parts.append(quote(text[cursor:end]))
    return "".join(parts)


def highlight(text: str, query: ParsedQuery, corrections=None) -> SafeString:
    """An escaped passage of `text` around the first match, matches in <mark>."""
    if not text:
        return mark_safe("")
    spans = match_spans(text, query, corrections)
    start, end = _window(text, spans)
    passage = _marked(text, spans, start, end, "<mark>", "</mark>", escape)
    return mark_safe(("…" if start else "") + passage + ("…" if end < len(text) else ""))


def mark_all(text: str, query: ParsedQuery, corrections=None) -> SafeString:
    """All of a short text (a title), escaped, every match in <mark>."""
    spans = match_spans(text, query, corrections)
    return mark_safe(_marked(text, spans, 0, len(text), "<mark>", "</mark>", escape))


def snippet_source(hit) -> str:
    return hit.text or hit.summary or ""


def plain_snippet(hit, query: ParsedQuery) -> str:
    """The passage as plain text, matches in [brackets] (for the command line)."""
    text = snippet_source(hit)
    if not text:
        return ""
    spans = match_spans(text, query)
    start, end = _window(text, spans)
    return _marked(text, spans, start, end, "[", "]")


def surface_word(term: str, texts: list[str]) -> str:
    """A word as written in these texts whose index term is `term` ("sanctions" for
    "sanction"), to show a reader a real word rather than a stem."""
    for text in texts:
        for match in _WORD.finditer(text[:SCAN_CHARS]):
            word = fold(match.group(0))
            if analyze_word(word) == [term]:
                return word
    return term
