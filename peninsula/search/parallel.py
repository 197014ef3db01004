"""A rebuild's reading and analysing in worker processes, its writing in this one.

Loading pages, extracting their text and analysing it is most of a rebuild's work and
only reads the database, so with more than one core it runs in a pool of processes while
this process writes the index batch by batch, in order. Only where that is safe: outside
a transaction (workers see committed pages only) and on a database another process can
open (not SQLite in memory, as in the test suite's default).

Workers are forked when this process runs a single thread (the `search reindex` command,
a task worker): they start at once with Django ready. Otherwise they are started fresh
("spawn"), since a fork copies whatever other threads hold at that moment (a test's live
server and browser, their database connections), and a copied lock or socket can hang or
garble the child; a fresh worker sets Django up itself, a second or two.
"""

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings
from django.db import connection, connections

AHEAD = 2  # batches waiting per worker beyond the one in progress: bounds memory


def worker_count(wanted: int | None = None) -> int:
    """Worker processes a rebuild would use here: `wanted`, else the setting
    PENINSULA_SEARCH_WORKERS, else one per core up to four; 0 means none (all in this
    process), as it must be inside a transaction or on an in-memory SQLite database."""
    if wanted is None:
        wanted = getattr(settings, "PENINSULA_SEARCH_WORKERS", None)
    if wanted is None:
        cores = os.cpu_count() or 1
        wanted = min(cores, 4) if cores > 1 else 0
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if connection.in_atomic_block or in_memory:
        return 0
    return max(0, wanted)


# Where this process's database is: a test run, for one, renames it after settings load.
_DATABASE_KEYS = ("ENGINE", "NAME", "HOST", "PORT", "USER", "PASSWORD")


def _pool(workers: int) -> ProcessPoolExecutor:
    if threading.active_count() == 1:
        # Forked workers must not share this process's database connection: close it
        # here (it reopens on next use) so each worker opens its own.
        connections.close_all()
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    where = {key: connection.settings_dict.get(key) for key in _DATABASE_KEYS}
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(where,),
    )


def _start_worker(where: dict):
    import django

    django.setup()
    connections["default"].settings_dict.update(where)


def prepare_pages(page_ids: list[int]):
    """(analyzed entries of the live, public pages among these ids, ids to remove)."""
    from peninsula.search.indexing import prepare
    from peninsula.search.loaders import page_entries

    entries, gone = page_entries(page_ids)
    return prepare(entries), gone


def prepared_pages(chunks: list[list[int]], workers: int = 0) -> Iterator[tuple[list, list[int]]]:
    """prepare_pages() of each chunk of page ids, in order: in `workers` processes when
    there are several chunks, else here.

    With workers, the first chunks are handed to them on this call, not on the first
    result asked for: the caller can do other work meanwhile (an import's indexing task
    fills the admin search and reference indexes while the site search is prepared). Read
    the iterator to its end: that is when the workers are stopped."""
    if len(chunks) < 2 or workers < 1:
        return (prepare_pages(chunk) for chunk in chunks)
    pool = _pool(workers)
    waiting = iter(chunks)
    pending = deque(
        pool.submit(prepare_pages, chunk)
        for _, chunk in zip(range(workers * (1 + AHEAD)), waiting, strict=False)
    )
    return _in_order(pool, pending, waiting)


def _in_order(pool, pending: deque, waiting: Iterator) -> Iterator[tuple[list, list[int]]]:
    try:
        while pending:
            result = pending.popleft().result()
            following = next(waiting, None)
            if following is not None:
                pending.append(pool.submit(prepare_pages, following))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
