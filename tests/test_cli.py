"""The `peninsula` command, run as a user would run it, in its own data directory."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from peninsula.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def run(args, data_dir, **kwargs):
    env = clean_env(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "peninsula", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # migrating a new site on a busy 2-core machine
        **kwargs,
    )


def generate(args, data_dir):
    """bench/generate.py (generated publications, a benchmark tool outside the product) run
    as a developer runs it, on the site of `data_dir`."""
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), *args],
        env=clean_env(data_dir),
        capture_output=True,
        text=True,
        timeout=300,
    )


def clean_env(data_dir):
    """The environment a user has: no test settings, no PostgreSQL URL, their own data dir."""
    hidden = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "PENINSULA_DATA_DIR"}
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["PENINSULA_DATA_DIR"] = str(data_dir)
    return env


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_parser_defaults():
    options = build_parser().parse_args(["serve"])
    assert (options.host, options.port) == ("127.0.0.1", 8000)
    assert build_parser().parse_args(["manage", "check", "--deploy"]).rest == ["check", "--deploy"]


def test_help_lists_the_commands(tmp_path):
    result = run(["--help"], tmp_path)
    assert result.returncode == 0
    for command in ("demo", "serve", "worker", "import", "search", "manage"):
        assert command in result.stdout


def test_manage_runs_django_commands_in_the_data_dir(tmp_path):
    result = run(["manage", "check"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    assert (tmp_path / "secret_key.txt").exists()


def test_serve_answers_with_gunicorn_and_static_files(tmp_path):
    """Migrate a fresh data directory, serve it, fetch the home page and the stylesheet."""
    assert run(["manage", "migrate", "--no-input"], tmp_path).returncode == 0
    port = free_port()
    env = clean_env(tmp_path)
    server = subprocess.Popen(
        [sys.executable, "-m", "peninsula", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                home = urllib.request.urlopen(base + "/", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("server did not start")
                time.sleep(0.3)
        assert home.status == 200
        assert "gunicorn" in home.headers.get("Server", "")
        assert b"Search All Site Content" in home.read()
        css = urllib.request.urlopen(base + "/static/peninsula/css/site.css", timeout=5)
        assert css.status == 200 and b"--brand" in css.read()
    finally:
        server.terminate()
        server.wait(timeout=20)


SCHEDULE_A_PAGE = """
import datetime
from django.utils import timezone
from peninsula.home.models import HomePage
from peninsula.publications.models import ArticlePage, SeriesPage
series = HomePage.objects.get().add_child(instance=SeriesPage(title="Briefs", slug="briefs"))
series.save_revision().publish()
page = series.add_child(instance=ArticlePage(title="Embargoed", slug="embargoed", live=False))
page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
page.save_revision().publish()
print("scheduled", page.pk, ArticlePage.objects.get(pk=page.pk).live)
"""

IS_LIVE = "from peninsula.publications.models import ArticlePage; print(ArticlePage.objects.get(slug='embargoed').live)"


def test_worker_publishes_scheduled_pages(tmp_path):
    """`peninsula worker` publishes a page once its go-live time has passed."""
    assert run(["manage", "migrate", "--no-input"], tmp_path).returncode == 0
    scheduled = run(["manage", "shell", "-c", SCHEDULE_A_PAGE], tmp_path)
    assert "scheduled" in scheduled.stdout and scheduled.stdout.strip().endswith("False"), (
        scheduled.stderr
    )
    time.sleep(2.5)
    worker = subprocess.Popen(
        [sys.executable, "-m", "peninsula", "worker"],
        env=clean_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while run(["manage", "shell", "-c", IS_LIVE], tmp_path).stdout.strip().endswith("False"):
            assert worker.poll() is None, "the worker exited"
            assert time.monotonic() < deadline, "the page was not published"
            time.sleep(0.5)
    finally:
        worker.terminate()
        worker.wait(timeout=20)


def test_two_data_dirs_are_two_sites(tmp_path):
    show = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    first = run(["manage", "shell", "-c", show], tmp_path / "one").stdout
    second = run(["manage", "shell", "-c", show], tmp_path / "two").stdout
    assert str(tmp_path / "one") in first and str(tmp_path / "two") in second


def test_search_commands_rebuild_and_query(tmp_path):
    """`peninsula search reindex` and `peninsula search query ... --json` on a new site."""
    assert run(["manage", "migrate", "--no-input"], tmp_path).returncode == 0
    made = generate(["--count", "20", "--no-index"], tmp_path)
    assert made.returncode == 0, made.stderr
    rebuilt = run(["search", "reindex"], tmp_path)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "Indexed" in rebuilt.stdout
    found = run(["search", "query", "security", "--json"], tmp_path)
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["total"] > 0 and data["hits"][0]["url"].startswith("/")
    by_date = run(["search", "query", "security", "--sort", "date"], tmp_path)
    assert by_date.returncode == 0 and f"{data['total']} found" in by_date.stdout


def test_rebuild_in_worker_processes_gives_the_same_index(tmp_path):
    """Three batches of pages read and analyzed by two worker processes, then the same
    rebuild in one process: identical results, facets and "Total Index"."""
    assert run(["manage", "migrate", "--no-input"], tmp_path).returncode == 0
    made = generate(["--count", "1200", "--no-index"], tmp_path)
    assert made.returncode == 0, made.stderr

    def rebuilt_with(workers):
        rebuilt = run(["search", "reindex", "--workers", str(workers)], tmp_path)
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert ("worker processes" in rebuilt.stdout) == (workers > 0)
        indexed = [line for line in rebuilt.stdout.splitlines() if line.startswith("Indexed ")]
        found = run(["search", "query", "security OR trade", "--json"], tmp_path)
        assert found.returncode == 0, found.stderr
        return indexed, json.loads(found.stdout)

    in_workers, in_one_process = rebuilt_with(2), rebuilt_with(0)
    assert in_workers == in_one_process
    indexed, results = in_workers
    assert len(indexed) == 1 and int(indexed[0].split()[1]) > 1200  # and the starter pages
    assert results["total"] > 0


def test_the_web_application_freezes_what_it_loaded(tmp_path):
    """peninsula.wsgi takes the loaded framework out of the garbage collector's walks."""
    script = "import gc, peninsula.wsgi; print(gc.get_freeze_count())"
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert int(out) > 50_000
