"""Generated publications for benchmarks: plausible pages written straight into the tables.

Creating a million pages through `add_child` and revisions would take days, and Django's
bulk_create refuses multi-table-inherited models. So each batch writes every table level
itself (wagtailcore_page, publications_publicationpage, the type's own table, authors and
classification rows) with explicit page ids, treebeard paths under a series page and the
series' numchild kept in step, one transaction per batch. Nothing is kept between batches,
so memory stays flat however many pages are added.

The pages are ordinary live Wagtail pages without revisions (as after a fixture load): they
render, list and open in the admin; the first edit there creates their first revision.
They are not added to the search index or the reference index.
"""

import datetime
import json
import random
import uuid
import zoneinfo
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Page

from peninsula.core import cache_version
from peninsula.home.models import HomePage
from peninsula.people.models import PeopleIndexPage, PersonPage
from peninsula.publications.models import (
    ArticlePage,
    BriefPage,
    EventPage,
    PodcastEpisodePage,
    PublicationPage,
    ReportPage,
    SeriesPage,
    VideoPage,
)
from peninsula.search.counts import published_count
from peninsula.taxonomy.models import Region, Theme, Topic

DEFAULT_BATCH_SIZE = 2_000
YEARS = 20

# Roughly what a think tank's archive holds: mostly commentary, fewer long reports.
TYPE_SHARES = {
    ArticlePage: 45,
    BriefPage: 20,
    ReportPage: 12,
    PodcastEpisodePage: 8,
    EventPage: 8,
    VideoPage: 7,
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
class SeriesSlot:
    """A series page and the treebeard index its next child will take."""

    id: int
    path: str
    url_path: str
    next_index: int
    added: int = 0


@dataclass
class Scaffold:
    """What generated pages hang from and point at, fetched once before the first batch."""

    series: list[SeriesSlot]
    series_weights: list[float]
    person_ids: list[int]
    theme_ids: list[int]
    region_ids: list[int]
    topic_ids: list[int]
    locale_id: int
    content_types: dict[type, int] = field(default_factory=dict)


@dataclass
class GenerationResult:
    created: int
    by_type: Counter
    published_count: int


def generate_publications(
    count: int,
    *,
    seed: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
    index: bool = True,
) -> GenerationResult:
    """Add `count` live publications spread over the series; returns what was created."""
    scaffold = ensure_scaffold()
    writer = _writer_for(connection)
    rng = random.Random(f"{seed}:{writer.max_page_id()}")
    by_type: Counter = Counter()
    remaining = count
    while remaining:
        size = min(batch_size, remaining)
        first_id = writer.max_page_id()
        with transaction.atomic():
            by_type.update(_write_batch(writer, scaffold, rng, size))
        if index:
            _index_generated(first_id)
        remaining -= size
        if on_batch:
            on_batch(size)
    cache_version.forget()  # listings and counts: the archive changed in bulk
    published = published_count()
    writer.analyze()
    return GenerationResult(created=count, by_type=by_type, published_count=published)


def _index_generated(after_id: int):
    """Put a batch of generated publications in the site's search index, as publishing would."""
    from peninsula.search.actions import index_pages

    index_pages(list(PublicationPage.objects.filter(pk__gt=after_id).values_list("pk", flat=True)))


def ensure_scaffold() -> Scaffold:
    """The series, people and taxonomy terms to use, creating a starter set of each if none."""
    home = HomePage.objects.first()
    if home is None:
        raise LookupError("There is no home page: run the migrations first.")
    if not SeriesPage.objects.exists():
        for order, (title, intro) in enumerate(STARTER_SERIES):
            _add_live(home, SeriesPage(title=title, introduction=intro, sort_order=order))
    if not PersonPage.objects.exists():
        index = PeopleIndexPage.objects.first() or _add_live(
            home, PeopleIndexPage(title="Experts", slug="experts")
        )
        for number in range(40):
            given, family = GIVEN_NAMES[number % 15], FAMILY_NAMES[(number * 7 + number // 15) % 15]
            person = PersonPage(title=f"{given} {family}", job_title=JOB_TITLES[number % 4])
            _add_live(index, person)
    for model, names in (
        (Theme, STARTER_THEMES),
        (Region, STARTER_REGIONS),
        (Topic, STARTER_TOPICS),
    ):
        if not model.objects.exists():
            for order, name in enumerate(names):
                model.objects.create(name=name, sort_order=order)

    series = [
        SeriesSlot(id=page.pk, path=page.path, url_path=page.url_path, next_index=_next_index(page))
        for page in SeriesPage.objects.order_by("path")
    ]
    return Scaffold(
        series=series,
        # The first series is the busy blog; later ones publish less.
        series_weights=[1 / (position + 1) for position in range(len(series))],
        person_ids=list(PersonPage.objects.values_list("pk", flat=True)),
        theme_ids=list(Theme.objects.values_list("pk", flat=True)),
        region_ids=list(Region.objects.values_list("pk", flat=True)),
        topic_ids=list(Topic.objects.values_list("pk", flat=True)),
        locale_id=home.locale_id,
        content_types={model: ContentType.objects.get_for_model(model).pk for model in TYPE_SHARES},
    )


def _add_live(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _next_index(parent: Page) -> int:
    """The treebeard step number after the parent's last child (1 for the first child)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def _write_batch(writer, scaffold: Scaffold, rng: random.Random, size: int) -> Counter:
    ids = writer.allocate_page_ids(size)
    today = datetime.date.today()
    kinds = rng.choices(list(TYPE_SHARES), weights=list(TYPE_SHARES.values()), k=size)
    slots = rng.choices(scaffold.series, weights=scaffold.series_weights, k=size)
    pages, publications, authors, themes, regions, topics = [], [], [], [], [], []
    specific: dict[type, list] = {model: [] for model in TYPE_SHARES}

    for page_id, model, slot in zip(ids, kinds, slots, strict=True):
        index = slot.next_index
        if index >= len(Page.alphabet) ** Page.steplen:
            raise OverflowError(f"Series page {slot.id} has no room for more children.")
        slot.next_index += 1
        slot.added += 1
        # Skewed towards recent years, as archives grow.
        date = today - datetime.timedelta(days=int(rng.random() ** 1.5 * YEARS * 365))
        published_at = datetime.datetime.combine(
            date, datetime.time(rng.randrange(7, 20), rng.randrange(60)), tzinfo=datetime.UTC
        )
        title = f"{rng.choice(OPENINGS)} {rng.choice(SUBJECTS)} {rng.choice(SETTINGS)}"
        slug = f"{_slugish(title)}-{page_id}"
        path = slot.path + Page._int2str(index).rjust(Page.steplen, "0")
        pages.append(
            (
                page_id,
                path,
                len(path) // Page.steplen,
                0,
                writer.uuid(uuid.UUID(int=rng.getrandbits(128), version=4)),
                scaffold.locale_id,
                True,
                False,
                writer.datetime(published_at),
                writer.datetime(published_at),
                False,
                False,
                title,
                title,
                slug,
                scaffold.content_types[model],
                f"{slot.url_path}{slug}/",
                False,
                "",
                "",
            )
        )
        publications.append(
            (
                page_id,
                model.kind.value,
                "",
                writer.date(date),
                " ".join(rng.sample(SENTENCES, 2)),
                "",
                "",
                json.dumps(_body(rng)),
                "",
                rng.random() < 0.002,
                True,
                slot.id,
            )
        )
        specific[model].append(_specific_row(writer, model, page_id, date, rng))
        people = rng.sample(
            scaffold.person_ids, min(rng.choice((1, 1, 1, 2, 2, 3)), len(scaffold.person_ids))
        )
        authors += [(page_id, person, order) for order, person in enumerate(people)]
        themes += [(page_id, term) for term in _some(rng, scaffold.theme_ids, (1, 1, 2))]
        regions += [(page_id, term) for term in _some(rng, scaffold.region_ids, (0, 1, 1, 2))]
        topics += [(page_id, term) for term in _some(rng, scaffold.topic_ids, (0, 1, 2))]

    writer.insert("wagtailcore_page", PAGE_COLUMNS, pages)
    writer.insert("publications_publicationpage", PUBLICATION_COLUMNS, publications)
    for model, rows in specific.items():
        if rows:
            writer.insert(model._meta.db_table, SPECIFIC_COLUMNS[model], rows)
    writer.insert("publications_publicationauthor", ["page_id", "person_id", "sort_order"], authors)
    writer.insert("publications_publicationpage_themes", ["publicationpage_id", "theme_id"], themes)
    writer.insert(
        "publications_publicationpage_regions", ["publicationpage_id", "region_id"], regions
    )
    writer.insert("publications_publicationpage_topics", ["publicationpage_id", "topic_id"], topics)
    for slot in scaffold.series:
        if slot.added:
            writer.add_children(slot.id, slot.added)
            slot.added = 0
    return Counter(model.kind.value for model in kinds)


PAGE_COLUMNS = [
    "id", "path", "depth", "numchild", "translation_key", "locale_id", "live",
    "has_unpublished_changes", "first_published_at", "last_published_at", "expired", "locked",
    "title", "draft_title", "slug", "content_type_id", "url_path", "show_in_menus", "seo_title",
    "search_description",
]  # fmt: skip
PUBLICATION_COLUMNS = [
    "page_ptr_id", "publication_type", "subtitle", "date", "summary", "hero_caption",
    "hero_credit", "body", "disclaimer", "featured", "is_live", "series_page_id",
]  # fmt: skip
SPECIFIC_COLUMNS = {
    ArticlePage: ["publicationpage_ptr_id"],
    BriefPage: ["publicationpage_ptr_id", "issue_number"],
    ReportPage: ["publicationpage_ptr_id", "page_count"],
    PodcastEpisodePage: [
        "publicationpage_ptr_id", "audio_url", "duration_seconds", "episode_number", "transcript",
    ],
    EventPage: [
        "publicationpage_ptr_id", "start_date", "start_time", "end_date", "end_time", "time_zone",
        "venue_name", "venue_address", "online_url", "registration_url", "starts_at", "ends_at",
    ],
    VideoPage: ["publicationpage_ptr_id", "video_url", "duration_seconds"],
}  # fmt: skip


def _specific_row(writer, model, page_id, date, rng):
    if model is BriefPage:
        return (page_id, rng.randrange(1, 900))
    if model is ReportPage:
        return (page_id, rng.randrange(8, 120))
    if model is PodcastEpisodePage:
        audio = f"https://media.example.org/episodes/{page_id}.mp3"
        return (page_id, audio, rng.randrange(900, 4200), rng.randrange(1, 400), "")
    if model is VideoPage:
        return (
            page_id,
            f"https://www.youtube.com/watch?v=gen{page_id:08d}",
            rng.randrange(60, 5400),
        )
    if model is EventPage:
        # Announced two to eight weeks ahead, so the newest events are still upcoming.
        start_date = date + datetime.timedelta(days=rng.randrange(14, 56))
        zone = rng.choice(TIME_ZONES)
        start_time = datetime.time(rng.choice((9, 10, 14, 16)), rng.choice((0, 30)))
        end_time = datetime.time(start_time.hour + rng.choice((1, 2)), start_time.minute)
        starts_at, ends_at = (
            datetime.datetime.combine(
                start_date, moment, tzinfo=zoneinfo.ZoneInfo(zone)
            ).astimezone(datetime.UTC)
            for moment in (start_time, end_time)
        )
        venue = rng.choice(VENUES)
        online = "https://live.example.org/" + str(page_id) if venue == "Online" else ""
        return (
            page_id, writer.date(start_date), writer.time(start_time), None, writer.time(end_time),
            zone, "" if online else venue, "", online, "", writer.datetime(starts_at),
            writer.datetime(ends_at),
        )  # fmt: skip
    return (page_id,)


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


def _some(rng, ids, counts):
    return rng.sample(ids, min(rng.choice(counts), len(ids)))


def _slugish(title: str) -> str:
    return "-".join("".join(ch for ch in word if ch.isalnum()) for word in title.lower().split())[
        :80
    ]


def _writer_for(conn):
    return PostgresWriter(conn) if conn.vendor == "postgresql" else SQLiteWriter(conn)


class SQLiteWriter:
    """Writes rows with executemany and hands out page ids above any ever used."""

    def __init__(self, conn):
        self.conn = conn
        self.ops = conn.ops

    def max_page_id(self) -> int:
        with self.conn.cursor() as cursor:
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM wagtailcore_page")
            highest = cursor.fetchone()[0]
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'wagtailcore_page'")
            row = cursor.fetchone()
        return max(highest, row[0] if row else 0)

    def allocate_page_ids(self, size: int) -> list[int]:
        # Called inside the batch's transaction, which SQLite opens IMMEDIATE (write-locked).
        first = self.max_page_id() + 1
        return list(range(first, first + size))

    def insert(self, table, columns, rows):
        if not rows:
            return
        names = ", ".join(self.ops.quote_name(column) for column in columns)
        marks = ", ".join(["%s"] * len(columns))
        with self.conn.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)

    def add_children(self, page_id: int, added: int):
        with self.conn.cursor() as cursor:
            cursor.execute(
                "UPDATE wagtailcore_page SET numchild = numchild + %s WHERE id = %s",
                [added, page_id],
            )

    def analyze(self):
        with self.conn.cursor() as cursor:
            cursor.execute("ANALYZE")

    def uuid(self, value):
        return value.hex

    def datetime(self, value):
        return self.ops.adapt_datetimefield_value(value)

    def date(self, value):
        return self.ops.adapt_datefield_value(value)

    def time(self, value):
        return self.ops.adapt_timefield_value(value)


class PostgresWriter(SQLiteWriter):
    """COPY instead of INSERT, and page ids drawn from the table's own sequence."""

    def max_page_id(self) -> int:
        with self.conn.cursor() as cursor:
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM wagtailcore_page")
            return cursor.fetchone()[0]

    def allocate_page_ids(self, size: int) -> list[int]:
        with self.conn.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('wagtailcore_page', 'id'))"
                " FROM generate_series(1, %s)",
                [size],
            )
            return [row[0] for row in cursor.fetchall()]

    def insert(self, table, columns, rows):
        if not rows:
            return
        names = ", ".join(self.ops.quote_name(column) for column in columns)
        with (
            self.conn.cursor() as cursor,
            cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def analyze(self):
        # VACUUM too: index-only scans (listing counts) need the visibility map it sets,
        # which autovacuum would only get to some minutes later.
        if self.conn.in_atomic_block:
            with self.conn.cursor() as cursor:
                cursor.execute("ANALYZE")
            return
        with self.conn.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    def uuid(self, value):
        return value

    def datetime(self, value):
        return value

    def date(self, value):
        return value

    def time(self, value):
        return value
