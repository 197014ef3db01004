"""Requests per second through the documented nginx config, with its cache and without.

    .venv/bin/python bench/load.py [--seconds 60] [--connections 64] [--threads 2]
                                   [--count 0] [--publishes 5]

Starts the production stack of the smoke test (tests/production/stack.py: nginx with
deploy/nginx/peninsula.conf and TLS, `peninsula serve --no-worker` with the production
settings, `peninsula worker`, a throwaway PostgreSQL database, Redis), loads the demo
institute (`peninsula demo`, plus --count generated publications), then runs wrk on loopback
against the home page, an article, a listing and a search, each for --seconds with
--connections connections: first with nginx's cache, then with `proxy_cache off` (every
request reaches the app). Prints requests/s, p50, p99 and errors per URL. Then an editor
publishes an edit in the admin (Chromium) --publishes times, and the time from the click to
the first anonymous reader who gets the new title is printed. See docs/deployment.md.
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import machine_speed, stop_on_sigterm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.production.stack import Stack, missing_services  # noqa: E402

# Browsers ask for gzip, and nginx compresses what it sends (cached pages are kept whole).
WRK_HEADERS = ["-H", "Accept-Encoding: gzip"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="wrk's duration per URL")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--app-workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--count", type=int, default=0, help="generated publications to add")
    parser.add_argument("--publishes", type=int, default=5, help="edits timed to readers")
    parser.add_argument("--no-uncached", action="store_true", help="measure with the cache only")
    options = parser.parse_args(argv)
    stop_on_sigterm()
    missing = missing_services() + ([] if shutil.which("wrk") else ["wrk: apt-get install wrk"])
    if missing:
        sys.exit("Missing: " + "; ".join(missing))

    print(machine_speed(), flush=True)
    started = time.monotonic()
    with Stack(name="load", app_workers=options.app_workers, prepare=_content(options)) as stack:
        print(f"stack up with the demo content in {time.monotonic() - started:.0f} s", flush=True)
        # Loading queued a task per page (search index, references): measured beside a busy
        # worker, the figures would be the backlog's.
        waited = stack.wait_for_idle_worker()
        print(f"the worker ran the tasks loading queued in {waited:.0f} s more", flush=True)
        urls = _urls(stack)
        modes = [True] if options.no_uncached else [True, False]
        for cache in modes:
            if not cache:
                stack.nginx.start(cache=False)
            label = "cache on " if cache else "cache off"
            for name, path in urls.items():
                result = wrk(stack.url(path), options)
                print(f"{label} {name:8} {path}: {result}", flush=True)
        if not options.no_uncached:
            stack.nginx.start(cache=True)
        if options.publishes:
            try:
                times = publish_times(stack, urls["article"], options.publishes)
            except AssertionError:
                print(stack.logs(), flush=True)
                raise
            print(
                f"publish visible to readers: median {statistics.median(times):.2f} s, "
                f"max {max(times):.2f} s over {len(times)} edits "
                f"({', '.join(f'{t:.2f}' for t in times)})",
                flush=True,
            )
    return 0


def _content(options):
    def prepare(stack):
        stack.manage("load_demo")
        if options.count:
            # bench/generate.py with the stack's settings and database, as `manage` runs.
            script = str(ROOT / "bench" / "generate.py")
            subprocess.run(
                [sys.executable, script, "--count", str(options.count)],
                env=stack.env,
                cwd=stack.folder,
                check=True,
                timeout=600,
            )

    return prepare


def _urls(stack) -> dict[str, str]:
    article = stack.manage(
        "shell",
        "-c",
        "from peninsula.publications.models import ArticlePage;"
        "print(ArticlePage.objects.live().order_by('-date').first().url)",
    ).splitlines()[-1]  # after the shell's note on what it imported
    return {
        "home": "/",
        "article": article,
        "listing": "/publications/",
        "search": "/search/?q=deterrence",
    }


def wrk(url: str, options) -> str:
    """One wrk run on `url`: requests/s, p50, p99 and errors (non-2xx/3xx, socket errors)."""
    subprocess.run(["wrk", "-t1", "-c1", "-d1s", *WRK_HEADERS, url], capture_output=True)
    output = subprocess.run(
        ["wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{options.seconds}s",
         "--latency", "--timeout", "10s", *WRK_HEADERS, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip
    # The latency distribution's lines (not the "+/- Stdev" column, whose figures end in %).
    cuts = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s|m))\s*$", output, re.M))
    if len(cuts) < 2:  # no request answered
        return "no figures; wrk said:\n" + output
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    total = int(re.search(r"(\d+) requests in", output)[1])
    p50, p99 = _milliseconds(cuts["50"]), _milliseconds(cuts["99"])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = (int(bad[1]) if bad else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    return (
        f"{rate:,.0f} requests/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
        f"{errors} errors of {total:,} requests"
    )


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def publish_times(stack, path: str, rounds: int) -> list[float]:
    """Seconds from the editor's click on Publish to the first reader with the new title."""
    from playwright.sync_api import sync_playwright

    from tests.production.admin import edit_title_and_time_it, launch, log_in, new_tab

    page_pk = int(
        stack.manage(
            "shell",
            "-c",
            "from wagtail.models import Page;"
            f"print(Page.objects.get(url_path__endswith={path!r}).pk)",
        ).splitlines()[-1]
    )
    times = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        editor = new_tab(browser, stack)
        log_in(editor)
        for number in range(rounds):
            stack_read_warm(stack, path)
            seconds, _ = edit_title_and_time_it(
                editor, stack, page_pk, path, f"Load test edit {number + 1}", limit=30
            )
            times.append(seconds)
        browser.close()
    return times


def stack_read_warm(stack, path: str) -> None:
    """Two reads, so the page is in the cache before the edit (a HIT to be purged)."""
    from tests.production.admin import read

    read(stack, path)
    read(stack, path)


if __name__ == "__main__":
    sys.exit(main())
