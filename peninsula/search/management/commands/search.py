import json

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from peninsula.search import actions, parallel
from peninsula.search.engine import FACET_FILTERS, ROW_FILTERS, search
from peninsula.search.query import quoted
from peninsula.search.snippets import plain_snippet


class Command(BaseCommand):
    help = (
        "Site search from the command line. `search reindex` rebuilds the index from the "
        'site\'s content; `search query "words"` prints what the results page would show.'
    )

    def add_arguments(self, parser):
        actions_parser = parser.add_subparsers(dest="action", required=True)
        reindex = actions_parser.add_parser("reindex", help="rebuild the whole index")
        reindex.add_argument(
            "--workers",
            type=int,
            help="processes that read and analyze pages (default: one per core, up to 4; "
            "0: all in this one)",
        )
        query = actions_parser.add_parser("query", help="run a query and print the results")
        query.add_argument("text", help="the query, in the site's query language")
        query.add_argument("--json", action="store_true", help="print JSON instead of text")
        query.add_argument("--page", type=int, default=1)
        query.add_argument("--sort", choices=["relevance", "date"], default="relevance")
        for name in (*ROW_FILTERS, *FACET_FILTERS):
            query.add_argument(f"--{name}", help=f"filter by {name}")

    def handle(self, *args, action, **options):
        if action == "reindex":
            self.reindex(options["workers"])
        else:
            self.query(options)

    def reindex(self, workers: int | None):
        if workers is not None and workers < 0:
            raise CommandError("--workers must be 0 or more.")
        console = Console(file=self.stdout._out, highlight=False)
        columns = (TextColumn("Indexing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        self.stdout.write("Rebuilding the search index; results are incomplete until it ends.")
        workers = parallel.worker_count(workers)
        if workers:
            self.stdout.write(f"Reading pages in up to {workers} worker processes.")

        def show(done, total):
            progress.update(task, completed=done, total=total)
            progress.refresh()

        # Refreshed from the callback, not by rich's own thread: the rebuild forks worker
        # processes, which is only safe while this process runs a single thread.
        analyze_chunks = parallel.in_workers(workers) if workers else None
        with Progress(*columns, console=console, auto_refresh=False) as progress:
            task = progress.add_task("documents", total=None)
            documents = actions.reindex_all(on_progress=show, analyze_chunks=analyze_chunks)
        self.stdout.write(f"Indexed {documents} documents.")

    def query(self, options):
        filters = {name: options[name] for name in (*ROW_FILTERS, *FACET_FILTERS) if options[name]}
        if options["page"] < 1:
            raise CommandError("--page must be 1 or more.")
        results = search(
            options["text"], filters=filters, sort=options["sort"], page=options["page"]
        )
        hits = [
            {
                "title": hit.title,
                "url": hit.url,
                "kind": hit.kind,
                "date": hit.date.isoformat() if hit.date else None,
                "meta": hit.meta,
                "score": round(hit.score, 4),
                "snippet": plain_snippet(hit, results.query),
            }
            for hit in results.hits
        ]
        if options["json"]:
            payload = {
                "query": results.query.text,
                "total": results.total,
                "page": results.page,
                "corrections": results.corrections,
                "facets": results.facets,
                "hits": hits,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        if results.corrections:
            fixed = ", ".join(f"{typed} → {term}" for typed, term in results.corrections.items())
            self.stdout.write(f"Spelling: {fixed}")
        self.stdout.write(f"{results.total} found for {quoted(results.query.text)}")
        for number, hit in enumerate(hits, start=(results.page - 1) * results.page_size + 1):
            self.stdout.write(f"{number:>3}. {hit['title']}  [{hit['kind']}] {hit['date'] or ''}")
            self.stdout.write(f"     {hit['url']}")
            if hit["snippet"]:
                self.stdout.write(f"     {hit['snippet']}")
