"""`peninsula serve` runs a task worker beside the web server, so one command runs the whole
site; `--no-worker` (or PENINSULA_SERVE_WORKER=0) serves alone. Real processes on loopback."""

import os
import re
import signal
import time
import urllib.request

import pytest
from aiosmtpd.controller import Controller

from tests.core.processes import (
    ENQUEUE_CONFIRMATION,
    Running,
    command_line,
    descendants,
    environment,
    manage_shell,
    migrated_sqlite_file,
    pid_alive,
)
from tests.newsletters.smtp import Handler

SMTP_PORT = 18420
SERVE_PORT = 18421
ALONE_PORT = 18422
KILLED_PORT = 18423
RESTART_PORT = 18424


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def worker_pid(running: Running) -> int | None:
    found = re.search(r"Worker started \(pid (\d+)\)", running.output)
    return int(found.group(1)) if found else None


def wait_gone(pid: int, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while pid_alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.fixture
def site(tmp_path, migrated):
    """A migrated file SQLite site (the test database copied, outside any transaction, with
    the home page the migrations made) and the environment to serve it with."""
    database = tmp_path / "site.sqlite3"
    migrated_sqlite_file(database, tmp_path)
    return environment(tmp_path, f"sqlite:///{database}", WORKER_TEST_SMTP_PORT=str(SMTP_PORT))


def test_serve_runs_queued_tasks_and_stops_its_worker(site):
    """A confirmation email queued while `peninsula serve` runs reaches the mail server, and
    when the server stops (Ctrl-C) its worker process is gone too."""
    handler = Handler()
    smtp = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
    smtp.start()
    server = Running(["serve", "--port", str(SERVE_PORT), "--workers", "1"], site)
    try:
        server.wait_for(lambda: answers(SERVE_PORT), timeout=60, what="the site answering")
        pid = worker_pid(server)
        assert pid and "peninsula worker" in command_line(pid), server.output
        assert pid in descendants(server.process.pid)

        address = "new-reader@example.org"
        manage_shell(site, ENQUEUE_CONFIRMATION.format(address=address))
        server.wait_for(lambda: handler.received, timeout=60, what="the confirmation email")
        assert handler.received[0].recipients == [address]
        assert "[worker] Task id=" in server.output  # the worker's output is shown, marked

        server.process.send_signal(signal.SIGINT)  # Ctrl-C reaches the server alone
        assert server.process.wait(timeout=60) == 0, server.output
        assert wait_gone(pid), f"worker {pid} outlived the server:\n{server.output}"
    finally:
        server.stop()
        smtp.stop()


@pytest.mark.parametrize(
    ("argument", "variable"), [("--no-worker", None), (None, "0")], ids=["flag", "environment"]
)
def test_serve_without_a_worker_starts_none(tmp_path, argument, variable):
    env = environment(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}")
    if variable is not None:
        env["PENINSULA_SERVE_WORKER"] = variable
    args = ["serve", "--port", str(ALONE_PORT), "--workers", "1"]
    server = Running([*args, argument] if argument else args, env)
    try:
        # No migrated database needed: the site's error page also answers.
        server.wait_for(lambda: "Listening at" in server.output, timeout=60, what="listening")
        time.sleep(1)
        assert "Worker started" not in server.output
        workers = [
            pid
            for pid in descendants(server.process.pid)
            if "peninsula worker" in command_line(pid)
        ]
        assert workers == []
    finally:
        server.stop()


def test_worker_dies_with_a_killed_server(tmp_path):
    """Even a server killed outright (no chance to stop its worker) leaves no orphan."""
    env = environment(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}")
    server = Running(["serve", "--port", str(KILLED_PORT), "--workers", "1"], env)
    try:
        server.wait_for(lambda: worker_pid(server), timeout=60, what="the worker starting")
        pid = worker_pid(server)
        assert pid_alive(pid)
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=10)
        assert wait_gone(pid), "the worker outlived a killed server"
    finally:
        server.stop()


def test_a_worker_that_stops_is_started_again(tmp_path):
    env = environment(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}")
    server = Running(["serve", "--port", str(RESTART_PORT), "--workers", "1"], env)
    try:
        server.wait_for(lambda: worker_pid(server), timeout=60, what="the worker starting")
        first = worker_pid(server)
        os.kill(first, signal.SIGKILL)
        server.wait_for(
            lambda: len(re.findall(r"Worker started \(pid (\d+)\)", server.output)) == 2,
            timeout=60,
            what="the worker starting again",
        )
        second = int(re.findall(r"Worker started \(pid (\d+)\)", server.output)[1])
        assert second != first and pid_alive(second)
        assert "Worker stopped" in server.output
        assert server.alive()
    finally:
        server.stop()
