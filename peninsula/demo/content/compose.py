"""Compose the bulk of the demo's publications from the original fragments, deterministically.

A seeded random.Random makes the same choices on every run, so a second load produces the
same titles and slugs as the first and finds every page already there.
"""

import random
from types import SimpleNamespace

from peninsula.demo.content import reader
from peninsula.demo.content.base import Piece
from peninsula.demo.images import HERO_COUNT

# fragments.toml, by the names the composer reads them (f.THEME_TEXT, f.OPENERS, ...)
f = SimpleNamespace(
    **{name.upper(): value for name, value in reader.toml("fragments.toml").items()}
)

# How many of each type to compose, on top of the hand-written pieces.
COMPOSED_COUNTS = {
    "article": 38,
    "brief": 32,
    "report": 15,
    "podcast": 13,
    "event": 12,
    "video": 12,
}
SEED = 20250301
HOST = "sarah-pomeroy"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(template: str, subject: str, focus: str = "") -> str:
    return template.format(s=subject, S=_cap(subject), focus=focus)


class Composer:
    def __init__(self, taken_titles: set[str], seed: int = SEED):
        self.rng = random.Random(seed)
        self.taken = {title.lower() for title in taken_titles}
        self.themes = list(f.THEME_TEXT)

    def _title(self, frames, subject):
        options = list(frames)
        self.rng.shuffle(options)
        for frame in options:
            title = _fill(frame, subject)
            if title.lower() not in self.taken:
                self.taken.add(title.lower())
                return title
        return None

    def _pick_subject(self, theme, frames):
        subjects = list(f.THEME_TEXT[theme]["subjects"])
        self.rng.shuffle(subjects)
        for subject in subjects:
            title = self._title(frames, subject)
            if title:
                return subject, title
        raise RuntimeError(f"ran out of titles for {theme}")

    def _classify(self, theme):
        text = f.THEME_TEXT[theme]
        themes = [theme]
        if self.rng.random() < 0.35:
            themes.append(self.rng.choice(f.RELATED[theme]))
        regions = self.rng.sample(
            text["regions"], k=min(len(text["regions"]), self.rng.randint(1, 3))
        )
        topics = list(text["topics"]) if text["topics"] and self.rng.random() < 0.6 else []
        authors = self.rng.sample(text["experts"], k=self.rng.choice([1, 1, 1, 2, 2, 3]))
        return themes, regions, topics, authors

    def _hero(self, chance=0.75):
        return self.rng.randrange(HERO_COUNT) if self.rng.random() < chance else None

    def _essay(self, themes, subject, sections=3):
        """Opener, headed sections of theme paragraphs, a pull quote, a closer and notes.

        Two sections draw on the main theme; a third, when there is one, on the second.
        """
        theme = themes[0]
        text = f.THEME_TEXT[theme]
        paragraphs = self.rng.sample(text["paragraphs"], k=4)
        if sections > 2:
            other = f.THEME_TEXT[themes[-1]]["paragraphs"]
            pool = [
                p for p in (other if len(themes) > 1 else text["paragraphs"]) if p not in paragraphs
            ]
            paragraphs += self.rng.sample(pool, k=2)
        headings = self.rng.choice(f.HEADINGS)
        body = [_fill(self.rng.choice(f.OPENERS), subject, text["focus"])]
        notes = self.rng.sample(f.NOTES, k=self.rng.randint(1, 2))
        for index, heading in enumerate(headings[:sections]):
            body.append(f"## {heading}")
            body += paragraphs[2 * index : 2 * index + 2]
            if index == 0:
                body.append(f"> {self.rng.choice(text['quotes'])}")
        body[2] = body[2] + "[1]"
        if len(notes) > 1:
            body[-1] = body[-1] + "[2]"
        body.append(_fill(self.rng.choice(f.CLOSERS), subject, text["focus"]))
        return body, notes

    def _summary(self, subject, focus):
        templates = [
            "How {s} could reshape {focus}, and what policymakers should do now.",
            "A fresh look at {s}: the background, the trade-offs and the choices ahead.",
            "The case for closer attention to {s}, and what that could mean for {focus}.",
            "The debate over {s} is shifting. Here is what has changed and what comes next.",
        ]
        return _fill(self.rng.choice(templates), subject, focus)

    def article(self, theme, kind="article", frames=f.TITLE_FRAMES, sections=None):
        subject, title = self._pick_subject(theme, frames)
        themes, regions, topics, authors = self._classify(theme)
        body, notes = self._essay(themes, subject, sections or self.rng.choice([2, 3]))
        focus = f.THEME_TEXT[theme]["focus"]
        return Piece(
            kind=kind,
            title=title,
            summary=self._summary(subject, focus),
            body=body,
            notes=notes,
            authors=authors,
            themes=themes,
            regions=regions,
            topics=topics,
            hero=self._hero(),
        )

    def report(self, theme):
        piece = self.article(theme, kind="report", frames=f.REPORT_FRAMES, sections=3)
        piece.subtitle = "A Haneul Policy Institute working paper"
        piece.body.insert(0, "## Summary")
        piece.authors = self.rng.sample(f.THEME_TEXT[theme]["experts"], k=2)
        return piece

    def brief(self, first_theme, second_theme):
        first = self.rng.choice(f.THEME_TEXT[first_theme]["subjects"])
        second = self.rng.choice(f.THEME_TEXT[second_theme]["subjects"])
        if first == second:
            return None
        title = f"{_cap(first)}, {second} and more"
        if title.lower() in self.taken:
            return None
        self.taken.add(title.lower())
        desks = self.rng.sample(list(f.REGION_ITEMS), k=3)
        body = []
        for desk in desks:
            body += [f"## {desk}", self.rng.choice(f.REGION_ITEMS[desk])]
        body += ["## In focus", self.rng.choice(f.THEME_TEXT[first_theme]["paragraphs"])]
        return Piece(
            kind="brief",
            title=title,
            summary=f"This week: {first}, {second}, and news from "
            f"{', '.join(desks[:-1])} and {desks[-1]}.",
            body=body,
            authors=[self.rng.choice(["yoon-hee-kwak", HOST, "soo-ah-chung"])],
            themes=[first_theme, second_theme] if first_theme != second_theme else [first_theme],
            regions=self.rng.sample(f.THEME_TEXT[first_theme]["regions"], k=1),
            hero=self._hero(0.3),
        )

    def podcast(self, theme):
        subject, title = self._pick_subject(theme, f.PODCAST_FRAMES)
        themes, regions, topics, guests = self._classify(theme)
        guests = guests[:2]
        names = [_person_name(slug) for slug in guests]
        text = f.THEME_TEXT[theme]
        answers = self.rng.sample(text["paragraphs"], k=len(f.PODCAST_QUESTIONS))
        transcript = []
        for index, (question, answer) in enumerate(zip(f.PODCAST_QUESTIONS, answers, strict=True)):
            transcript += [
                ("Sarah Pomeroy", _fill(question, subject)),
                (names[index % len(names)], answer),
            ]
        body = [
            f"Sarah Pomeroy talks with {' and '.join(names)} about {subject}.",
            "## In this episode",
            self.rng.choice(text["paragraphs"]),
            f"> {self.rng.choice(text['quotes'])} -- {names[0]}",
        ]
        return Piece(
            kind="podcast",
            title=title,
            summary=self._summary(subject, text["focus"]),
            body=body,
            authors=[HOST, *guests],
            themes=themes,
            regions=regions,
            topics=topics,
            hero=self._hero(0.6),
            extra={"duration_seconds": self.rng.randint(1500, 3600), "transcript": transcript},
        )

    def event(self, theme, upcoming):
        subject, title = self._pick_subject(theme, f.EVENT_FRAMES)
        themes, regions, topics, speakers = self._classify(theme)
        text = f.THEME_TEXT[theme]
        in_seoul = self.rng.random() < 0.4
        body = [
            f"Fellows and guests discuss {subject} and what it means for {text['focus']}.",
            "## About the discussion",
            *self.rng.sample(text["paragraphs"], k=2),
            "## Format",
            "Opening remarks, a moderated conversation, and questions from the audience.",
        ]
        roles = ["Moderator", "Speaker", "Speaker"]
        return Piece(
            kind="event",
            title=title,
            summary=f"The Institute's experts discuss {subject} and what comes next.",
            body=body,
            authors=speakers,
            themes=themes,
            regions=regions,
            topics=topics,
            hero=self._hero(0.6),
            days_ago=-self.rng.randint(4, 120) if upcoming else self.rng.randint(15, 700),
            extra={
                "start_time": (self.rng.choice([9, 10, 14, 16, 18]), self.rng.choice([0, 30])),
                "duration_hours": self.rng.choice([1, 1.5, 2]),
                "time_zone": "Asia/Seoul" if in_seoul else "America/New_York",
                "venue": self.rng.choice([None, "in_person"]),
                "in_seoul": in_seoul,
                "online": True,
                "registration": upcoming,
                "speakers": list(zip(speakers, roles, strict=False)),
            },
        )

    def video(self, theme):
        subject, title = self._pick_subject(theme, f.VIDEO_FRAMES)
        themes, regions, topics, authors = self._classify(theme)
        text = f.THEME_TEXT[theme]
        body = [
            f"{_person_name(authors[0])} on {subject}.",
            *self.rng.sample(text["paragraphs"], k=2),
        ]
        return Piece(
            kind="video",
            title=title,
            summary=self._summary(subject, text["focus"]),
            body=body,
            authors=authors[:1],
            themes=themes,
            regions=regions,
            topics=topics,
            hero=self._hero(0.9),
            extra={"duration_seconds": self.rng.randint(180, 1500)},
        )

    def compose(self) -> list[Piece]:
        pieces = []
        cycle = self.themes
        for index in range(COMPOSED_COUNTS["article"]):
            pieces.append(self.article(cycle[index % len(cycle)]))
        for index in range(COMPOSED_COUNTS["report"]):
            pieces.append(self.report(cycle[(index * 3) % len(cycle)]))
        made = 0
        while made < COMPOSED_COUNTS["brief"]:
            brief = self.brief(self.rng.choice(cycle), self.rng.choice(cycle))
            if brief:
                pieces.append(brief)
                made += 1
        for index in range(COMPOSED_COUNTS["podcast"]):
            pieces.append(self.podcast(cycle[(index * 7) % len(cycle)]))
        for index in range(COMPOSED_COUNTS["event"]):
            pieces.append(self.event(cycle[(index * 3 + 1) % len(cycle)], upcoming=index % 2 == 0))
        for index in range(COMPOSED_COUNTS["video"]):
            pieces.append(self.video(cycle[(index * 7 + 2) % len(cycle)]))
        # Spread publication dates over two years, newest first within each type.
        for piece in pieces:
            if piece.kind != "event":
                piece.days_ago = self.rng.randint(1, 730)
        return pieces


def _person_name(slug: str) -> str:
    from peninsula.demo.content import PEOPLE

    return next(name for name, *_ in PEOPLE if _slug(name) == slug)


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name)
