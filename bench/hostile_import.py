"""Peak memory and time of importing each file of the hostile-import corpus.

    .venv/bin/python bench/hostile_import.py [--backend sqlite|postgres|both] [--huge-mb 200]
                                             [--all-encodings]

Writes the corpus of tests/importers/hostile_corpus.py for the default limits (one item:
PENINSULA_IMPORT_MAX_ITEM_MB, 5), with a --huge-mb post over that limit as in issue 15,
then, for each backend, migrates a fresh database once and imports every file in a process
of its own (indexing included, as `peninsula import wordpress` does), printing its outcome,
its seconds and its peak memory (max RSS from resource.getrusage, Django included). Exits 1
if any file goes over --limit-mb (500) or ends in anything but an import or a clean refusal.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import machine_speed, run_child, stop_on_sigterm

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ENCODINGS = ["shift_jis", "euc_kr", "gb18030", "utf_32", "cp037", "x-no-such-encoding"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--huge-mb", type=int, default=200, help="the body over the limit")
    parser.add_argument("--limit-mb", type=int, default=500, help="peak memory allowed")
    parser.add_argument("--all-encodings", action="store_true", help="every codec (slow)")
    parser.add_argument("--driver", help=argparse.SUPPRESS)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--render", help=argparse.SUPPRESS)
    parser.add_argument("--migrate", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.migrate:
        from _common import setup_django_and_migrate

        return setup_django_and_migrate()
    if options.one:
        return import_one(options.one)
    if options.render:
        return render_one(options.render)
    if options.driver:
        return drive(options)
    stop_on_sigterm()
    backends = ["sqlite", "postgres"] if options.backend == "both" else [options.backend]
    failed = False
    with tempfile.TemporaryDirectory(prefix="peninsula-hostile-") as folder:
        started = time.monotonic()
        names = write_corpus(Path(folder), options)
        total = sum((Path(folder) / name).stat().st_size for name in names) / 1e6
        print(
            f"corpus: {len(names)} files, {total:,.0f} MB, written in "
            f"{time.monotonic() - started:.1f} s",
            flush=True,
        )
        for backend in backends:
            print(f"{backend}: {machine_speed()}", flush=True)
            command = [__file__, "--driver", folder, "--limit-mb", str(options.limit_mb)]
            failed |= not run_child(backend, backend, command, seconds=3600)
    return 1 if failed else 0


def write_corpus(folder: Path, options) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from tests.importers import hostile_corpus

    item_limit = 5 * 1024 * 1024  # the default of PENINSULA_IMPORT_MAX_ITEM_MB
    corpus = hostile_corpus.cases(item_limit=item_limit, huge_body=options.huge_mb * 1024**2)
    encodings = hostile_corpus.declared_encodings() if options.all_encodings else SAMPLE_ENCODINGS
    corpus += [hostile_corpus.encoding_case(name) for name in encodings]
    names = []
    for number, case in enumerate(corpus):
        name = f"{number:03d}-{case.name.replace(' ', '-').replace('%', '')}.xml"
        case.write(folder / name)
        names.append(name)
    (folder / "order.json").write_text(json.dumps(names))
    return names


def drive(options):
    """In the child with the fresh database: migrate once, then one process per file. All
    in processes of their own, this one staying small: Linux carries a parent's peak memory
    into its children's ru_maxrss."""
    subprocess.run([sys.executable, __file__, "--migrate"], env=os.environ, cwd=ROOT, check=True)
    folder = Path(options.driver)
    over = []
    print(f"{'file':<52} {'outcome':<40} {'seconds':>7} {'peak MB':>8}", flush=True)
    steps = []
    for name in json.loads((folder / "order.json").read_text()):
        steps.append(("--one", str(folder / name)))
        if "just-under-the-item-limit" in name:  # the largest page: rendered for a reader
            steps.append(("--render", "Huge"))
    for flag, name in steps:
        done = subprocess.run(
            [sys.executable, __file__, flag, name],
            env=os.environ,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        try:
            result = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
            result = {"outcome": f"CRASHED: {tail}"[:40], "seconds": 0, "peak_mb": 0}
        name = Path(name).name if flag == "--one" else f"page {name!r}, rendered"
        print(
            f"{name[:52]:<52} {result['outcome'][:40]:<40} {result['seconds']:>7.1f} "
            f"{result['peak_mb']:>8.0f}",
            flush=True,
        )
        if result["peak_mb"] > options.limit_mb or result["outcome"].startswith("CRASHED"):
            over.append(name)
    print(f"files over {options.limit_mb} MB or crashed: {len(over)} {over}", flush=True)
    return 1 if over else 0


def import_one(path: str) -> int:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from peninsula.importers.actions import import_file
    from peninsula.importers.sources.base import SourceError

    started = time.monotonic()
    try:
        report = import_file(path, index_now=True)
        posts = sum(counts["publications"] for counts in (report.created, report.updated))
        posts += report.unchanged["publications"]
        outcome = f"imported {posts} posts, {sum(report.warnings.values())} warnings"
        if report.skipped:
            outcome += f", {sum(report.skipped.values())} skipped"
    except SourceError as error:
        outcome = "refused: " + error.bare
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak}), flush=True)
    return 0


def render_one(title: str) -> int:
    """A reader's request for the page, in a fresh process, as a web worker serves it."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    from peninsula.publications.models import PublicationPage

    page = PublicationPage.objects.live().get(title=title)
    started = time.monotonic()
    response = Client().get(page.url)
    seconds = time.monotonic() - started
    size = len(response.content) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    outcome = f"status {response.status_code}, {size:.1f} MB of HTML"
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
