from django.http import Http404
from django.shortcuts import render

from peninsula.publications.listing import ListingFilter
from peninsula.publications.models import PublicationPage, PublicationType


def publication_list(request, type_slug=None):
    """Every publication, or every publication of one type, with the usual filters."""
    base = PublicationPage.objects.listed()
    kind = None
    if type_slug is not None:
        kind = PublicationType.from_slug(type_slug)
        if kind is None:
            raise Http404("No such publication type.")
        base = base.filter(publication_type=kind)
    listing = ListingFilter(request.GET, base=base, hide=["type"] if kind else [])
    return render(
        request,
        "publications/publication_list.html",
        {
            "title": kind.plural if kind else "All publications",
            "kind": kind,
            "listing_types": list(PublicationType),
            "listing": listing,
            "page_obj": listing.page(request.GET.get("page")),
        },
    )
