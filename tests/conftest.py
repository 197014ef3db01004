import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty caches: cached counts and menus never leak between tests."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
