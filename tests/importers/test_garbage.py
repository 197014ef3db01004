"""The collector is set back as it was after an import, also when the import fails."""

import gc

import pytest

from peninsula.importers import garbage
from peninsula.importers.actions import import_file
from tests.importers.conftest import item


@pytest.fixture
def collector():
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    yield thresholds, frozen
    gc.set_threshold(*thresholds)
    if gc.get_freeze_count() and not frozen:
        gc.unfreeze()


def test_collections_deferred_inside_and_restored_after(collector):
    thresholds, _ = collector
    with garbage.fewer_collections():
        assert gc.get_threshold()[0] >= garbage.IMPORT_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == thresholds


@pytest.mark.django_db
def test_restored_when_the_import_fails(collector, monkeypatch, export):
    thresholds, frozen = collector
    seen = []

    def broken(self):
        seen.append((gc.get_threshold(), gc.get_freeze_count()))
        raise OSError("disk full")

    from peninsula.importers.loader import Loader

    monkeypatch.setattr(Loader, "_run", broken)
    with pytest.raises(OSError, match="disk full"):
        import_file(export(item(1)))
    assert seen and seen[0][0][0] >= garbage.IMPORT_THRESHOLD and seen[0][1] > 0
    assert gc.get_threshold() == thresholds
    assert bool(gc.get_freeze_count()) == bool(frozen)


def test_unfrozen_process_stays_unfrozen(collector):
    _, frozen = collector
    gc.unfreeze()  # an earlier test (importing the WSGI module) may have frozen this process
    try:
        with garbage.fewer_collections():
            pass
        assert gc.get_freeze_count() == 0
    finally:
        if frozen:
            gc.freeze()


def test_frozen_process_is_frozen_again(collector):
    """A process that froze its start-up objects (the WSGI process does) stays frozen."""
    gc.freeze()
    with garbage.fewer_collections():
        pass
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
