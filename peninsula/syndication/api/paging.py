"""The lists' paging, through django-ninja's pagination: `limit` and `offset` in, and
`{count, next, previous, results}` out (docs/syndication.md).

A list operation is decorated with `@paginate(LinkedPages)`, declares `response=list[Item]`
and returns a Listing; ninja validates the query, documents it and the paged answer in the
OpenAPI document, and hands the Listing to LinkedPages to cut. A Listing, not a queryset,
because a page of publications is turned into answers together (bylines and
classifications loaded for the page in a few queries) and its count is the remembered
listing count, not a COUNT of its own.
"""

from collections.abc import Callable
from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

MAX_OFFSET = 10_000  # deeper than this, narrow by date instead
PAGE_SIZE = 20


class Listing:
    """`rows` (a queryset, in order) to be paged; `present(rows)` turns one page's rows into
    its results; `count()` counts them all (the queryset's count by default)."""

    def __init__(self, rows, present: Callable[[list], list], count: Callable[[], int] = None):
        self.rows, self.present = rows, present
        self.count = count or rows.count

    def page(self, offset: int, limit: int) -> list:
        return self.present(list(self.rows[offset : offset + limit]))


class LinkedPages(PaginationBase):
    """Limit and offset, as ninja's LimitOffsetPagination, with links to the next and
    previous pages (absolute, keeping the request's other parameters), and no next page
    beyond MAX_OFFSET."""

    class Input(Schema):
        limit: int = Field(PAGE_SIZE, ge=1, le=100, description="Results per page (at most 100).")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Results to skip.")

    class Output(Schema):
        count: int
        next: str | None
        previous: str | None
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(self, queryset: Listing, pagination: Input, request, **params) -> dict:
        limit, offset = pagination.limit, pagination.offset

        def link(to: int) -> str:
            query = request.GET.copy()
            query["offset"], query["limit"] = to, limit
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        count = queryset.count()
        more = offset + limit < count and offset + limit <= MAX_OFFSET
        return {
            "count": count,
            "next": link(offset + limit) if more else None,
            "previous": link(max(offset - limit, 0)) if offset else None,
            "results": queryset.page(offset, limit),
        }
