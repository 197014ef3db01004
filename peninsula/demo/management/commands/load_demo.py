import time

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from peninsula.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo institute (the fictional Haneul Policy Institute): settings, taxonomy, "
        "experts, series, about 150 publications of every type, and demo logins. Safe to run "
        "again: anything already there is left as it is."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        console = Console(file=self.stdout, highlight=False)
        show_bar = self.stdout.isatty() and options["verbosity"] > 0
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=not show_bar,
            transient=True,
        ) as bar:
            tasks = {}

            def progress(stage, done, total):
                if stage not in tasks:
                    if not show_bar and options["verbosity"] > 0:
                        self.stdout.write(f"{stage}…")
                    for task in bar.tasks:  # a new stage means the earlier ones are done
                        bar.update(task.id, completed=task.total)
                        bar.stop_task(task.id)
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            report = load_demo(progress)
        elapsed = time.monotonic() - started

        created, existing = sum(report.created.values()), sum(report.existing.values())
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(report.created.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo institute loaded in {elapsed:.1f}s: {created} publications created"
                + (f" ({kinds})" if kinds else "")
                + f", {existing} already there."
            )
        )
        # No address here: the admin is wherever `peninsula serve` listens (--host, --port),
        # and serve prints it.
        self.stdout.write("\nSign in to the admin (/admin/) with:")
        for role, username, password in report.logins:
            self.stdout.write(f"  {role:<14} {username:<8} {password}")
        self.stdout.write(
            "\nServe the site with: peninsula serve  (--port N for another port; it prints "
            "the admin's address)"
        )
