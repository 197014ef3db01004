from django_tasks import task

from peninsula.importers import actions
from peninsula.importers.models import ImportRun


@task()
def run_import(run_id: int) -> str:
    """Carry out an import queued from the admin; the run records its report or error."""
    run = ImportRun.objects.get(pk=run_id)
    return actions.run_import(run).status


@task()
def index_imported(objects: dict[str, list[int]]) -> int:
    """Index what an import created or changed, for search and the reference index."""
    from peninsula.importers.indexing import index_objects

    index_objects(objects)
    return sum(len(ids) for ids in objects.values())
