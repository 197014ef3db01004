"""Load the demo institute: the one entry point the command, the CLI and the tests call."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from peninsula.demo import campaigns, contact, pages, setup
from peninsula.demo.content import all_pieces
from peninsula.demo.publish import Publisher


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    logins: list = field(default_factory=list)


Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def load_demo(progress: Progress = _quiet) -> LoadReport:
    """Create whatever part of the demo institute is missing, in one transaction."""
    report = LoadReport()
    with transaction.atomic():
        progress("Institute and taxonomy", 0, 1)
        home = setup.home_page()
        settings = setup.ensure_settings(home)
        terms = setup.ensure_taxonomy()
        collection = setup.demo_collection()
        progress("Illustrations", 0, 1)
        heroes = setup.ensure_hero_images(collection)
        progress("Series and experts", 0, 1)
        # Created in menu order: the series, then Experts, then About.
        series = setup.ensure_series(home, heroes)
        people = setup.ensure_people(home, collection)
        setup.ensure_about(home)
        contact.ensure_contact_page(home)

        publisher = Publisher(
            series=series,
            people=people,
            terms=terms,
            heroes=heroes,
            collection=collection,
            institute_name=settings.name,
        )
        pieces = all_pieces()
        for done, piece in enumerate(pieces, start=1):
            counter = report.created if publisher.publish(piece) else report.existing
            counter[piece.kind] += 1
            progress("Publications", done, len(pieces))
        progress("Menus, news and landing pages", 0, 1)
        pages.ensure_editorial_pages(home, people, terms, heroes)
        progress("Newsletter readers and draft campaigns", 0, 1)
        campaigns.ensure_campaigns()
        report.logins = setup.ensure_users()
    return report
