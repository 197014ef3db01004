"""What a refused request must leave untouched: every table's row count, and the
subscribers' own rows (a refused preference change would alter them, not their number).

Image renditions are left out: a page's first view makes its images' sizes, a cache the
site writes on reading, whoever asks."""

import hashlib

from django.apps import apps
from django.db import connection


def _tables() -> list[str]:
    from wagtail.images.models import AbstractRendition

    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if issubclass(model, AbstractRendition):
            continue
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    return sorted(tables & set(connection.introspection.table_names()))


def database_fingerprint() -> tuple:
    """({table: row count}, digest of subscriber state), in two queries."""
    from peninsula.newsletters.models import Subscriber

    quote = connection.ops.quote_name
    tables = _tables()
    sql = " UNION ALL ".join(
        f"SELECT {index}, COUNT(*) FROM {quote(table)}" for index, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        counts = {tables[index]: count for index, count in cursor.fetchall()}
    rows = Subscriber.objects.order_by("pk").values_list(
        "pk", "status", "frequency", "name", "organisation", "key", "lists", "themes", "series"
    )
    return counts, hashlib.sha256(repr(list(rows)).encode()).hexdigest()
