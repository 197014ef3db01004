"""Writes what a source reads into Peninsula: people, taxonomy, series, media, pages, redirects.

One `Loader` per run, put together from one part per kind of thing it loads:

    run.py        the run itself: its stages in order, what it remembers (ImportedItem), indexing
    media.py      attachments into the image and document libraries
    pages.py      posts into publications, pages into standard pages, with their revisions
    people.py     authors and co-authors into person pages
    terms.py      categories and tags into themes, regions and topics
    series.py     the series a publication goes under
    redirects.py  the old addresses, pointed at the new pages and files

The loader does not commit: `actions.import_file` runs it inside one transaction, so a run
either completes or leaves nothing behind. Each source item is recorded in ImportedItem
with a checksum, so a re-run updates what changed, skips what did not and adds what is new.
"""

from peninsula.importers.loader.run import Loader, ProgressCallback

__all__ = ["Loader", "ProgressCallback"]
