from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from peninsula.publications.listing import ListingFilter
from peninsula.publications.models import PublicationPage


def term_index(request, model):
    """All themes (or regions, or topics) with how many live publications each has."""
    terms = model.objects.annotate(
        live_count=Count("publications", filter=Q(publications__is_live=True))
    ).order_by("sort_order", "name")
    return render(
        request,
        "taxonomy/term_index.html",
        {"terms": terms, "title": model._meta.verbose_name_plural.capitalize()},
    )


def term_detail(request, model, slug):
    """A theme's (region's, topic's) landing page: its description and its publications."""
    term = get_object_or_404(model, slug=slug)
    listing = ListingFilter(
        request.GET,
        base=PublicationPage.objects.listed(),
        terms=[term],
        hide=[model.publication_field[:-1]],
    )
    return render(
        request,
        "taxonomy/term_detail.html",
        {
            "term": term,
            "kind_label": model._meta.verbose_name.capitalize(),
            "listing": listing,
            "page_obj": listing.page(request.GET.get("page")),
        },
    )
