"""Random hostile requests against a served demo: how many got a server error, how slow the
slowest answer was.

    .venv/bin/python bench/fuzz.py [--requests 20000] [--backends sqlite,postgres]
                                   [--clients 4] [--seed 1] [--timeout 1800]

For each backend: a fresh database (bench/_common.py), the demo institute loaded, then
`peninsula serve --no-worker` (gunicorn, 2 workers) on 127.0.0.1, and --requests requests
from --clients connections, each a public address of the site with hostile values in its
path, query string or form body (NUL and other control characters, numbers past 64 bits,
zero and negative ids, overlong values, invalid UTF-8, repeated parameters; the values of
tests/hostile/strategies.py). Prints requests, answers by status class, 5xx count (with the
first few addresses that got one), and the slowest answer. See docs/deployment.md.
"""

import argparse
import http.client
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, quote_from_bytes

from _common import (
    machine_speed,
    percentiles,
    run_child,
    setup_django_and_migrate,
    stop_on_sigterm,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.strategies import EDGE_NUMBERS, ODD_ENCODINGS  # noqa: E402

LISTING = ["type", "theme", "region", "year", "order", "page"]
SEARCH = ["q", "type", "series", "theme", "region", "author", "year", "page", "sort"]
API = ["limit", "offset", "type", "series", "theme", "region", "topic", "author", "date_from"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=20_000, help="per backend")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--clients", type=int, default=4, help="concurrent connections")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per backend")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        return child(options)
    stop_on_sigterm()
    print(machine_speed(), flush=True)
    ok = True
    for backend in options.backends.split(","):
        command = ["bench/fuzz.py", "--child", "--requests", str(options.requests)]
        command += ["--clients", str(options.clients), "--seed", str(options.seed)]
        ok = run_child(f"fuzz {backend}", backend, command, options.timeout) and ok
    return 0 if ok else 1


def child(options):
    setup_django_and_migrate()
    from django.db import connection

    from peninsula.demo.loader import load_demo

    started = time.monotonic()
    load_demo()
    backend = connection.vendor
    print(f"{backend}: demo loaded in {time.monotonic() - started:.0f} s", flush=True)
    real = real_segments()
    connection.close()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "peninsula", "serve", "--host", "127.0.0.1"]
        + ["--port", str(port), "--workers", "2", "--no-worker"],
        cwd=ROOT,
        env={**os.environ, "PENINSULA_SERVE_WORKER": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(port)
        warm_up(port, real)
        result = fuzz(port, real, options)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(backend, result)
    return 1 if result["errors"] else 0


def real_segments() -> dict:
    """Slugs and ids the demo really has, so some requests get past the first lookup."""
    from peninsula.people.models import PersonPage
    from peninsula.publications.models import EventPage, PublicationPage, SeriesPage
    from peninsula.taxonomy.models import Region, Theme

    article = PublicationPage.objects.live().select_related("series_page").first()
    return {
        "series": list(SeriesPage.objects.live().values_list("slug", flat=True)),
        "article": [article.series_page.slug, article.slug, str(article.pk)],
        "theme": list(Theme.objects.values_list("slug", flat=True)),
        "region": list(Region.objects.values_list("slug", flat=True)),
        "person": list(PersonPage.objects.live().values_list("slug", flat=True)),
        "event": [str(pk) for pk in EventPage.objects.live().values_list("pk", flat=True)[:3]],
    }


def hostile_value(rng: random.Random) -> str:
    """One value, already percent-encoded as an attacker would put it on the wire."""
    kind = rng.randrange(8)
    if kind == 0:
        return quote("".join(chr(rng.randrange(0x20)) for _ in range(rng.randint(1, 3))), safe="")
    if kind == 1:
        return quote("ab" + chr(rng.choice([0, 1, 8, 0x1B, 0x7F])) + "cd", safe="")
    if kind == 2:
        return str(rng.choice(EDGE_NUMBERS))
    if kind == 3:
        return str(rng.randint(-(2**80), 2**80))
    if kind == 4:
        return "a" * rng.choice([256, 1_000, 5_000])
    if kind == 5:
        return rng.choice(ODD_ENCODINGS)
    if kind == 6:
        return quote_from_bytes(rng.randbytes(rng.randint(1, 10)), safe="")
    return quote("".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 12))))


def one_request(rng: random.Random, real: dict) -> tuple[str, str, bytes | None]:
    """(method, path with query, body) for a random public route."""

    def seg(*choices):
        options = [c for c in choices if c]
        return rng.choice(options) if options and rng.random() < 0.4 else hostile_value(rng)

    series, article_slug, article_id = real["article"]
    routes = [
        ("/", []),
        (f"/{seg(*real['series'])}/", LISTING),
        (f"/{series}/{seg(article_slug)}/", []),
        (f"/publications/{seg('reports', 'commentary')}/", LISTING),
        ("/publications/", LISTING),
        (f"/themes/{seg(*real['theme'])}/", LISTING),
        (f"/regions/{seg(*real['region'])}/", LISTING),
        (f"/topics/{seg()}/", LISTING),
        (f"/experts/{seg(*real['person'])}/", ["page"]),
        (f"/{seg()}/", []),
        ("/search/", SEARCH),
        ("/search/suggest/", ["q"]),
        ("/subscribe/", ["source"]),
        (f"/newsletters/{seg('confirm', 'preferences', 'unsubscribe')}/{seg()}/", []),
        (f"/feeds/{seg('rss', 'atom', 'json')}/", []),
        (f"/feeds/{seg('theme', 'author', 'series')}/{seg(*real['theme'])}/rss/", []),
        (f"/feeds/podcasts/{seg(*real['series'])}/", []),
        (f"/feeds/events/{seg(*real['event'])}.ics", []),
        ("/feeds/events.ics", []),
        (f"/sitemap-{seg('pages', 'publications', 'listings')}.xml", []),
        ("/robots.txt", []),
        (f"/api/v1/{seg('publications', 'people', 'series', 'themes')}/", API),
        (f"/api/v1/{seg('publications', 'people')}/{seg(article_id)}/", []),
        (f"/documents/{seg()}/{seg()}", []),
        (f"/media/{seg('images', 'documents')}/{seg()}", []),
        ("/health/", []),
        ("/admin/login/", ["next"]),
    ]
    path, names = rng.choice(routes)
    pairs = [
        (
            rng.choice(names) if names and rng.random() < 0.8 else hostile_value(rng),
            hostile_value(rng),
        )
        for _ in range(rng.randint(0, 4))
    ]
    query = "&".join(f"{name}={value}" for name, value in pairs)
    if rng.random() < 0.1:  # a public form, posted
        form = rng.choice(["/newsletters/sign-up/", "/subscribe/", "/admin/login/"])
        fields = ["email", "name", "lists", "series", "username", "password"]
        body = "&".join(f"{rng.choice(fields)}={hostile_value(rng)}" for _ in range(4))
        return "POST", form, body.encode()
    return "GET", f"{path}?{query}" if query else path, None


def fuzz(port: int, real: dict, options) -> dict:
    lock = threading.Lock()
    result = {"statuses": Counter(), "errors": [], "slowest": (0.0, ""), "sent": 0, "times": []}
    per_client = options.requests // options.clients

    def client(number):
        rng = random.Random(options.seed * 1000 + number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(per_client):
            method, target, body = one_request(rng, real)
            headers = {"Host": "127.0.0.1", "Origin": f"http://127.0.0.1:{port}"}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            started = time.perf_counter()
            try:
                connection.request(method, target, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (http.client.HTTPException, OSError):
                status = 0  # the connection failed: counted apart, then a new one
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                result["sent"] += 1
                result["times"].append(elapsed)
                result["statuses"][status // 100 if status else 0] += 1
                if status >= 500 or status == 0:
                    result["errors"].append((status, f"{method} {target}"[:160]))
                if elapsed > result["slowest"][0]:
                    result["slowest"] = (elapsed, f"{method} {target}"[:160])
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(options.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result["seconds"] = time.monotonic() - started
    return result


def report(backend: str, result: dict):
    classes = ", ".join(
        f"{'failed' if c == 0 else f'{c}xx'}: {n}" for c, n in sorted(result["statuses"].items())
    )
    slowest, where = result["slowest"]
    p99 = percentiles([t * 1000 for t in result["times"]])[99]
    print(
        f"{backend}: {result['sent']} requests in {result['seconds']:.0f} s ({classes}); "
        f"5xx or failed: {len(result['errors'])}; p99 {p99:.0f} ms; "
        f"slowest {slowest * 1000:.0f} ms ({where})",
        flush=True,
    )
    for status, where in result["errors"][:10]:
        print(f"  {status} {where}", flush=True)


def warm_up(port: int, real: dict):
    """Each real page once, twice over (once per worker, roughly), so the slowest figure is
    hostile input's and not a worker's first import or an image's first resized copy."""
    series, article, _ = real["article"]
    paths = ["/", "/publications/", "/search/?q=korea", "/api/v1/publications/"]
    paths += [f"/{slug}/" for slug in real["series"]] + [f"/{series}/{article}/"]
    paths += [f"/feeds/podcasts/{slug}/" for slug in real["series"]]
    paths += [f"/themes/{slug}/" for slug in real["theme"]]
    paths += [f"/regions/{slug}/" for slug in real["region"]]
    paths += [f"/experts/{slug}/" for slug in real["person"]]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for path in paths * 2:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        connection.getresponse().read()
    connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not answer within {seconds:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
