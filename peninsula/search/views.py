"""The results page and the suggestions the header box shows as a reader types."""

import re

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from peninsula.caching.headers import make_public
from peninsula.search.engine import FACET_FILTERS, ROW_FILTERS, clean_filters, search
from peninsula.search.facets import facet_groups
from peninsula.search.query import quoted
from peninsula.search.snippets import highlight, mark_all, snippet_source, surface_word

PAGE_SIZE = 10
SUGGESTIONS = 8


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@require_GET
def results(request):
    params = request.GET
    filters = clean_filters({name: params.get(name) for name in (*ROW_FILTERS, *FACET_FILTERS)})
    sort = "date" if params.get("sort") == "date" else "relevance"
    found = search(
        params.get("q", ""),
        filters=filters,
        sort=sort,
        page=_page_number(params.get("page")),
        page_size=PAGE_SIZE,
    )
    for hit in found.hits:
        hit.snippet = highlight(snippet_source(hit), found.query, found.corrections)
        hit.title_html = mark_all(hit.title, found.query, found.corrections)
    corrected = found.query.text
    texts = [text for hit in found.hits[:3] for text in (hit.title, snippet_source(hit))]
    for typed, term in found.corrections.items():
        corrected = re.sub(re.escape(typed), surface_word(term, texts), corrected, flags=re.I)
    context = {
        "query": found.query.text,
        "quoted_query": quoted(found.query.text),
        "results": found,
        "facets": facet_groups(found.facets, params, filters),
        "filters": filters,
        "sort": sort,
        "corrected_query": corrected if found.corrections else "",
        "first_number": (found.page - 1) * found.page_size + 1,
    }
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def suggest(request):
    """JSON for the header box: the best few matches for what has been typed so far."""
    found = search(
        request.GET.get("q", ""),
        page_size=SUGGESTIONS,
        facets=False,
        prefix_last=True,
        correct=False,
    )
    payload = {
        "query": found.query.text,
        "total": found.total,
        "suggestions": [
            {"title": hit.title, "url": hit.url, "kind": hit.kind, "meta": hit.meta}
            for hit in found.hits
            if hit.url
        ],
    }
    response = JsonResponse(payload)
    response["X-Robots-Tag"] = "noindex"
    make_public(response, request)  # a query string: shared caches keep it a minute at most
    return response
