"""Everything the demo institute publishes, as plain data."""

from django.utils.text import slugify

from peninsula.demo.content.base import Piece
from peninsula.demo.content.commentary import COMMENTARY
from peninsula.demo.content.compose import Composer
from peninsula.demo.content.korean import KOREAN
from peninsula.demo.content.media import EVENTS, PODCASTS, VIDEOS
from peninsula.demo.content.research import BRIEFS, REPORTS

HAND_WRITTEN = [*COMMENTARY, *REPORTS, *BRIEFS, *KOREAN, *PODCASTS, *EVENTS, *VIDEOS]


def all_pieces() -> list[Piece]:
    """The hand-written pieces and the composed ones, each with a unique slug."""
    pieces = [*HAND_WRITTEN, *Composer({piece.title for piece in HAND_WRITTEN}).compose()]
    _number(pieces)
    seen = set()
    for piece in pieces:
        base = piece.slug or slugify(piece.title)[:80].strip("-")
        slug, n = base, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        piece.slug = slug
        seen.add(slug)
    return pieces


def _number(pieces: list[Piece]) -> None:
    """Briefs come out weekly and are numbered; podcast episodes are numbered by date."""
    briefs = sorted((p for p in pieces if p.kind == "brief"), key=lambda p: p.days_ago)
    for rank, brief in enumerate(briefs):
        brief.days_ago = 2 + 7 * rank
        brief.extra["issue_number"] = len(briefs) - rank
    episodes = sorted((p for p in pieces if p.kind == "podcast"), key=lambda p: -p.days_ago)
    for number, episode in enumerate(episodes, start=1):
        episode.extra["episode_number"] = number


__all__ = ["HAND_WRITTEN", "Piece", "all_pieces"]
