"""`peninsula worker` keeps working through a locked or unreachable database, and says it is
alive (the heartbeat `peninsula check` reads)."""

import contextlib
import logging
import socket
import sqlite3
import threading
import time
import uuid
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.db import OperationalError
from django.utils import timezone

from peninsula.core import worker
from peninsula.core.models import WorkerHeartbeat
from peninsula.newsletters import sweeper
from tests.core.processes import (
    ENQUEUE_CONFIRMATION,
    Running,
    environment,
    manage_shell,
    migrated_sqlite_file,
)
from tests.newsletters.smtp import Handler

SMTP_PORT = 18410
UNREACHABLE_PG_PORT = 18499  # in this helper's port range; nothing listens on it


def test_backoff_doubles_up_to_its_cap_and_starts_again_after_a_reset():
    backoff = worker.Backoff(first=1, cap=30)
    assert [backoff.next() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    backoff.reset()
    assert backoff.next() == 1


def test_a_database_error_is_one_warning_line_and_the_loop_goes_on(caplog, monkeypatch):
    monkeypatch.setattr(worker, "close_old_connections", lambda: None)  # no database here
    calls = []
    stop = threading.Event()

    def flaky():
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("database is locked\nwith a second line")
        stop.set()

    with caplog.at_level(logging.WARNING, logger="peninsula.core.worker"):
        worker.repeat("Heartbeat", flaky, 0.01, stop)
    assert len(calls) == 3
    assert [record.getMessage() for record in caplog.records] == [
        "Heartbeat: database unavailable (OperationalError: database is locked); next try in 0.01 s"
    ] * 2
    assert all(record.exc_info is None for record in caplog.records)  # no traceback


def test_newsletter_sweeper_survives_a_database_error(monkeypatch, caplog, settings):
    settings.PENINSULA_NEWSLETTER_SWEEP_SECONDS = 0.01
    settings.PENINSULA_NEWSLETTER_DIGEST_SWEEP_SECONDS = 3600
    stop = threading.Event()
    calls = []

    def sweep_once():
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("connection refused")
        stop.set()
        return {}

    monkeypatch.setattr(sweeper, "sweep_once", sweep_once)
    monkeypatch.setattr(sweeper, "close_old_connections", lambda: None)  # no database here
    monkeypatch.setattr("peninsula.newsletters.digests.send_due_digests", lambda frequency: 0)
    with caplog.at_level(logging.WARNING, logger="peninsula.newsletters.sweeper"):
        sweeper._loop(stop)
    assert len(calls) == 2
    assert [record.getMessage() for record in caplog.records] == [
        "Newsletter sweep: database unavailable (OperationalError: connection refused)"
    ]


def test_task_loop_restarts_after_database_errors_with_growing_waits(monkeypatch, caplog):
    """The task loop's database error is caught, waited out (1 s, 2 s, ...), and the loop
    entered again; it ends only as django_tasks_db's own loop ends (here: a batch run)."""
    from django_tasks_db.management.commands.db_worker import Worker

    attempts, waits = [], []

    def run(self):
        attempts.append(1)
        if len(attempts) <= 3:
            raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(Worker, "run", run)
    monkeypatch.setattr(worker.time, "sleep", waits.append)
    resilient = worker._resilient_worker_class()(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    with caplog.at_level(logging.WARNING, logger="peninsula.core.worker"):
        resilient.run()
    assert len(attempts) == 4
    assert waits == [1, 2, 4]
    assert len(caplog.records) == 3
    assert caplog.records[0].getMessage() == (
        "Worker: database unavailable (OperationalError: could not connect to server: "
        "Connection refused); next try in 1 s"
    )


@pytest.mark.django_db
def test_a_task_whose_outcome_could_not_be_saved_is_marked_failed_on_recovery(
    settings, monkeypatch
):
    """The task ran, but the database refused both its result and its failure: the loop
    gives up on that round, and the next one records the task as failed rather than leave
    it "running" for ever."""
    from django_tasks_db.models import DBTaskResult

    from peninsula.newsletters.tasks import send_confirmation_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued = send_confirmation_email.enqueue(999_999, {})  # no such subscriber: returns False
    row = DBTaskResult.objects.get(pk=queued.id)
    row.claim("test")
    refused = OperationalError("database is locked")

    def refuse(self, *args):
        raise refused

    resilient = worker._resilient_worker_class()(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    with monkeypatch.context() as locked:
        locked.setattr(DBTaskResult, "set_successful", refuse)
        locked.setattr(DBTaskResult, "set_failed", refuse)
        with pytest.raises(OperationalError):
            resilient.run_task(row)
    assert DBTaskResult.objects.get(pk=queued.id).status == "RUNNING"
    resilient.record_outcomes()
    recorded = DBTaskResult.objects.get(pk=queued.id)
    assert recorded.status == "FAILED"
    assert resilient.unrecorded == []


@pytest.mark.django_db
def test_heartbeat_is_recorded_and_read_back():
    assert worker.last_heartbeat() is None
    before = timezone.now()
    gone = WorkerHeartbeat.objects.create(name="old:1", seen_at=before - timedelta(days=2))
    recent = WorkerHeartbeat.objects.create(name="other:2", seen_at=before - timedelta(minutes=5))
    worker.record_heartbeat()
    worker.record_heartbeat()  # refreshed in place: one row per worker process
    mine = WorkerHeartbeat.objects.get(name=worker.worker_name())
    assert mine.seen_at >= before
    assert worker.last_heartbeat() == mine.seen_at
    assert not WorkerHeartbeat.objects.filter(pk=gone.pk).exists()  # a day gone: forgotten
    assert WorkerHeartbeat.objects.filter(pk=recent.pk).exists()
    assert WorkerHeartbeat.objects.count() == 2


@pytest.fixture
def smtp():
    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield handler
    controller.stop()


def test_worker_outlives_sqlite_write_lock_held_longer_than_its_timeout(tmp_path, smtp, migrated):
    """A long import holds SQLite's write lock for longer than the worker's busy timeout
    (here 1 s against a 6 s lock). The worker logs one warning line per failed try, waits,
    tries again, and once the lock is released runs the task queued before it."""
    database = tmp_path / "site.sqlite3"
    migrated_sqlite_file(database, tmp_path)
    env = environment(
        tmp_path,
        f"sqlite:///{database}",
        WORKER_TEST_DB_TIMEOUT="1",
        WORKER_TEST_SMTP_PORT=str(SMTP_PORT),
    )
    address = "locked-out@example.org"
    assert "queued" in manage_shell(env, ENQUEUE_CONFIRMATION.format(address=address))

    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long import's transaction holds
    running = Running(["worker"], env)
    try:
        running.wait_for(
            lambda: (
                "Worker: database unavailable (OperationalError: database is locked)"
                in running.output
            ),
            timeout=60,
            what="a warning about the locked database",
        )
        locked_until = time.monotonic() + 6
        while time.monotonic() < locked_until:
            assert running.alive(), f"the worker exited:\n{running.output}"
            time.sleep(0.2)
        assert not smtp.received  # nothing could be claimed while the lock was held
        holder.execute("ROLLBACK")

        running.wait_for(lambda: smtp.received, timeout=60, what="the confirmation email")
        assert running.alive(), running.output
        [message] = smtp.received
        assert message.recipients == [address]
        with contextlib.closing(sqlite3.connect(database)) as reader:
            [(status,)] = reader.execute("SELECT status FROM django_tasks_database_dbtaskresult")
        assert status == "SUCCESSFUL"
        warnings = [line for line in running.lines if line.startswith("Worker: database")]
        assert len(warnings) >= 2  # more than one try during the 6 s
        assert warnings[0].endswith("next try in 1 s")
        assert warnings[1].endswith("next try in 2 s")
        assert "Traceback" not in running.output  # each failure one line
    finally:
        holder.close()
        running.stop()


def test_worker_outlives_an_unreachable_postgresql(tmp_path):
    """PostgreSQL down (a port nothing listens on): the task loop backs off 1 s, 2 s, 4 s
    ..., the heartbeat and scheduler threads warn too, and the process stays up."""
    with contextlib.closing(socket.socket()) as probe:
        assert probe.connect_ex(("127.0.0.1", UNREACHABLE_PG_PORT)) != 0, "port in use"
    env = environment(
        tmp_path, f"postgres://postgres@127.0.0.1:{UNREACHABLE_PG_PORT}/peninsula_h4_absent"
    )
    running = Running(["worker"], env)
    try:
        running.wait_for(
            lambda: (
                "Worker: database unavailable" in running.output
                and "next try in 4 s" in running.output
            ),
            timeout=90,
            what="three tries of the task loop",
        )
        assert running.alive(), running.output
        assert "Heartbeat: database unavailable (OperationalError" in running.output
        assert "Traceback" not in running.output
        waits = [
            line.rsplit("next try in ", 1)[1]
            for line in running.lines
            if line.startswith("Worker: database unavailable")
        ]
        assert waits[:3] == ["1 s", "2 s", "4 s"]
    finally:
        running.stop()


def test_rq_worker_outlives_jobs_failing_on_the_database(tmp_path):
    """With RQ, a job that cannot reach the database fails as a job; the worker goes on to
    the next one. (Needs Redis on 127.0.0.1:6379; fails, never skips, without it.)"""
    from tests.newsletters.test_crash import _check_redis

    _check_redis()
    queue = f"h4-worker-{uuid.uuid4().hex[:8]}"
    env = environment(
        tmp_path,
        f"postgres://postgres@127.0.0.1:{UNREACHABLE_PG_PORT}/peninsula_h4_absent",
        DJANGO_SETTINGS_MODULE="tests.newsletters.worker_settings",
        NEWSLETTER_TEST_SMTP_PORT=str(SMTP_PORT),
        NEWSLETTER_TEST_TASKS="rq",
        NEWSLETTER_TEST_QUEUE=queue,
    )
    running = Running(["worker", "--queue", queue], env)
    enqueue = (
        "from peninsula.newsletters.tasks import send_confirmation_email as task\n"
        f"print('queued', task.using(queue_name='{queue}').enqueue({{number}}, {{{{}}}}).id)"
    )
    try:
        running.wait_for(lambda: f"Listening on {queue}" in running.output, 60, "RQ starting")
        for number in (1, 2):
            manage_shell(env, enqueue.format(number=number))
            running.wait_for(
                lambda number=number: running.output.count("state=FAILED") == number,
                timeout=60,
                what=f"job {number} failing",
            )
        assert running.alive(), running.output
        assert "OperationalError" in running.output
    finally:
        running.stop()
