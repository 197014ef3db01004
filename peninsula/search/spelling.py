"""'Did you mean': the closest indexed term to one the index has never seen."""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from peninsula.search.models import SearchTerm

MAX_CANDIDATES = 50_000
TOP = "\U0010ffff"


def allowed_distance(term: str) -> int:
    return 0 if len(term) < 5 else 1 if len(term) < 9 else 2


def correct(term: str) -> str | None:
    """The indexed term within one or two edits (a swap counts as one) of `term`, the most
    common when several are as close; None when nothing is close enough."""
    distance = allowed_distance(term)
    if not distance:
        return None
    # Misspellings rarely get the first letter wrong: look only under it.
    candidates = dict(
        SearchTerm.objects.filter(text__gte=term[0], text__lt=term[0] + TOP, documents__gt=0)
        .order_by("-documents", "text")  # ties broken the same way on every database
        .values_list("text", "documents")[:MAX_CANDIDATES]
    )
    close = [
        (found, score)
        for found, score, _ in process.extract(
            term, list(candidates), scorer=OSA.distance, score_cutoff=distance, limit=20
        )
        if abs(len(found) - len(term)) <= distance
    ]
    if not close:
        return None
    return min(close, key=lambda pair: (pair[1], -candidates[pair[0]], pair[0]))[0]
