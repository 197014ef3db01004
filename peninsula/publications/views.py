from django.http import Http404
from django.shortcuts import render

from peninsula.publications.events import event_listing
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
    hide = ["type"] if kind else []
    if kind == PublicationType.EVENT:
        hide.append("order")  # events come by when they happen (publications/events.py)
    listing = ListingFilter(request.GET, base=base, hide=hide)
    chosen = listing.chosen()
    if "type" in chosen:  # ?type=commentary on /publications/ reads as the Commentary page
        kind = PublicationType.from_slug(listing.cleaned_data["type"])
    context = {
        "title": listing_title(kind, chosen),
        "kind": kind,
        "listing_types": list(PublicationType),
        "listing": listing,
    }
    if kind == PublicationType.EVENT:
        context["events"] = event_listing(listing.filtered(), request.GET.get("page"))
    else:
        context["page_obj"] = listing.page(request.GET.get("page"))
    return render(request, "publications/publication_list.html", context)


def listing_title(kind, chosen: dict[str, str]) -> str:
    """'All publications', 'Commentary', or 'Commentary: Security, North Korea, 2024'."""
    qualifiers = [label for name, label in chosen.items() if name != "type"]
    if kind:
        return f"{kind.plural}: {', '.join(qualifiers)}" if qualifiers else kind.plural
    return f"Publications: {', '.join(qualifiers)}" if qualifiers else "All publications"
