"""Render time and query count of the main pages, on SQLite and PostgreSQL, uncached.

    .venv/bin/python bench/page_speed.py [--backend sqlite|postgres|both] [--count 100000]

For each backend: a fresh database (a temporary SQLite file, or a throwaway PostgreSQL
database that is created and dropped again), migrate, generate --count publications, then
render each page --requests times with Django's test Client, in process. See docs/benchmarks.md.
"""

import argparse
import gc
import random
import signal
import statistics
import sys
import time
from pathlib import Path

from _common import machine_speed, run_child

ROOT = Path(__file__).resolve().parent.parent
UNCACHED = (
    "uncached = no page or response cache: every request runs the view, its queries and its "
    "templates. 'warm' lines keep Peninsula's object caches (site and home page, institute "
    "settings, menu, series map, themes and regions, index count, listing counts, renditions) "
    "as a running site has them; 'cold' lines clear every Django cache before each request, "
    "the worst case just after an edit."
)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--count", type=int, default=100_000, help="publications to generate")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds for the whole run; stops after"
    )
    parser.add_argument(
        "--page-budget", type=float, default=60, help="at most this many seconds per page"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)  # the backend run in a subprocess
    options = parser.parse_args(argv)
    if options.child:
        return measure(options)

    # On SIGTERM, unwind like Ctrl-C: subprocess.run kills the child, `finally` drops the database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print(UNCACHED, flush=True)
    deadline = time.monotonic() + options.timeout
    backends = ["sqlite", "postgres"] if options.backend == "both" else [options.backend]
    failed = False
    for backend in backends:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            print(f"{backend}: skipped, out of time (--timeout {options.timeout:.0f})")
            failed = True
            continue
        print(f"{backend}: {machine_speed()}", flush=True)
        failed |= not run_backend(backend, options, remaining)
    return 1 if failed else 0


def run_backend(backend, options, seconds) -> bool:
    """Run the measurement in a child process with a fresh database; True when it finished."""
    command = [__file__, "--child", backend, *_passed_on(options)]
    return run_child(backend, backend, command, seconds)


def _passed_on(options):
    return [
        "--count", str(options.count), "--requests", str(options.requests),
        "--page-budget", str(options.page_budget), "--seed", str(options.seed),
    ]  # fmt: skip


def measure(options):
    """In the child: set up Django on the fresh database, fill it, time the pages."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from generate import generate_publications

    backend = options.child
    started = time.monotonic()
    call_command("migrate", "--no-input", "--verbosity", "0")
    # Pages only: the search index plays no part in these pages (bench/search_speed.py).
    generate_publications(options.count, seed=options.seed, index=False)
    print(
        f"{backend}: migrated and generated {options.count} publications "
        f"in {time.monotonic() - started:.0f} s",
        flush=True,
    )
    # As the served site does (peninsula/wsgi.py): what is loaded by now lives as long as the
    # process, so the garbage collector stops walking it on every full collection.
    gc.collect()
    gc.freeze()
    for name, urls in pages_to_measure(options.seed).items():
        for mode in ("warm", "cold"):
            result = time_page(urls, options.requests, options.page_budget, cold=mode == "cold")
            print(f"{backend} {name} ({mode}): {result}", flush=True)
    return 0


def pages_to_measure(seed):
    """Several URLs per kind of page, so the figures are not one lucky row."""
    from peninsula.people.models import PersonPage
    from peninsula.publications.models import ArticlePage, PublicationAuthor
    from peninsula.taxonomy.models import Region, Theme

    rng = random.Random(seed)
    articles = list(
        ArticlePage.objects.live().order_by("?").values_list("url_path", flat=True)[:50]
    )
    site_root = "/home/"
    theme, other_theme = Theme.objects.order_by("sort_order")[:2]
    region = Region.objects.order_by("sort_order").first()
    busiest_authors = (
        PublicationAuthor.objects.values_list("person_id", flat=True)
        .distinct()
        .order_by("person_id")
    )
    people = list(PersonPage.objects.filter(pk__in=busiest_authors[:20]))
    return {
        "home": ["/"],
        "article": [path[len(site_root) - 1 :] for path in articles],
        "listing (type+theme)": [
            f"/publications/?type=commentary&theme={theme.slug}",
            f"/publications/?type=briefs&theme={other_theme.slug}",
        ],
        "theme page (+region)": [f"/themes/{theme.slug}/?region={region.slug}"],
        "author": [person.url for person in rng.sample(people, min(5, len(people)))],
        "feed (RSS, site + theme)": ["/feeds/rss/", f"/feeds/themes/{theme.slug}/atom/"],
        "API list (type+theme)": [
            f"/api/v1/publications/?type=reports&theme={theme.slug}",
            f"/api/v1/publications/?theme={other_theme.slug}&offset=40",
        ],
    }


def time_page(urls, requests, budget, cold=False):
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def get(url):
        if cold:
            for cache in caches.all():
                cache.clear()
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        return response

    for url in urls:  # warm up: import code, compile templates
        get(url)
    with CaptureQueriesContext(connection) as queries:
        get(urls[0])
    query_count = len(queries)

    timings = []
    stop = time.monotonic() + budget
    for number in range(requests):
        started = time.perf_counter()
        get(urls[number % len(urls)])
        timings.append((time.perf_counter() - started) * 1000)
        if time.monotonic() > stop:
            break
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    partial = "" if len(timings) == requests else f", stopped at {len(timings)} by --page-budget"
    return (
        f"p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, {query_count} queries "
        f"({len(timings)} requests{partial})"
    )


if __name__ == "__main__":
    sys.exit(main())
