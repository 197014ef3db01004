"""Helpers for tests that run `peninsula worker` and `peninsula serve` as a user would: real
processes on a file SQLite database of their own, output collected for the test to read."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HIDDEN = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "PENINSULA_DATA_DIR"}


def environment(data_dir: Path, database: str, **extra: str) -> dict:
    """A user's environment (no test settings, no PostgreSQL URL) with tests/core's settings."""
    env = {key: value for key, value in os.environ.items() if key not in HIDDEN}
    env.update(
        PENINSULA_DATA_DIR=str(data_dir),
        DATABASE_URL=database,
        DJANGO_SETTINGS_MODULE="tests.core.worker_settings",
        PYTHONPATH=str(REPO),
        PYTHONUNBUFFERED="1",
        WORKER_TEST_DB_TIMEOUT="20",
    )
    env.update(extra)
    return env


def migrated_sqlite_file(target: Path, data_dir: Path) -> None:
    """A migrated SQLite database at `target`: the test database copied when it is SQLite
    (pytest-django keeps it in memory; the test must not be inside a transaction, which
    would stall the copy), else `migrate` run into a new file."""
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
        return
    env = environment(data_dir, f"sqlite:///{target}")
    result = subprocess.run(
        [sys.executable, "-m", "peninsula", "manage", "migrate", "--no-input", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def manage_shell(env: dict, code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "peninsula", "manage", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


ENQUEUE_CONFIRMATION = """
from peninsula.newsletters.models import Subscriber
from peninsula.newsletters.tasks import send_confirmation_email
subscriber = Subscriber.objects.create(email="{address}")
print("queued", send_confirmation_email.enqueue(subscriber.pk, {{}}).id)
"""


class Running:
    """A process started by a test, its output (stdout and stderr together) kept in lines."""

    def __init__(self, args: list[str], env: dict):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "peninsula", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_for(self, predicate, timeout: float, what: str):
        """Poll `predicate` until it is true; fail with the process output if it never is."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not happen in {timeout} s:\n{self.output}")
            time.sleep(0.2)

    def stop(self):
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=5)


def pid_alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def descendants(root: int) -> list[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
