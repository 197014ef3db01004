"""Property-based fuzzing of every public address and form: whatever is sent, the answer is
never a server error, and a request the site refuses leaves the database as it was.

Reproducible: the seed is fixed (printed with any failure); PENINSULA_FUZZ_SEED=N runs
another. The number of examples keeps the module near a minute per database.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from tests.hostile import strategies
from tests.hostile.fingerprint import database_fingerprint

pytestmark = pytest.mark.django_db
SEED = int(os.environ.get("PENINSULA_FUZZ_SEED", "20261205"))
FUZZ_SETTINGS = {
    "deadline": None,  # bounded by the number of examples; CI machines vary in speed
    "database": None,  # no replay of a previous run's examples: every run the same
    "suppress_health_check": list(HealthCheck),
    "phases": [Phase.explicit, Phase.generate, Phase.shrink],
}


def _refused(response) -> bool:
    """A 4xx, or a form shown again with its errors."""
    if response.status_code >= 400:
        return True
    form = response.context.get("form") if response.context else None
    return bool(form is not None and form.errors)


def test_every_route_and_form_refuses_each_class_of_hostile_value(hostile_site, client):
    """Not left to chance: each class (NUL, controls, past 64 bits, zero, negative,
    overlong, invalid UTF-8) in each path segment, query and form of every public route."""
    before = database_fingerprint()
    tried = 0
    for url in strategies.sweep_gets(hostile_site):
        assert client.get(url).status_code < 500, url
        tried += 1
    assert database_fingerprint() == before
    for path, body in strategies.sweep_posts(hostile_site):
        before = database_fingerprint()
        response = client.post(path, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, (path, body[:200])
        if _refused(response):
            assert database_fingerprint() == before, (path, body[:200])
        tried += 1
    assert tried > 500


def test_hostile_addresses_never_cause_a_server_error_or_a_write(hostile_site, client):
    """Reading a page never writes, however hostile the address."""
    print(f"hypothesis seed {SEED} (PENINSULA_FUZZ_SEED)")
    statuses = []

    @seed(SEED)
    @settings(max_examples=600, **FUZZ_SETTINGS)
    @given(request=strategies.get_request(hostile_site))
    def check(request):
        url, headers = request
        before = database_fingerprint()
        response = client.get(url, **headers)
        statuses.append(response.status_code)
        assert response.status_code < 500, url
        assert database_fingerprint() == before, url

    check()
    # The fuzz reached pages, refusals and misses alike, not just one of them.
    assert {200, 400, 404} <= set(statuses), sorted(set(statuses))


def test_hostile_form_posts_never_cause_a_server_error_and_refusals_write_nothing(
    hostile_site, client
):
    print(f"hypothesis seed {SEED} (PENINSULA_FUZZ_SEED)")
    outcomes = []

    @seed(SEED)
    @settings(max_examples=300, **FUZZ_SETTINGS)
    @given(post=strategies.form_post(hostile_site))
    def check(post):
        path, body = post
        before = database_fingerprint()
        response = client.post(path, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, (path, body[:200])
        refused = _refused(response)
        outcomes.append(refused)
        if refused:
            assert database_fingerprint() == before, (path, body[:200])

    check()
    assert True in outcomes and False in outcomes  # refusals and accepted forms both seen


def test_the_api_answers_hostile_requests_from_its_schema_without_server_errors(hostile_site):
    """Schemathesis, from the API's OpenAPI document: valid requests and deliberately
    invalid ones (wrong types, out-of-range numbers, unknown values), all read-only."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    print(f"hypothesis seed {SEED} (PENINSULA_FUZZ_SEED)")
    # Through WSGI a request would close the connection, and the test's transaction with it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
        cases = st.one_of(
            schema.as_strategy(GenerationMode.POSITIVE), schema.as_strategy(GenerationMode.NEGATIVE)
        )
        statuses = []

        @seed(SEED)
        @settings(max_examples=300, **FUZZ_SETTINGS)
        @given(case=cases)
        def check(case):
            before = database_fingerprint()
            response = case.call()
            statuses.append(response.status_code)
            assert response.status_code < 500, case.as_curl_command()
            assert database_fingerprint() == before

        check()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert 200 in statuses and {400, 422} & set(statuses)
