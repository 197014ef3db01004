"""One version for everything the object cache remembers about the site's content.

The site and its home page, routes, the header and footer, terms, series links, counts and
the sign-up box's lists are all remembered under keys that carry this version. Forgetting
them all is one increment (peninsula.publishing.actions does it on every publish,
unpublish, move and delete; an app does it when its own settings-like rows change), and the
old keys simply expire. One key to bump replaces a keyspace per cache, each with its own
receivers to keep in step.

A request reads the version once (CachedSiteMiddleware pins it), so the cached reads a page
makes cost no extra round trip to the cache; outside a request every read asks the cache.
"""

import secrets
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

_KEY = "peninsula:cache-version"
_pinned: ContextVar[int | None] = ContextVar("peninsula_cache_version", default=None)


def current() -> int:
    """The version every content cache key carries right now."""
    version = _pinned.get()
    if version is None:
        version = _read()
    return version


def key(*parts) -> str:
    """A cache key under the current version: key("chrome", 1, "menu")."""
    return ":".join(["peninsula", str(current()), *map(str, parts)])


def remembered(name: str, compute, timeout: int | None):
    """compute(), remembered under `name` until the version next moves (or `timeout`)."""
    name = key(name)
    value = cache.get(name)
    if value is None:
        value = compute()
        cache.set(name, value, timeout)
    return value


def forget() -> None:
    """Everything remembered under the version is out of date from now on.

    Inside a transaction the version moves again once it commits: a reader that filled a
    key in between read the rows as they were before the commit."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


@contextmanager
def pinned():
    """Read the version once for what runs inside (a request); forget() still moves it."""
    token = _pinned.set(_read())
    try:
        yield
    finally:
        _pinned.reset(token)


def _bump() -> None:
    try:
        version = cache.incr(_KEY)
    except ValueError:  # not set, or evicted: any fresh value leaves the old keys behind
        version = _fresh()
        cache.set(_KEY, version, None)
    if _pinned.get() is not None:
        _pinned.set(version)


def _read() -> int:
    version = cache.get(_KEY)
    if version is None:
        version = _fresh()
        if not cache.add(_KEY, version, None):
            version = cache.get(_KEY, version)
    return version


def _fresh() -> int:
    # Random rather than 1: a version that was evicted and started again must not meet
    # values remembered under its earlier life.
    return secrets.randbelow(2**31)
