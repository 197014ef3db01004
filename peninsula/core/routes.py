"""URL path → page id and type, remembered, so routing a request costs one query.

Finding a page by its URL path and then loading its specific row is two queries; with the
id and type remembered, the specific row is loaded straight away. What is remembered is
only a hint: the loaded page must still be live at that URL path, or the caller looks it
up afresh, so a page moved, unpublished or deleted in another process (whose cache this
process cannot see) is never served from a stale entry.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from peninsula.core.privacy import with_restriction_flag

_TIMEOUT = 3600
_ID = object()  # stands for the page id in _load_sql's parameters


def _key(url_path: str) -> str:
    return f"peninsula:route:{url_path}"[:250]


def remember(page) -> None:
    if page.live:
        cache.set(_key(page.url_path), (page.pk, page.content_type_id), _TIMEOUT)


def cached_page(url_path: str):
    """The live specific page at `url_path` if this process remembers it and it is still
    there; None otherwise (look it up, then remember() it)."""
    hint = cache.get(_key(url_path))
    if hint is None:
        return None
    pk, content_type_id = hint
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = None
    if model is not None:
        sql, params = _load_sql(model)
        bound = [pk if param is _ID else param for param in params]
        page = next(iter(model.objects.raw(sql, bound)), None)
    if page is None or not page.live or page.url_path != url_path:
        cache.delete(_key(url_path))
        return None
    return page


@functools.cache
def _load_sql(model) -> tuple[str, list]:
    """The SELECT that loads one `model` page by id, with the 'any private page?' flag,
    exactly as the ORM writes it, and its parameters with `_ID` where the id goes.

    Written once per model and process: the ORM building this query over a page's three
    joined tables, on every request, took as long as the database took to answer it."""
    placeholder = -918_273_645  # an id no page has, to find its place among the parameters
    queryset = with_restriction_flag(model.objects.filter(pk=placeholder))
    # Model.objects.raw() fills the model's own columns and sets any other column as an
    # attribute: joined rows or extra annotations from a custom manager would be misloaded.
    query = queryset.query
    if query.select_related or query.extra or set(query.annotations) != {"any_view_restriction"}:
        raise AssertionError(f"{model.__name__}'s default manager adds joins or annotations")
    sql, params = query.sql_with_params()
    if list(params).count(placeholder) != 1:  # the query's shape changed: fail, not misload
        raise AssertionError(f"expected the id once in the parameters of {sql!r}: {params!r}")
    return sql, [_ID if param == placeholder else param for param in params]
