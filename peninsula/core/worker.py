"""`peninsula worker`: run queued background tasks and publish scheduled pages on time.

Wagtail publishes a scheduled page only when its `publish_scheduled` command runs, so the
worker runs it every minute in a thread beside the task worker.
"""

import logging
import threading

from django.conf import settings
from django.core.management import call_command

logger = logging.getLogger(__name__)
SCHEDULE_INTERVAL_SECONDS = 60


def publish_due_pages() -> None:
    call_command("publish_scheduled", verbosity=0)


def _scheduler(stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            publish_due_pages()
        except Exception:  # keep the loop alive; the next minute tries again
            logger.exception("Publishing scheduled pages failed")
        stop.wait(SCHEDULE_INTERVAL_SECONDS)


def run_worker(queue: str = "default") -> None:
    stop = threading.Event()
    threading.Thread(target=_scheduler, args=(stop,), daemon=True, name="scheduler").start()
    try:
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == "django_tasks_rq.RQBackend":
            call_command("rqworker", queue, "--job-class", "django_tasks_rq.Job")
        else:
            call_command("db_worker", "--queue-name", queue)
    finally:
        stop.set()
