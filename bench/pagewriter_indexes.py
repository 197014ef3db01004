"""The page writer's bulk index writers against the public Wagtail and modelsearch APIs.

    .venv/bin/python bench/pagewriter_indexes.py [--backend sqlite|postgres|both] [--posts 1000]

For each backend, in a child process with a fresh database (bench/_common.py): imports a
--posts export built as bench/import_speed.py builds it, then fills the editors' admin search
and the reference index for the imported articles, in batches of 500 as the import's
indexing does, two ways each, and prints milliseconds per page: peninsula.pagewriter.indexes
(the private APIs of pagewriter/wagtail_internals.py) and modelsearch's `add_bulk` /
Wagtail's `ReferenceIndex.create_or_update_for_object`. Each is timed on a second pass (the
first warms caches). See docs/development.md, "Writing pages in bulk".
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _common import machine_speed, run_child, stop_on_sigterm

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        return measure(options)
    stop_on_sigterm()
    backends = ["sqlite", "postgres"] if options.backend == "both" else [options.backend]
    failed = False
    for backend in backends:
        print(f"{backend}: {machine_speed()}", flush=True)
        command = [__file__, "--child", backend, "--posts", str(options.posts)]
        failed |= not run_child(backend, backend, command, seconds=600)
    return 1 if failed else 0


def measure(options) -> int:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from import_speed import build_export
    from modelcluster.models import get_all_child_relations
    from wagtail.models import ReferenceIndex
    from wagtail.search.backends import get_search_backends

    from peninsula.importers.actions import import_file
    from peninsula.pagewriter.indexes import AdminSearchIndex, load_streams, update_references
    from peninsula.publications.models import ArticlePage

    call_command("migrate", "--no-input", "--verbosity", "0")
    with tempfile.TemporaryDirectory(prefix="peninsula-wxr-") as folder:
        export, uploads = Path(folder) / "export.xml", Path(folder) / "uploads"
        build_export(export, uploads, options.posts)
        import_file(export, uploads_dir=uploads)
    ids = list(ArticlePage.objects.values_list("pk", flat=True))
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(ArticlePage)]

    def batches():
        for start in range(0, len(ids), 500):
            queryset = ArticlePage.objects.filter(pk__in=ids[start : start + 500])
            batch = list(queryset.prefetch_related(*relations))
            load_streams(ArticlePage, batch)
            yield batch

    def admin_search_bulk(loaded):
        index = AdminSearchIndex()
        for batch in loaded:
            index.add(ArticlePage, batch)
        index.finish()

    def admin_search_add_bulk(loaded):
        for backend in get_search_backends():
            for batch in loaded:
                backend.add_bulk(ArticlePage, batch)

    def references_bulk(loaded):
        for batch in loaded:
            update_references(ArticlePage, batch)

    def references_per_object(loaded):
        for batch in loaded:
            for page in batch:
                ReferenceIndex.create_or_update_for_object(page)

    for label, write in (
        ("admin search, pagewriter.indexes", admin_search_bulk),
        ("admin search, modelsearch add_bulk", admin_search_add_bulk),
        ("reference index, pagewriter.indexes", references_bulk),
        ("reference index, create_or_update_for_object", references_per_object),
    ):
        for _ in range(2):
            loaded = list(batches())
            started = time.perf_counter()
            write(loaded)
            seconds = time.perf_counter() - started
        print(
            f"{options.child}: {label}: {seconds / len(ids) * 1000:.2f} ms a page "
            f"({len(ids)} pages)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
