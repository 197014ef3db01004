"""The API's operations. Lists are paginated with limit and offset, newest first."""

from ninja import NinjaAPI, Query, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.pagination import paginate

from peninsula.people.models import PersonPage
from peninsula.publications.counts import listing_count
from peninsula.publications.filters import PublicationFilter
from peninsula.publications.listing import card_queryset, with_bylines
from peninsula.publications.models import PublicationPage, PublicationType
from peninsula.publications.models import SeriesPage as SeriesModel
from peninsula.publications.models.base import attach_classifications
from peninsula.syndication import items as feed_items
from peninsula.syndication.api import schemas, serialize
from peninsula.syndication.api.paging import LinkedPages, Listing
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


def _not_found(what, slug):
    # Raised, not returned: the paginator takes whatever the operation returns.
    return HttpError(404, f"No {what} with the slug {slug!r}.")


# The list's filters (schemas.PublicationFilters), in the order an unknown one is reported.
FILTERS = ("type", "series", "author", "theme", "region", "topic", "date_from", "date_to")


@api.get(
    "/publications/",
    response={200: list[schemas.PublicationSummary], 404: schemas.Error},
    tags=["publications"],
    summary="List publications",
)
@decorate_view(conditional)
@paginate(LinkedPages)
def list_publications(request, filters: Query[schemas.PublicationFilters]):
    data = {name: value for name, value in filters.dict().items() if value is not None}
    filterset = PublicationFilter(data, public(PublicationPage.objects.listed()), offered=FILTERS)
    for name in filterset.form.errors:  # an unknown series, author or term, in FILTERS' order
        raise _not_found(name, data[name])
    rows, counted = filterset.filtered(), filterset.filtered(counting=True)

    def present(found):
        with_bylines(found)
        attach_classifications(found)
        return [serialize.publication(request, page) for page in found]

    return Listing(
        card_queryset(rows.order_by("-date", "-pk")), present, lambda: listing_count(counted)
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


@api.get("/people/", response=list[schemas.Person], tags=["people"], summary="List people")
@decorate_view(conditional)
@paginate(LinkedPages)
def list_people(
    request,
    expert: bool | None = Query(None, description="Only people listed on the Experts page."),
):
    people = PersonPage.objects.live().public().order_by("sort_name", "title", "pk")
    if expert is not None:
        people = people.filter(is_expert=expert)
    return Listing(people, lambda found: [serialize.person(request, p) for p in found])


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


@api.get("/series/", response=list[schemas.Series], tags=["series"], summary="List series")
@decorate_view(conditional)
@paginate(LinkedPages)
def list_series(request):
    def present(rows):
        podcasts = set(
            PublicationPage.objects.listed()
            .filter(
                series_page__in=[row.pk for row in rows], publication_type=PublicationType.PODCAST
            )
            .values_list("series_page", flat=True)
            .distinct()
        )
        return [serialize.series(request, row, podcasts) for row in rows]

    found = SeriesModel.objects.live().public().order_by("sort_order", "title", "pk")
    return Listing(found, present)


def _term_list(model):
    def list_terms(request):
        terms = model.objects.order_by("sort_order", "name")
        return Listing(terms, lambda found: [serialize.term_full(request, t) for t in found])

    list_terms.__name__ = f"list_{model.publication_field}"
    return paginate(LinkedPages)(list_terms)


for _kind, _model in TAXONOMIES.items():
    api.get(
        f"/{_kind}/",
        response=list[schemas.Term],
        tags=["taxonomies"],
        summary=f"List {_kind}",
        operation_id=f"list_{_kind}",
    )(decorate_view(conditional)(_term_list(_model)))
