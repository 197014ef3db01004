from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from peninsula.publications.generate import DEFAULT_BATCH_SIZE, generate_publications


class Command(BaseCommand):
    help = (
        "Add COUNT generated live publications of every type, spread over the series, for "
        "benchmarks. Creates a few series, people and taxonomy terms when there are none."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many to add.")
        parser.add_argument("--seed", type=int, default=1, help="Seed for the random content.")
        parser.add_argument(
            "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="Rows per transaction."
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Leave the search index alone (run `peninsula search reindex` later).",
        )

    def handle(self, *args, count, seed, batch_size, no_index=False, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        # Rich redraws the bar in place; Django's OutputWrapper would add a newline per write.
        console = Console(file=self.stdout._out, highlight=False)
        columns = (
            TextColumn("Generating"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeRemainingColumn(),
        )
        try:
            with Progress(*columns, console=console, transient=False) as progress:
                task = progress.add_task("publications", total=count)
                result = generate_publications(
                    count,
                    seed=seed,
                    batch_size=batch_size,
                    on_batch=lambda size: progress.advance(task, size),
                    index=not no_index,
                )
        except (LookupError, OverflowError) as error:
            raise CommandError(str(error)) from error
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.by_type.items()))
        self.stdout.write(f"Added {result.created} publications ({kinds}).")
        self.stdout.write(f"Live publications now: {result.published_count}.")
