"""Site search speed: rebuilding the index, and answering a mix of queries, on SQLite and
PostgreSQL.

    .venv/bin/python bench/search_speed.py [--backend sqlite|postgres|both] \
        [--sizes 10000,100000] [--queries 400] [--index-budget 900] [--query-budget 120] \
        [--timeout 2400] [--explain]

For each backend and size, in a child process with a fresh, migrated database (see
bench/_common.py): `bench/generate.py --count SIZE --no-index`, then a timed rebuild of
the index (`peninsula.search.actions.reindex_all` with the worker processes of `peninsula
search reindex`, as the command runs it),
then --queries searches from a fixed, seeded mix through `peninsula.search.engine.search`
with facets on and 10 results, as the results page asks. The mix: one word, two or three
words, a quoted phrase, an exclusion, a prefix ("secur*"), a misspelling, a query with a
type and a year filter taken from its facets, and a query sorted by date; the words come
from the generator's own vocabulary. --explain prints, for the slowest kind of query, each
SQL statement the engine ran with its time and plan. See docs/benchmarks.md.
"""

import argparse
import random
import sys
import time
from collections import defaultdict

from _common import percentiles, run_child, setup_django_and_migrate, stop_on_sigterm

PAGE_SIZE = 10  # peninsula.search.views.PAGE_SIZE
PER_KIND = 6  # distinct queries of each kind in the mix


class OutOfTime(Exception):
    pass


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--sizes", default="10000,100000", help="publications, comma-separated")
    parser.add_argument("--queries", type=int, default=400, help="timed searches per size")
    parser.add_argument(
        "--index-budget", type=float, default=900, help="stop the rebuild after this many s"
    )
    parser.add_argument(
        "--query-budget", type=float, default=120, help="stop the timed searches after this many s"
    )
    parser.add_argument(
        "--timeout", type=float, default=2400, help="seconds for the whole run; stops after"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--explain", action="store_true", help="plans of the slowest query kind")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # the backend run in a subprocess
    options = parser.parse_args(argv)
    try:
        sizes = [int(size) for size in options.sizes.split(",")]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 10000,100000")
    if options.child:
        return measure(options, sizes[0])

    stop_on_sigterm()
    deadline = time.monotonic() + options.timeout
    backends = ["sqlite", "postgres"] if options.backend == "both" else [options.backend]
    failed = False
    for backend in backends:
        for size in sizes:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                print(f"{backend} {size}: skipped, out of time (--timeout {options.timeout:.0f})")
                failed = True
                continue
            command = [__file__, "--child", backend, "--sizes", str(size), *_passed_on(options)]
            failed |= not run_child(f"{backend} {size}", backend, command, remaining)
    return 1 if failed else 0


def _passed_on(options):
    passed = [
        "--queries", str(options.queries), "--index-budget", str(options.index_budget),
        "--query-budget", str(options.query_budget), "--seed", str(options.seed),
    ]  # fmt: skip
    return passed + (["--explain"] if options.explain else [])


def measure(options, size: int) -> int:
    """In the child: generate, rebuild the index, time the query mix."""
    setup_django_and_migrate()
    from generate import generate_publications

    from peninsula.search import actions, parallel
    from peninsula.search.models import DocumentKind, SearchDocument

    backend = options.child
    started = time.monotonic()
    generate_publications(size, seed=options.seed, index=False)
    print(f"{backend}: generated {size} publications in {time.monotonic() - started:.0f} s")

    stop = time.monotonic() + options.index_budget

    def check_budget(done, total):
        if time.monotonic() > stop:
            raise OutOfTime(f"{done} of {total}")

    started = time.perf_counter()
    try:
        workers = parallel.worker_count()  # this child runs one thread, as the command does
        analyze_chunks = parallel.in_workers(workers) if workers else None
        actions.reindex_all(on_progress=check_budget, analyze_chunks=analyze_chunks)
        partial = ""
    except OutOfTime as error:  # batches commit one by one: what is indexed stays
        partial = f" (stopped by --index-budget after {error} documents; index partial)"
    seconds = time.perf_counter() - started
    publications = SearchDocument.objects.filter(kind=DocumentKind.PUBLICATION).count()
    print(f"{backend} indexing: {publications / seconds:.0f} publications/s{partial}")
    print(f"  ({publications} publications, {SearchDocument.objects.count()} documents in "
          f"{seconds:.1f} s)", flush=True)  # fmt: skip

    mix = query_mix(options.seed)
    timings, by_kind, totals = time_mix(mix, options.queries, options.query_budget, options.seed)
    label = f"{backend} {size} publications"
    cuts = percentiles(timings)
    for cut in (50, 95, 99):
        print(f"{label}: p{cut} {cuts[cut]:.1f} ms")
    stopped = "" if len(timings) == options.queries else ", stopped by --query-budget"
    print(f"  ({len(timings)} searches, {len(mix)} distinct queries{stopped})")
    for kind, kind_timings in by_kind.items():
        kind_cuts = percentiles(kind_timings)
        found = sum(totals[kind]) / len(totals[kind])
        print(
            f"  {kind}: p50 {kind_cuts[50]:.1f} ms, p95 {kind_cuts[95]:.1f} ms, "
            f"{found:,.0f} results on average"
        )
    sys.stdout.flush()
    if options.explain:
        slowest = max(by_kind, key=lambda kind: percentiles(by_kind[kind])[95])
        explain([query for query in mix if query.kind == slowest])
    return 0


class Query:
    def __init__(self, kind, text, filters=None, sort="relevance"):
        self.kind, self.text, self.filters, self.sort = kind, text, filters or {}, sort

    def run(self, facets=True):
        from peninsula.search.engine import search

        return search(
            self.text, filters=self.filters, sort=self.sort, page_size=PAGE_SIZE, facets=facets
        )

    def __repr__(self):
        return (
            f"{self.text!r} {self.filters or ''} {'sorted by date' if self.sort == 'date' else ''}"
        )


def vocabulary() -> list[str]:
    """Words the generated publications are made of (titles, bodies, taxonomy terms)."""
    import generate

    from peninsula.search.analyzer import STOP_WORDS, words

    texts = [
        *generate.SUBJECTS, *generate.SETTINGS, *generate.SENTENCES, *generate.STARTER_THEMES,
        *generate.STARTER_REGIONS, *generate.STARTER_TOPICS,
    ]  # fmt: skip
    found = dict.fromkeys(
        word for text in texts for word in words(text) if word not in STOP_WORDS and len(word) > 3
    )
    return sorted(found)


def misspell(word: str, rng: random.Random) -> str:
    """One typing slip inside the word (never the first letter): a swap or a dropped letter."""
    at = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + word[at + 1 :]


def query_mix(seed: int) -> list[Query]:
    """PER_KIND queries of each kind, the same for the same seed and generator word lists."""
    import generate

    rng = random.Random(seed)
    vocab = vocabulary()
    long_words = [word for word in vocab if len(word) >= 7]
    phrases = [s.lower() for s in generate.SUBJECTS if " " in s and not s.startswith("the ")]
    mix = []
    for _ in range(PER_KIND):
        mix += [
            Query("one word", rng.choice(vocab)),
            Query("two-three words", " ".join(rng.sample(vocab, rng.choice([2, 3])))),
            Query("phrase", f'"{rng.choice(phrases)}"'),
            Query("exclusion", f"{rng.choice(vocab)} -{rng.choice(vocab)}"),
            Query("prefix", rng.choice(vocab)[: rng.choice([4, 5])] + "*"),
            Query("misspelling", misspell(rng.choice(long_words), rng)),
            Query("sort by date", " ".join(rng.sample(vocab, 2)), sort="date"),
        ]
    # Filters as a reader picks them: from the facets of the unfiltered results.
    for _ in range(PER_KIND):
        text = " ".join(rng.sample(vocab, rng.choice([1, 2])))
        facets = Query("", text).run().facets
        filters = {}
        if facets.get("type"):
            filters["type"] = rng.choice(sorted(facets["type"]))
        if facets.get("year") and rng.random() < 0.6:
            filters["year"] = int(rng.choice(sorted(facets["year"])))
        mix.append(Query("with filters", text, filters))
    return mix


def time_mix(mix: list[Query], count: int, budget: float, seed: int):
    """Run `count` searches from the mix in a seeded order; the warm-up and the timed
    searches together take at most about `budget` seconds (plus the query running then)."""
    stop = time.monotonic() + budget
    for query in mix:  # warm up: imports, caches, the database's pages
        query.run()
        if time.monotonic() > stop:
            break
    order = random.Random(seed).choices(mix, k=count)
    timings, by_kind, totals = [], defaultdict(list), defaultdict(list)
    for query in order:
        started = time.perf_counter()
        results = query.run()
        elapsed = (time.perf_counter() - started) * 1000
        timings.append(elapsed)
        by_kind[query.kind].append(elapsed)
        totals[query.kind].append(results.total)
        if time.monotonic() > stop:
            break
    return timings, by_kind, totals


def explain(queries: list[Query]):
    """Each statement the engine runs for the slowest of these queries: time and plan."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def timed(query):
        started = time.perf_counter()
        query.run()
        return time.perf_counter() - started

    query = max(queries, key=timed)
    with CaptureQueriesContext(connection) as captured:
        query.run()
    print(f"\nplans for {query.kind}: {query!r}")
    prefix = (
        "EXPLAIN (ANALYZE, BUFFERS) "
        if connection.vendor == "postgresql"
        else "EXPLAIN QUERY PLAN "
    )
    for statement in captured.captured_queries:
        sql = statement["sql"]
        print(
            f"\n-- {float(statement['time']) * 1000:.1f} ms: {sql[:300]}{'...' if len(sql) > 300 else ''}"
        )
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            for row in cursor.fetchall():
                print("   ", " | ".join(str(part) for part in row))
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
