"""Health endpoints for load balancers, orchestrators and uptime monitors.

`/health/` (liveness) answers "ok" while the process can answer at all: it reads neither the
database nor the cache, so an outage there never gets healthy web processes restarted.
`/health/ready/` (readiness) says whether this process can serve pages: the database and
the cache both answer. Neither says more than "ok" or "fail" about a service: no host
names, no error text, which go to the log instead.
"""

import json
import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)


def _never_cached(response: HttpResponse) -> HttpResponse:
    # A cached "ok" would hide an outage from the next probe.
    response["Cache-Control"] = "no-store"
    return response


def liveness(request) -> HttpResponse:
    return _never_cached(HttpResponse("ok", content_type="text/plain; charset=utf-8"))


def readiness(request) -> HttpResponse:
    checks = {"database": _database(), "cache": _cache()}
    healthy = all(state == "ok" for state in checks.values())
    body = {"status": "ok" if healthy else "fail", "checks": checks}
    return _never_cached(
        HttpResponse(
            json.dumps(body), content_type="application/json", status=200 if healthy else 503
        )
    )


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.warning("Readiness: the database does not answer", exc_info=True)
        return "fail"
    return "ok"


def _cache() -> str:
    # A value of our own, read back: a cache that accepts writes but loses them fails too.
    key, value = f"peninsula:ready:{get_random_string(12)}", get_random_string(12)
    try:
        cache.set(key, value, 10)
        answered = cache.get(key)
        cache.delete(key)
    except Exception:
        logger.warning("Readiness: the cache does not answer", exc_info=True)
        return "fail"
    if answered != value:
        logger.warning("Readiness: the cache did not keep a value it was given")
        return "fail"
    return "ok"
