"""Generated publications for benchmarks and demos: plausible live pages, written in bulk.

    .venv/bin/python bench/generate.py --count N [--seed 1] [--batch-size 2000] [--no-index]

Adds N live publications of every type, spread over the series, to the site that the
environment names (DATABASE_URL, PENINSULA_DATA_DIR, as for `peninsula manage`); a few
series, people and taxonomy terms are created first when there are none. Creating a million
pages through `add_child` and revisions would take days, so each batch goes through the
product's bulk page writer (peninsula.pagewriter, as the importer's new posts do), one
transaction per batch; nothing is kept between batches, so memory stays flat.

The pages are ordinary live Wagtail pages without revisions (as after a fixture load): they
render, list and open in the admin; the first edit there creates their first revision.
They are added to the site search (unless --no-index), not to the admin search or the
reference index. Used by bench/page_speed.py, search_speed.py, speed_layer.py, load.py and
tests/test_generate.py.
"""

import argparse
import datetime
import os
import random
import sys
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BATCH_SIZE = 2_000
YEARS = 20

# Roughly what a think tank's archive holds: mostly commentary, fewer long reports.
TYPE_SHARES = {
    "article": 45,
    "brief": 20,
    "report": 12,
    "podcast": 8,
    "event": 8,
    "video": 7,
}

STARTER_SERIES = [
    ("The Peninsula", "Commentary and analysis from our fellows."),
    ("Weekly Brief", "The week's developments in five minutes."),
    ("Research Papers", "Long-form reports and working papers."),
    ("Korea Conversations", "Podcasts, events and video from the institute."),
]
STARTER_THEMES = [
    "Security", "Economics and Trade", "Energy and Climate", "Technology",
    "Diplomacy", "Human Rights", "Society and Culture", "Governance",
]  # fmt: skip
STARTER_REGIONS = [
    "North Korea", "South Korea", "China", "Japan", "United States", "Russia", "Southeast Asia",
]  # fmt: skip
STARTER_TOPICS = [
    "Nuclear weapons", "Sanctions", "Supply chains", "Semiconductors", "Alliances",
    "Elections", "Demography", "Cybersecurity", "Maritime", "Aid", "Migration", "Finance",
]  # fmt: skip
GIVEN_NAMES = ["Min-ji", "Jae-won", "Sarah", "David", "Hye-jin", "Thomas", "Yuki", "Elena",
               "Sung-ho", "Rachel", "Andrew", "Ji-yeon", "Marcus", "Soo-ah", "Daniel"]  # fmt: skip
FAMILY_NAMES = ["Kim", "Park", "Lee", "Choi", "Jung", "Smith", "Tanaka", "Novak", "Cha",
                "Walker", "Yoon", "Han", "Brennan", "Moon", "Richter"]  # fmt: skip
JOB_TITLES = ["Senior Fellow", "Non-Resident Fellow", "Research Associate", "Director of Studies"]

OPENINGS = ["Rethinking", "Beyond", "The Future of", "Understanding", "Managing", "Reassessing",
            "The Politics of", "The Limits of", "Why We Misread", "A New Approach to",
            "The Return of", "Lessons from"]  # fmt: skip
SUBJECTS = ["the Alliance", "Deterrence", "Trade Policy", "Energy Security", "Sanctions",
            "Chip Diplomacy", "Maritime Disputes", "Extended Deterrence", "Food Security",
            "Inter-Korean Dialogue", "Export Controls", "Defence Spending", "Climate Finance",
            "Humanitarian Aid", "Missile Defence", "Industrial Policy"]  # fmt: skip
SETTINGS = ["on the Peninsula", "in Northeast Asia", "after the Summit", "in an Election Year",
            "Under Pressure", "in a Divided Region", "at a Crossroads", "for the Next Decade",
            "in Seoul and Tokyo", "in Washington's Strategy"]  # fmt: skip
SENTENCES = [
    "The shift has consequences that policymakers have been slow to recognise.",
    "Recent data point to a more complicated picture than the headlines suggest.",
    "Allies will need to coordinate more closely if the gains are to last.",
    "The debate in Seoul has moved faster than the one in Washington.",
    "Much depends on choices that will be made in the next eighteen months.",
    "Three scenarios show how quickly the balance could change.",
    "Past attempts offer lessons, but few of them are encouraging.",
    "The costs of inaction are rising, and they fall unevenly.",
    "Domestic politics constrain what any government can credibly promise.",
    "A narrower, more realistic agenda may achieve more than a grand bargain.",
]
HEADINGS = ["Background", "What has changed", "The stakes", "Options", "What comes next"]
TIME_ZONES = ["Asia/Seoul", "America/New_York", "Europe/London", "Asia/Tokyo"]
VENUES = ["Peninsula Institute conference room", "Press Center, Seoul", "Online"]


@dataclass
class Scaffold:
    """What generated pages hang from and point at, fetched once before the first batch."""

    series: list  # SeriesPage
    series_weights: list[float]
    person_ids: list[int]
    themes: list
    regions: list
    topics: list


@dataclass
class GenerationResult:
    created: int
    by_type: Counter
    live_count: int


def generate_publications(
    count: int,
    *,
    seed: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
    index: bool = True,
) -> GenerationResult:
    """Add `count` live publications spread over the series; returns what was created."""
    from django.db import connection, transaction
    from django.db.models import Max
    from wagtail.models import Page

    from peninsula.pagewriter import PageWriter
    from peninsula.publications.models import PublicationPage
    from peninsula.publishing.actions import archive_changed

    scaffold = ensure_scaffold()
    highest = Page.objects.aggregate(highest=Max("pk"))["highest"] or 0
    rng = random.Random(f"{seed}:{highest}")
    writer = PageWriter(size=batch_size, revisions=False)
    by_type: Counter = Counter()
    remaining = count
    while remaining:
        size = min(batch_size, remaining)
        with transaction.atomic():
            by_type.update(_add_batch(writer, scaffold, rng, size))
            writer.flush()
        remaining -= size
        if on_batch:
            on_batch(size)
    # The site search, the "Total Index" count and every cache follow the archive.
    archive_changed(published_ids=writer.written if index else ())
    _analyze(connection)
    live = PublicationPage.objects.live().count()
    return GenerationResult(created=count, by_type=by_type, live_count=live)


def ensure_scaffold() -> Scaffold:
    """The series, people and taxonomy terms to use, creating a starter set of each if none."""
    from peninsula.home.models import HomePage
    from peninsula.people.models import PeopleIndexPage, PersonPage
    from peninsula.publications.models import SeriesPage
    from peninsula.taxonomy.models import Region, Theme, Topic

    home = HomePage.objects.first()
    if home is None:
        raise LookupError("There is no home page: run the migrations first.")
    if not SeriesPage.objects.exists():
        for order, (title, intro) in enumerate(STARTER_SERIES):
            _add_live(home, SeriesPage(title=title, introduction=intro, sort_order=order))
    if not PersonPage.objects.exists():
        people = PeopleIndexPage.objects.first() or _add_live(
            home, PeopleIndexPage(title="Experts", slug="experts")
        )
        for number in range(40):
            given, family = GIVEN_NAMES[number % 15], FAMILY_NAMES[(number * 7 + number // 15) % 15]
            person = PersonPage(title=f"{given} {family}", job_title=JOB_TITLES[number % 4])
            _add_live(people, person)
    for model, names in (
        (Theme, STARTER_THEMES),
        (Region, STARTER_REGIONS),
        (Topic, STARTER_TOPICS),
    ):
        if not model.objects.exists():
            for order, name in enumerate(names):
                model.objects.create(name=name, sort_order=order)

    series = list(SeriesPage.objects.order_by("path"))
    return Scaffold(
        series=series,
        # The first series is the busy blog; later ones publish less.
        series_weights=[1 / (position + 1) for position in range(len(series))],
        person_ids=list(PersonPage.objects.values_list("pk", flat=True)),
        themes=list(Theme.objects.all()),
        regions=list(Region.objects.all()),
        topics=list(Topic.objects.all()),
    )


def _add_live(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def type_models() -> dict:
    """{kind: page model} for the kinds of TYPE_SHARES."""
    from peninsula.publications import models

    pages = [models.ArticlePage, models.BriefPage, models.ReportPage]
    pages += [models.PodcastEpisodePage, models.EventPage, models.VideoPage]
    return {model.kind.value: model for model in pages}


def _add_batch(writer, scaffold: Scaffold, rng: random.Random, size: int) -> Counter:
    from peninsula.publications.models import PublicationAuthor

    models = type_models()

    today = datetime.date.today()
    kinds = rng.choices(list(TYPE_SHARES), weights=list(TYPE_SHARES.values()), k=size)
    parents = rng.choices(scaffold.series, weights=scaffold.series_weights, k=size)
    for kind, parent in zip(kinds, parents, strict=True):
        # Skewed towards recent years, as archives grow.
        date = today - datetime.timedelta(days=int(rng.random() ** 1.5 * YEARS * 365))
        published_at = datetime.datetime.combine(
            date, datetime.time(rng.randrange(7, 20), rng.randrange(60)), tzinfo=datetime.UTC
        )
        title = f"{rng.choice(OPENINGS)} {rng.choice(SUBJECTS)} {rng.choice(SETTINGS)}"
        page = models[kind](
            title=title,
            live=True,
            first_published_at=published_at,
            last_published_at=published_at,
            translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
            date=date,
            summary=" ".join(rng.sample(SENTENCES, 2)),
            body=_body(rng),
            featured=rng.random() < 0.002,
        )
        _fill_type(page, kind, date, rng)
        people = rng.sample(
            scaffold.person_ids, min(rng.choice((1, 1, 1, 2, 2, 3)), len(scaffold.person_ids))
        )
        page.authors = [
            PublicationAuthor(person_id=person, sort_order=order)
            for order, person in enumerate(people)
        ]
        page.themes.set(_some(rng, scaffold.themes, (1, 1, 2)))
        page.regions.set(_some(rng, scaffold.regions, (0, 1, 1, 2)))
        page.topics.set(_some(rng, scaffold.topics, (0, 1, 2)))
        # The slug names the page id, which the writer gives it.
        page.slug = ""
        writer.add(page, parent)
        page.slug = f"{_slugish(title)}-{page.pk}"
        page.url_path = f"{parent.url_path}{page.slug}/"
    return Counter(kinds)


def _fill_type(page, kind, date, rng):
    """The fields of each publication type."""
    if kind == "brief":
        page.issue_number = rng.randrange(1, 900)
    elif kind == "report":
        page.page_count = rng.randrange(8, 120)
    elif kind == "podcast":
        page.audio_url = f"https://media.example.org/episodes/{rng.getrandbits(32)}.mp3"
        page.duration_seconds = rng.randrange(900, 4200)
        page.episode_number = rng.randrange(1, 400)
    elif kind == "video":
        page.video_url = f"https://www.youtube.com/watch?v=gen{rng.getrandbits(26):08d}"
        page.duration_seconds = rng.randrange(60, 5400)
    elif kind == "event":
        # Announced two to eight weeks ahead, so the newest events are still upcoming.
        page.start_date = date + datetime.timedelta(days=rng.randrange(14, 56))
        page.time_zone = rng.choice(TIME_ZONES)
        page.start_time = datetime.time(rng.choice((9, 10, 14, 16)), rng.choice((0, 30)))
        page.end_time = datetime.time(
            page.start_time.hour + rng.choice((1, 2)), page.start_time.minute
        )
        venue = rng.choice(VENUES)
        if venue == "Online":
            page.online_url = f"https://live.example.org/{rng.getrandbits(32)}"
        else:
            page.venue_name = venue
        page.starts_at, page.ends_at = page.utc_span()


def _body(rng):
    """A heading and two short paragraphs, as a StreamField stores them."""

    def block(kind, value):
        return {
            "type": kind,
            "value": value,
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        }

    return [
        block("paragraph", f"<p>{' '.join(rng.sample(SENTENCES, 3))}</p>"),
        block("heading", {"text": rng.choice(HEADINGS), "level": "h2"}),
        block("paragraph", f"<p>{' '.join(rng.sample(SENTENCES, 2))}</p>"),
    ]


def _some(rng, terms, counts):
    return rng.sample(terms, min(rng.choice(counts), len(terms)))


def _slugish(title: str) -> str:
    return "-".join("".join(ch for ch in word if ch.isalnum()) for word in title.lower().split())[
        :80
    ]


def _analyze(connection):
    """Fresh planner statistics for the grown tables (and, on PostgreSQL, VACUUM: index-only
    scans of the listing counts need the visibility map it sets, which autovacuum would
    only get to some minutes later)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, required=True, help="how many to add")
    parser.add_argument("--seed", type=int, default=1, help="seed for the random content")
    parser.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="pages per transaction"
    )
    parser.add_argument(
        "--no-index",
        action="store_true",
        help="leave the search index alone (run `peninsula search reindex` later)",
    )
    options = parser.parse_args(argv)
    if options.count < 1:
        parser.error("--count must be at least 1")
    if options.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peninsula.settings.base")
    import django

    django.setup()
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("Generating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeRemainingColumn(),
    )
    try:
        with Progress(*columns, transient=False) as progress:
            task = progress.add_task("publications", total=options.count)
            result = generate_publications(
                options.count,
                seed=options.seed,
                batch_size=options.batch_size,
                on_batch=lambda size: progress.advance(task, size),
                index=not options.no_index,
            )
    except (LookupError, OverflowError) as error:
        sys.exit(f"generate.py: {error}")
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.by_type.items()))
    print(f"Added {result.created} publications ({kinds}).")
    print(f"Live publications now: {result.live_count}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
