"""The API's operations. Lists are paginated with limit and offset, newest first."""

from ninja import NinjaAPI, Query, Status
from ninja.decorators import decorate_view

from peninsula.people.models import PersonPage
from peninsula.publications.counts import listing_count
from peninsula.publications.filters import PublicationFilter
from peninsula.publications.listing import card_queryset, with_bylines
from peninsula.publications.models import PublicationPage, PublicationType
from peninsula.publications.models import SeriesPage as SeriesModel
from peninsula.publications.models.base import attach_classifications
from peninsula.syndication import items as feed_items
from peninsula.syndication.api import schemas, serialize
from peninsula.syndication.http import conditional
from peninsula.syndication.scopes import public
from peninsula.taxonomy.models import TAXONOMIES

api = NinjaAPI(
    title="Peninsula API",
    version="1",
    description="Read-only access to an institute's publications, people, series and "
    "taxonomies. Lists are newest first and paginated with `limit` and `offset`.",
    urls_namespace="api",
)

MAX_OFFSET = 10_000  # deeper than this, narrow by date instead


class Paging:
    def __init__(self, request, limit, offset):
        self.request, self.limit, self.offset = request, limit, offset

    def wrap(self, count, results):
        def link(offset):
            query = self.request.GET.copy()
            query["offset"], query["limit"] = offset, self.limit
            return self.request.build_absolute_uri(f"{self.request.path}?{query.urlencode()}")

        more = self.offset + self.limit < count and self.offset + self.limit <= MAX_OFFSET
        return {
            "count": count,
            "next": link(self.offset + self.limit) if more else None,
            "previous": link(max(self.offset - self.limit, 0)) if self.offset else None,
            "results": results,
        }


def paging(request, limit, offset):
    return Paging(request, limit, offset)


Limit = Query(20, ge=1, le=100, description="Results per page (at most 100).")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="Results to skip.")


def _not_found(what, slug):
    return Status(404, {"detail": f"No {what} with the slug {slug!r}."})


# The list's filters (schemas.PublicationFilters), in the order an unknown one is reported.
FILTERS = ("type", "series", "author", "theme", "region", "topic", "date_from", "date_to")


@api.get(
    "/publications/",
    response={200: schemas.PublicationPage, 404: schemas.Error},
    tags=["publications"],
    summary="List publications",
)
@decorate_view(conditional)
def list_publications(
    request, filters: Query[schemas.PublicationFilters], limit: int = Limit, offset: int = Offset
):
    data = {name: value for name, value in filters.dict().items() if value is not None}
    filterset = PublicationFilter(data, public(PublicationPage.objects.listed()), offered=FILTERS)
    for name in filterset.form.errors:  # an unknown series, author or term, in FILTERS' order
        return _not_found(name, data[name])
    rows, counted = filterset.filtered(), filterset.filtered(counting=True)
    pages = paging(request, limit, offset)
    found = with_bylines(
        list(card_queryset(rows.order_by("-date", "-pk"))[offset : offset + limit])
    )
    attach_classifications(found)
    return pages.wrap(
        listing_count(counted), [serialize.publication(request, page) for page in found]
    )


@api.get(
    "/publications/{int:publication_id}/",
    response={200: schemas.PublicationDetail, 404: schemas.Error},
    tags=["publications"],
    summary="One publication, with the fields of its type",
)
@decorate_view(conditional)
def get_publication(request, publication_id: schemas.PageId):
    page = card_queryset(public(PublicationPage.objects.listed()).filter(pk=publication_id)).first()
    if page is None:
        return Status(404, {"detail": "No such publication."})
    specific = page.specific
    with_bylines([specific])
    attach_classifications([specific])
    feed_items.attach_media([specific])
    return serialize.publication_detail(request, specific)


@api.get("/people/", response=schemas.PersonPage, tags=["people"], summary="List people")
@decorate_view(conditional)
def list_people(
    request,
    expert: bool | None = Query(None, description="Only people listed on the Experts page."),
    limit: int = Limit,
    offset: int = Offset,
):
    people = PersonPage.objects.live().public().order_by("sort_name", "title", "pk")
    if expert is not None:
        people = people.filter(is_expert=expert)
    results = [serialize.person(request, p) for p in people[offset : offset + limit]]
    return paging(request, limit, offset).wrap(people.count(), results)


@api.get(
    "/people/{int:person_id}/",
    response={200: schemas.Person, 404: schemas.Error},
    tags=["people"],
    summary="One person",
)
@decorate_view(conditional)
def get_person(request, person_id: schemas.PageId):
    person = PersonPage.objects.live().public().filter(pk=person_id).first()
    if person is None:
        return Status(404, {"detail": "No such person."})
    return serialize.person(request, person)


@api.get("/series/", response=schemas.SeriesPage, tags=["series"], summary="List series")
@decorate_view(conditional)
def list_series(request, limit: int = Limit, offset: int = Offset):
    found = SeriesModel.objects.live().public().order_by("sort_order", "title", "pk")
    rows = list(found[offset : offset + limit])
    podcasts = set(
        PublicationPage.objects.listed()
        .filter(series_page__in=[row.pk for row in rows], publication_type=PublicationType.PODCAST)
        .values_list("series_page", flat=True)
        .distinct()
    )
    results = [serialize.series(request, row, podcasts) for row in rows]
    return paging(request, limit, offset).wrap(found.count(), results)


def _term_list(model):
    def list_terms(request, limit: int = Limit, offset: int = Offset):
        terms = model.objects.order_by("sort_order", "name")
        results = [serialize.term_full(request, t) for t in terms[offset : offset + limit]]
        return paging(request, limit, offset).wrap(terms.count(), results)

    list_terms.__name__ = f"list_{model.publication_field}"
    return list_terms


for _kind, _model in TAXONOMIES.items():
    api.get(
        f"/{_kind}/",
        response=schemas.TermPage,
        tags=["taxonomies"],
        summary=f"List {_kind}",
        operation_id=f"list_{_kind}",
    )(decorate_view(conditional)(_term_list(_model)))
