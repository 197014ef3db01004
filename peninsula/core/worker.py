"""`peninsula worker`: run queued background tasks and publish scheduled pages on time.

Beside the task worker run four threads: the scheduler (Wagtail publishes a scheduled page
only when its `publish_scheduled` command runs, so it runs every minute), event reminders
(`send_event_reminders`, every ten minutes), the heartbeat
(`peninsula check` reads it to tell whether a worker is alive) and, started by the CLI, the
newsletter sweeper.

A worker must keep working through a locked or briefly unreachable database: a long import
holding SQLite's write lock, a PostgreSQL restart. Every loop here treats a database error
as passing trouble: one warning line, a wait, another try; never the end of the process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)
SCHEDULE_INTERVAL_SECONDS = 60
REMINDER_INTERVAL_SECONDS = 600  # event reminders (registrations) go out within ten minutes
HEARTBEAT_INTERVAL_SECONDS = 30
BACKOFF_FIRST_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 30.0
# A task loop that ran this long before its database failed had been working: the next
# wait starts short again instead of where the last outage left it.
BACKOFF_RESET_AFTER_SECONDS = 60.0


def describe(error: BaseException) -> str:
    """A database error on one line, for a log that shows each failure once, briefly."""
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first_line}" if first_line else type(error).__name__


class Backoff:
    """Waits that double after each failure, from `first` up to `cap` seconds."""

    def __init__(self, first: float = BACKOFF_FIRST_SECONDS, cap: float = BACKOFF_MAX_SECONDS):
        self.first, self.cap = first, cap
        self.delay = first

    def next(self) -> float:
        delay = self.delay
        self.delay = min(self.delay * 2, self.cap)
        return delay

    def reset(self) -> None:
        self.delay = self.first


# Heartbeat ---------------------------------------------------------------------------------


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def record_heartbeat() -> None:
    """Say this worker process is alive now."""
    from peninsula.core.models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(name=worker_name(), defaults={"seen_at": now})
    # Workers gone for a day are forgotten, so the table stays the size of the pool.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()


def last_heartbeat() -> datetime | None:
    """When any worker last said it was alive; None if none ever has (or for a day)."""
    from django.db.models import Max

    from peninsula.core.models import WorkerHeartbeat

    return WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]


# Threads beside the task worker --------------------------------------------------------------


def publish_due_pages() -> None:
    call_command("publish_scheduled", verbosity=0)


def send_event_reminders() -> None:
    call_command("send_event_reminders", verbosity=0)


def repeat(name: str, action: Callable[[], object], interval: float, stop: threading.Event):
    """Call `action` every `interval` seconds until `stop` is set, whatever it raises."""
    while not stop.is_set():
        try:
            action()
        except DatabaseError as error:
            logger.warning(
                "%s: database unavailable (%s); next try in %g s", name, describe(error), interval
            )
        except Exception:  # a bug, not an outage: show where; the next round tries again
            logger.exception("%s failed", name)
        finally:
            close_old_connections()  # a connection broken by the error is not reused
        stop.wait(interval)


def start_thread(name: str, action: Callable[[], object], interval: float, stop: threading.Event):
    thread = threading.Thread(
        target=repeat, args=(name, action, interval, stop), daemon=True, name=name
    )
    thread.start()
    return thread


# The task loop ---------------------------------------------------------------------------------


def _resilient_worker_class():
    # django_tasks_db's worker imports its models: only importable once Django is set up.
    from django_tasks_db.management.commands.db_worker import Worker

    class ResilientWorker(Worker):
        """django_tasks_db's worker loop, started again after a database error.

        Its own loop only shrugs off "database is locked" while looking for a task; a lock
        met when opening the transaction, a lost connection or a refused one ends the
        process. Here the loop is entered again after a capped, doubling wait.
        """

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.backoff = Backoff()
            self.unrecorded = []  # (task result, error): ran, but the outcome was not saved

        def run(self) -> None:
            while self.running:
                started = time.monotonic()
                try:
                    self.record_outcomes()
                    return super().run()
                except DatabaseError as error:
                    self.startup_delay = False  # the random start-up pause is for once only
                    if time.monotonic() - started > BACKOFF_RESET_AFTER_SECONDS:
                        self.backoff.reset()
                    delay = self.backoff.next()
                    logger.warning(
                        "Worker: database unavailable (%s); next try in %g s",
                        describe(error),
                        delay,
                    )
                    _drop_connections()
                    time.sleep(delay)

        def run_task(self, db_task_result) -> None:
            try:
                super().run_task(db_task_result)
            except DatabaseError as error:
                # The task ran but neither its result nor its failure could be saved; left
                # as it is, it would show as running for ever.
                self.unrecorded.append((db_task_result, error))
                raise

        def record_outcomes(self) -> None:
            while self.unrecorded:
                db_task_result, error = self.unrecorded[0]
                db_task_result.set_failed(error)  # its outcome is unknown: say it failed
                self.unrecorded.pop(0)

    return ResilientWorker


def _drop_connections() -> None:
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(DatabaseError):  # already gone
            connection.close()


def _run_database_worker(queue: str) -> None:
    from django_tasks_db.compat import TASKS_LOGGER

    # What `db_worker` at verbosity 1 shows: each task started and finished.
    for name in (TASKS_LOGGER, "django_tasks_db"):
        logging.getLogger(name).setLevel(logging.INFO)
    worker = _resilient_worker_class()(
        queue_names=queue.split(","),
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=True,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    worker.configure_signals()
    worker.run()


def run_worker(queue: str) -> None:
    """Runs the tasks of the comma-separated queues (RQ always serves them in that order;
    the database worker takes the highest priority first) until stopped."""
    stop = threading.Event()
    start_thread("Heartbeat", record_heartbeat, HEARTBEAT_INTERVAL_SECONDS, stop)
    start_thread("Scheduled publishing", publish_due_pages, SCHEDULE_INTERVAL_SECONDS, stop)
    start_thread("Event reminders", send_event_reminders, REMINDER_INTERVAL_SECONDS, stop)
    try:
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == "django_tasks_rq.RQBackend":
            # RQ runs each job in a forked work horse: a database error fails that job and
            # the worker carries on with the next one.
            call_command("rqworker", *queue.split(","), "--job-class", "django_tasks_rq.Job")
        else:
            _run_database_worker(queue)
    finally:
        stop.set()
