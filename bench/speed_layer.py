"""What each piece of the speed layer saves on a request that reaches Django (a cache miss).

    .venv/bin/python bench/speed_layer.py [--backend sqlite|postgres|both] [--count 20000]

Behind nginx or a CDN most reads never reach Django; those that do (a page's first read after
a purge or expiry, query strings, search, logged-in editors) run the view. This renders the
article and the home page in one process with each piece switched off in turn:
core/prepared.py (PreparedQuery), core/routes.py (remembered routes) and
core/middleware.CachedSiteMiddleware. The variants take turns in blocks of 40 requests, six
rounds, so whatever else the machine is doing falls on all of them alike. Prints p50, p95
and queries per variant. See docs/caching.md.
"""

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

from _common import machine_speed, run_child

ROOT = Path(__file__).resolve().parent.parent
# name: (prepared statements, remembered routes, cached site)
VARIANTS = {
    "all on": (True, True, True),
    "prepared off": (False, True, True),
    "routes off": (True, False, True),
    "site cache off": (True, True, False),
    "all off": (False, False, False),
}
ROUNDS, BLOCK = 6, 40


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--count", type=int, default=20_000, help="publications to generate")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        measure(options.child, options.count)
        return 0
    backends = ["sqlite", "postgres"] if options.backend == "both" else [options.backend]
    print(machine_speed(), flush=True)
    command = [__file__, "--count", str(options.count), "--child"]
    failed = [b for b in backends if not run_child(b, b, [*command, b], 900)]
    return 1 if failed else 0


def measure(backend: str, count: int) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from generate import generate_publications
    from page_speed import pages_to_measure

    call_command("migrate", "--no-input", "--verbosity", "0")
    generate_publications(count, seed=1, index=False)
    gc.collect()
    gc.freeze()
    pages = pages_to_measure(1)
    switch = _switches()
    clients = {name: _client(site) for name, (_, _, site) in VARIANTS.items()}
    for page in ("article", "home"):
        urls = pages[page]
        timings = {name: [] for name in VARIANTS}
        queries = {}
        for name, (prepared, routes, _) in VARIANTS.items():  # warm Django's own caches
            switch(prepared, routes)
            for url in urls:
                clients[name].get(url)
            with CaptureQueriesContext(connection) as captured:
                clients[name].get(urls[0])
            queries[name] = len(captured)
        for round_ in range(ROUNDS):
            for name, (prepared, routes, _) in VARIANTS.items():
                switch(prepared, routes)
                for i in range(BLOCK):
                    url = urls[(round_ * BLOCK + i) % len(urls)]
                    start = time.perf_counter()
                    response = clients[name].get(url)
                    timings[name].append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
        switch(True, True)
        for name in VARIANTS:
            cuts = statistics.quantiles(timings[name], n=100, method="inclusive")
            print(
                f"{backend} {page} [{name}]: p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, "
                f"{queries[name]} queries",
                flush=True,
            )


def _switches():
    """A function turning PreparedQuery and remembered routes on or off in this process."""
    from peninsula.core import prepared, routes

    kept = (prepared.PreparedQuery.__call__, prepared._preparing, routes.cached_page)
    kept += (routes.remember,)

    def switch(use_prepared: bool, use_routes: bool) -> None:
        if use_prepared:
            prepared.PreparedQuery.__call__, prepared._preparing = kept[0], kept[1]
        else:  # the queryset built and run by the ORM each time
            prepared.PreparedQuery.__call__ = lambda self, *values: list(self._build(*values))
            prepared._preparing = lambda connection: False
        if use_routes:
            routes.cached_page, routes.remember = kept[2], kept[3]
        else:
            routes.cached_page, routes.remember = (lambda url_path: None), (lambda page: None)

    return switch


def _client(cached_site: bool):
    """A test client whose middleware chain has, or lacks, CachedSiteMiddleware (the chain
    is built on the first request and kept)."""
    from django.conf import settings
    from django.test import Client, override_settings

    client = Client()
    if not cached_site:
        chain = [m for m in settings.MIDDLEWARE if not m.endswith("CachedSiteMiddleware")]
        with override_settings(MIDDLEWARE=chain):
            client.get("/")
    return client


if __name__ == "__main__":
    sys.exit(main())
