"""Everything the demo institute publishes, read from the content files in this folder.

institute.toml   the institute's settings, the home page's introduction, event venues,
                 departments
about.md         the About page
privacy.md       the privacy policy
contact.md       the contact form page: its introduction, fields and thank-you message
landing.md       the research programme's landing page
news.md          the News page, then its press releases, statements and news
people.md        the experts and staff, one document each, the bio as its body, their
                 department, areas of expertise and whether journalists may call them
series.toml      one series per publication type
taxonomy.toml    themes, regions and topics
commentary.md, reports.md, briefs.md, korean.md, podcasts.md, events.md, videos.md
                 hand-written publications, one document each (reader.py says how)
fragments.toml   the building blocks compose.py makes the other publications from
"""

from django.utils.text import slugify

from peninsula.demo.content import reader
from peninsula.demo.content.base import Piece, inline
from peninsula.demo.content.compose import Composer

_institute = reader.toml("institute.toml")
INSTITUTE: dict = _institute["institute"]
HOME_INTRODUCTION: str = _institute["home_introduction"]
VENUES = {key: (venue["name"], venue["address"]) for key, venue in _institute["venues"].items()}
DC_VENUE, SEOUL_VENUE = VENUES["washington"], VENUES["seoul"]
HOME_EXPERTS_HEADING: str = _institute["home_experts_heading"]
DEPARTMENTS = [(department["slug"], department["name"]) for department in _institute["departments"]]
ABOUT = reader.page("about.md")
PRIVACY = reader.page("privacy.md")
PEOPLE = reader.people("people.md")
# person slug: (department slug, areas of expertise, available to the media, media phone)
PEOPLE_PROFILES = {
    slugify(person.front["name"]): (
        person.front["department"],
        person.front["expertise"],
        person.front["media_contact"],
        person.front.get("media_phone", ""),
    )
    for person in reader.documents("people.md")
}
_news_index, *_news = reader.documents("news.md")
NEWS_INDEX = {key: _news_index.front[key] for key in ("title", "slug", "introduction")}
PRESS_CONTACT: str = _news_index.front["media_contact"]
# (slug, kind, days ago, location, title, summary, body paragraphs in the demo markup)
NEWS = [
    (
        item.front["slug"],
        item.front["kind"],
        item.front["days_ago"],
        item.front["location"],
        item.front["title"],
        item.front["summary"],
        item.body,
    )
    for item in _news
]
LANDING = reader.page("landing.md")
LANDING["text"] = LANDING.pop("body")
_contact = reader.documents("contact.md")[0]
CONTACT = {
    "title": _contact.front["title"],
    "slug": _contact.front["slug"],
    "subject": _contact.front["subject"],
    "introduction": "".join(f"<p>{inline(p)}</p>" for p in _contact.body),
    "thank_you_text": "".join(f"<p>{inline(p)}</p>" for p in _contact.sections["thank you"]),
    # (label, type, required, choices)
    "fields": [
        (field["label"], field["type"], field["required"], "\n".join(field.get("choices", [])))
        for field in _contact.front["fields"]
    ],
}
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
    "CONTACT",
    "DC_VENUE",
    "DEPARTMENTS",
    "HAND_WRITTEN",
    "HOME_EXPERTS_HEADING",
    "HOME_INTRODUCTION",
    "INSTITUTE",
    "LANDING",
    "NEWS",
    "NEWS_INDEX",
    "PEOPLE",
    "PEOPLE_PROFILES",
    "PRESS_CONTACT",
    "PRIVACY",
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
