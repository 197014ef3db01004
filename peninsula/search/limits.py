"""How much of one page's text is indexed (PENINSULA_SEARCH_MAX_TEXT_MB, docs/deployment.md).

Analysing text costs many times its size in memory (a Python string and a list entry per
word), so one enormous page could make the indexing task hold gigabytes. Beyond the first
million or so characters a page is found by what it has already said; the rest is left out.
"""

from django.conf import settings


def max_indexed_chars() -> int:
    return int(getattr(settings, "PENINSULA_SEARCH_MAX_TEXT_MB", 1) * 1024 * 1024)


def capped(text: str, limit: int | None = None) -> str:
    limit = max_indexed_chars() if limit is None else limit
    return text if len(text) <= limit else text[:limit]


def capped_values(values, limit: int | None = None) -> list:
    """A field's values (strings, or anything else passed through) up to `limit` characters
    in all, for indexes that take a field as many values (the admin search)."""
    budget = max_indexed_chars() if limit is None else limit
    kept = []
    for value in values:
        if isinstance(value, str):
            if budget <= 0:
                break
            value = value[:budget]
            budget -= len(value)
        kept.append(value)
    return kept
