from peninsula.search.counts import published_count


def total_index(request):
    """ "Total Index: N publications", which the base template shows on every page."""
    return {"published_count": published_count()}
