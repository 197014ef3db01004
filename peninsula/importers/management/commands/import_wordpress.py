import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from peninsula.importers.actions import import_file
from peninsula.importers.mapping import MappingError
from peninsula.importers.sources.base import SourceError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR: Tools → Export → All content in WordPress): posts "
        "become publications, pages become pages, users become people, categories and tags "
        "become series, themes, regions or topics, attachments become images and documents, "
        "and old addresses redirect to the new pages. All or nothing; safe to run again with "
        "the same or a later export. See docs/importing.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The WordPress export, an .xml file.")
        parser.add_argument(
            "--uploads", help="A local copy of the site's wp-content/uploads folder."
        )
        parser.add_argument(
            "--map", dest="mapping", help="A TOML file saying what categories and tags become."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and convert everything, report, then undo it all.",
        )

    def handle(self, *args, file, uploads=None, mapping=None, dry_run=False, **options):
        if not Path(file).is_file():
            raise CommandError(f"{file} is not a file. Give the path of the exported .xml file.")
        if uploads and not Path(uploads).is_dir():
            raise CommandError(
                f"--uploads {uploads} is not a folder. Give the folder that holds the year "
                "folders (2019/, 2020/, ...) of wp-content/uploads."
            )
        mapping_text = ""
        if mapping:
            try:
                mapping_text = Path(mapping).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read the mapping file {mapping}: {error}") from error
        console = Console(file=self.stdout._out, highlight=False)
        show = options["verbosity"] > 0
        columns = (
            TextColumn("{task.description:<16}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        # Refreshed from the callback (at most ten times a second, and as each stage ends),
        # not by a thread of rich's own.
        with Progress(
            *columns, console=console, disable=not show, transient=False, auto_refresh=False
        ) as bar:
            stages = {}
            shown = [0.0]

            def progress(stage, done, total):
                if stage not in stages:
                    stages[stage] = bar.add_task(stage, total=total)
                bar.update(stages[stage], completed=done, total=total)
                if done == total or time.monotonic() - shown[0] > 0.1:
                    shown[0] = time.monotonic()
                    bar.refresh()

            try:
                report = import_file(
                    file,
                    uploads_dir=uploads,
                    mapping_text=mapping_text,
                    dry_run=dry_run,
                    progress=progress,
                    # Search and "Total Index" complete when the command ends, worker or not.
                    index_now=True,
                )
            except SourceError as error:
                raise CommandError(f"Nothing was imported. {error}") from error
            except MappingError as error:
                raise CommandError(f"Nothing was imported. {error}") from error
            except LookupError as error:
                raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if not dry_run:
            self.stdout.write("Search and the publication count are up to date.")
        self.stdout.write(f"Took {report.seconds:.1f} s.")
