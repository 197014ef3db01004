"""What the search benchmarks share with bench/page_speed.py's way of working.

Each measurement runs in a child process against a fresh database: a temporary SQLite file
in a temporary data directory, or a throwaway PostgreSQL database `peninsula_bench_<random>`
on 127.0.0.1:5432 that is dropped afterwards, also on timeout or SIGTERM. The parent only
creates and drops; the child sets Django up and measures.
"""

import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"


def stop_on_sigterm():
    """On SIGTERM, unwind like Ctrl-C: subprocess.run kills the child, `finally` drops the
    database."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def run_child(label: str, backend: str, command: list[str], seconds: float) -> bool:
    """Run `command` (a Python script and its arguments) with a fresh, empty database of this
    backend, for at most `seconds`; True when it finished without error."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "peninsula.settings.test"}
    env.pop("DATABASE_URL", None)
    with tempfile.TemporaryDirectory(prefix="peninsula-bench-") as data_dir:
        env["PENINSULA_DATA_DIR"] = data_dir
        database = None
        if backend == "postgres":
            database = f"peninsula_bench_{secrets.token_hex(4)}"
            postgres(f'CREATE DATABASE "{database}"')
            env["DATABASE_URL"] = f"{POSTGRES_SERVER}/{database}"
        try:
            subprocess.run(
                [sys.executable, *command], env=env, cwd=ROOT, timeout=seconds, check=True
            )
            return True
        except subprocess.TimeoutExpired:
            print(f"{label}: stopped after {seconds:.0f} s (--timeout)", flush=True)
        except subprocess.CalledProcessError as error:
            print(f"{label}: failed with exit status {error.returncode}", flush=True)
        finally:
            if database:
                postgres(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    return False


def postgres(sql: str):
    import psycopg

    assert '"test"' not in sql  # never the shared database named 'test'
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def setup_django_and_migrate():
    """In the child: Django on the fresh database, migrated."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", "--verbosity", "0")


def percentiles(timings_ms: list[float]) -> dict[int, float]:
    """{50: p50, 95: p95, 99: p99} with the same interpolation as page_speed.py."""
    if len(timings_ms) < 2:
        only = timings_ms[0] if timings_ms else float("nan")
        return {50: only, 95: only, 99: only}
    cuts = statistics.quantiles(timings_ms, n=100, method="inclusive")
    return {50: cuts[49], 95: cuts[94], 99: cuts[98]}


def machine_speed() -> str:
    """How fast this machine runs plain Python right now, to set beside the figures: on
    2026-12-02 the same loop took 0.32 s to 2.0 s on one machine at different hours, and a
    figure means little without it."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return f"machine speed: ten million additions in {time.perf_counter() - started:.2f} s"
