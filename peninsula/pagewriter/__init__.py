"""Pages written in bulk, as real Wagtail pages: the one way the importer and the generator
(bench/generate.py) write many pages at once.

    writer.py             PageWriter: new pages (any page model) and their rows, in batches
    indexes.py            the admin search and reference index for many objects at once
    rows.py               COPY on PostgreSQL, executemany elsewhere; ids reserved up front
    wagtail_internals.py  every private Wagtail/treebeard/modelcluster/modelsearch API used
"""

from peninsula.pagewriter.writer import PageWriter

__all__ = ["PageWriter"]
