"""Theme, region and topic pages: what an editor chose for the term, and its publications;
and each taxonomy's index with its counts.

The terms (models, cached lists) are peninsula.taxonomy's, the bottom of the content apps;
their pages show publications and people, so they live here, above both, beside the other
pages editors arrange (home/curation.py, home/blocks.py)."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import render

from peninsula.home import curation
from peninsula.home.models import TERM_PAGE_CONTENT
from peninsula.publications.counts import remembered_until_change
from peninsula.publications.listing import ListingFilter
from peninsula.publications.models import PublicationPage
from peninsula.taxonomy.terms import all_terms, term_by_slug


def term_index(request, model):
    """All themes (or regions, or topics) with how many live publications each has.

    The counts group the whole archive (a tenth of a second at 100,000 publications), so
    they are remembered until the archive changes."""
    counts = remembered_until_change(f"terms:{model._meta.label_lower}", lambda: live_counts(model))
    terms = all_terms(model)
    for term in terms:
        term.live_count = counts.get(term.pk, 0)
    return render(
        request,
        "home/term_index.html",
        {"terms": terms, "title": model._meta.verbose_name_plural.capitalize()},
    )


def live_counts(model) -> dict[int, int]:
    """{term id: number of live publications}, for terms that have any."""
    through = getattr(PublicationPage, model.publication_field).through
    term_column = f"{model._meta.model_name}_id"
    rows = (
        through.objects.filter(publicationpage__is_live=True)
        .values_list(term_column)
        .annotate(count=Count("pk"))
        .order_by()
    )
    return dict(rows)


def top_author_ids(term, limit=4) -> list[int]:
    """The people with the most live publications on this term, most first: the term page's
    experts when the editor has chosen none. Remembered until the archive changes."""
    from peninsula.publications.models import PublicationAuthor

    def compute():
        filter_name = f"page__{term.publication_field}"
        rows = (
            PublicationAuthor.objects.filter(**{filter_name: term, "page__is_live": True})
            .filter(person__live=True, person__is_expert=True)
            .values("person_id")
            .annotate(count=Count("pk"))
            .order_by("-count", "person_id")[:limit]
        )
        return [row["person_id"] for row in rows]

    return remembered_until_change(f"term-experts:{term._meta.label_lower}:{term.pk}", compute)


def term_detail(request, model, slug):
    """A theme's (region's, topic's) landing page: its introduction, what an editor chose for
    it (publications, experts, blocks: its page content, home.models.ThemePageContent and
    siblings), and its publications.

    The term comes from the cached list the filter bar reads too, so reading its page content
    is the one query the term itself used to cost."""
    term = term_by_slug(model, slug)
    if term is None:
        raise Http404(f"No {model._meta.verbose_name} {slug!r}")
    content = TERM_PAGE_CONTENT[model._meta.model_name].objects.filter(term=term).first()
    featured = curation.publication_cards(
        curation.chosen_ids(content.featured_publications) if content else []
    )
    expert_ids = (curation.chosen_ids(content.experts) if content else []) or top_author_ids(term)
    listing = ListingFilter(
        request.GET,
        base=PublicationPage.objects.listed(),
        terms=[term],
        hide=[model.publication_field[:-1]],
    )
    return render(
        request,
        "home/term_detail.html",
        {
            "term": term,
            "body": content.body if content else None,
            "featured": featured,
            "experts": curation.people(expert_ids),
            "kind_label": model._meta.verbose_name.capitalize(),
            "listing": listing,
            "page_obj": listing.page(request.GET.get("page")),
        },
    )
