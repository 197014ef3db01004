"""Everything the demo institute publishes, read from the content files in this folder.

institute.toml   the institute's settings, the home page's introduction, event venues
about.md         the About page
people.md        the experts and staff, one document each, the bio as its body
series.toml      one series per publication type
taxonomy.toml    themes, regions and topics
commentary.md, reports.md, briefs.md, korean.md, podcasts.md, events.md, videos.md
                 hand-written publications, one document each (reader.py says how)
fragments.toml   the building blocks compose.py makes the other publications from
"""

from django.utils.text import slugify

from peninsula.demo.content import reader
from peninsula.demo.content.base import Piece
from peninsula.demo.content.compose import Composer

_institute = reader.toml("institute.toml")
INSTITUTE: dict = _institute["institute"]
HOME_INTRODUCTION: str = _institute["home_introduction"]
VENUES = {key: (venue["name"], venue["address"]) for key, venue in _institute["venues"].items()}
DC_VENUE, SEOUL_VENUE = VENUES["washington"], VENUES["seoul"]
ABOUT = reader.page("about.md")
PEOPLE = reader.people("people.md")
SERIES = {
    series["kind"]: (series["slug"], series["title"], series["introduction"], series["in_menu"])
    for series in reader.toml("series.toml")["series"]
}
SERIES_ORDER = list(SERIES)
# {"themes": [(slug, name, description)], "regions": ..., "topics": ...}, in menu order
TERMS = {
    plural: [(term["slug"], term["name"], term.get("description", "")) for term in terms]
    for plural, terms in reader.toml("taxonomy.toml").items()
}
THEMES, REGIONS, TOPICS = TERMS["themes"], TERMS["regions"], TERMS["topics"]

HAND_WRITTEN = [
    *reader.pieces("commentary.md"),
    *reader.pieces("reports.md"),
    *reader.pieces("briefs.md"),
    *reader.pieces("korean.md"),
    *reader.pieces("podcasts.md"),
    *reader.pieces("events.md", venues={**VENUES, "online": None}),
    *reader.pieces("videos.md"),
]


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


__all__ = [
    "ABOUT",
    "DC_VENUE",
    "HAND_WRITTEN",
    "HOME_INTRODUCTION",
    "INSTITUTE",
    "PEOPLE",
    "REGIONS",
    "SEOUL_VENUE",
    "SERIES",
    "SERIES_ORDER",
    "TERMS",
    "THEMES",
    "TOPICS",
    "Piece",
    "all_pieces",
]
