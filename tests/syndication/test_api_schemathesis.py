"""Schemathesis drives the API from its own OpenAPI document: no server errors, and every
documented response matches its schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

EXAMPLES_PER_OPERATION = 30


@pytest.fixture
def keep_connection():
    """Requests through WSGI would close the database connection when they finish, and with
    it the test's transaction (PostgreSQL); Django's own test client holds these off too."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_api_answers_generated_requests_without_server_errors(content, keep_connection):
    from django.core.handlers.wsgi import WSGIHandler

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 8
    calls = []

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call()
            calls.append(response.status_code)
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )

        check()
    assert 200 in calls and len(calls) >= 8 * 10
