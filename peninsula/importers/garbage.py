"""Fewer and shorter garbage collections while an import runs.

An import makes millions of short-lived objects (model instances, parsed bodies, query
rows). With Python's default thresholds the collector runs every 700 allocations, and each
full collection walks every object in the process, Django's and Wagtail's included, which
were about 10% of an import's time. For the duration of an import the objects that exist
before it are frozen (gc.freeze: left out of every collection, as the WSGI process does
once at start-up), and the youngest generation is collected less often. Afterwards both
are put back as they were: thresholds restored, and only what was frozen before stays so.
"""

import gc
from contextlib import contextmanager

# Objects allocated (less those freed) before the youngest generation is collected; the
# older generations follow as usual, every 10 collections of the one below.
IMPORT_THRESHOLD = 50_000


@contextmanager
def fewer_collections():
    """Freeze what exists and raise the first threshold; restore both on leaving, also on error."""
    thresholds = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(max(IMPORT_THRESHOLD, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        if frozen_before:
            # The process had frozen its start-up objects: freeze again what lives now, after
            # a collection, so that the import's own garbage is not kept for good.
            gc.collect()
            gc.freeze()
