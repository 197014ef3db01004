"""The `search reindex` command's worker processes: they read and analyze pages while the
command writes the index batch by batch, in order.

Loading pages, extracting their text and analyzing it is most of a rebuild's work and only
reads the database, so with more than one core it runs in a pool of processes. Only the
command uses this module. It runs a single thread, so its workers are forked: they start at
once with Django ready, and a fork copies no lock or socket another thread was holding
(which can hang or garble the child). Everything else that indexes (publishing, signal
handlers, tasks, the importer's indexing) does so in its own process, or queues
`search.tasks.index_pages_task` with page ids for the task workers to share.

Workers are only possible outside a transaction (they see committed pages only) and on a
database another process can open (not SQLite in memory, as in the test suite's default).
"""

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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


def in_workers(workers: int) -> Callable[[list[list[int]]], Iterator[tuple[list, list[int]]]]:
    """A function taking chunks of page ids to search.actions.analyze_pages() of each, in
    order, computed by `workers` forked processes (for actions.reindex_all). Raises
    RuntimeError when this process runs other threads: fork only from a single-threaded
    command."""

    def analyzed(chunks: list[list[int]]) -> Iterator[tuple[list, list[int]]]:
        if threading.active_count() > 1:
            raise RuntimeError(
                "Search worker processes are forked, which is only safe from a process that "
                "runs a single thread (the `search reindex` command); index in this process "
                "or queue search.tasks.index_pages_task instead."
            )
        # Forked workers must not share this process's database connection: close it
        # here (it reopens on next use) so each worker opens its own.
        connections.close_all()
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        waiting = iter(chunks)
        pending = deque(
            pool.submit(_analyze_pages, chunk)
            for _, chunk in zip(range(workers * (1 + AHEAD)), waiting, strict=False)
        )
        return _in_order(pool, pending, waiting)

    return analyzed


def _analyze_pages(page_ids: list[int]):
    from peninsula.search.actions import analyze_pages

    return analyze_pages(page_ids)


def _in_order(pool, pending: deque, waiting: Iterable) -> Iterator[tuple[list, list[int]]]:
    try:
        while pending:
            result = pending.popleft().result()
            following = next(waiting, None)
            if following is not None:
                pending.append(pool.submit(_analyze_pages, following))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
