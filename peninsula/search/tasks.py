"""Background indexing for bulk work: a renamed author, series or theme touches every
publication that carries it, so those are re-indexed off the request. Ids as arguments, so
a long list can be split over several tasks (and several workers)."""

from django_tasks import task

from peninsula.search import actions


@task()
def index_pages_task(page_ids: list[int]):
    actions.index_pages(page_ids)
