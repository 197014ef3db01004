"""Runs beside every `peninsula worker`: starts due campaigns, revives stalled ones and
sends weekly digests. Each worker runs one; they agree through conditional updates."""

import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections

logger = logging.getLogger(__name__)


def sweep_once() -> dict:
    from peninsula.newsletters.campaigns import recover_stalled

    return recover_stalled()


def _loop(stop: threading.Event) -> None:
    from peninsula.newsletters.digests import send_due_digests

    last_digest = 0.0
    while not stop.is_set():
        try:
            sweep_once()
            if time.monotonic() - last_digest > settings.PENINSULA_NEWSLETTER_DIGEST_SWEEP_SECONDS:
                send_due_digests("weekly")
                last_digest = time.monotonic()
        except DatabaseError as error:  # a locked or unreachable database: passing trouble
            from peninsula.core.worker import describe

            logger.warning("Newsletter sweep: database unavailable (%s)", describe(error))
        except Exception:  # keep sweeping; the next round tries again
            logger.exception("Newsletter sweep failed")
        finally:
            close_old_connections()
        stop.wait(settings.PENINSULA_NEWSLETTER_SWEEP_SECONDS)


def start_sweeper() -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop,), daemon=True, name="newsletter-sweeper").start()
    return stop
