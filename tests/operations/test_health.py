"""/health/ (liveness) and /health/ready/ (readiness)."""

import json
from unittest import mock

import pytest
from django.db import DatabaseError


def test_liveness_answers_ok_without_the_database_or_the_cache(client):
    """No django_db mark: pytest-django refuses any database access in this test."""
    with mock.patch("django.core.cache.cache.get", side_effect=AssertionError("cache read")):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.django_db
def test_probes_by_ip_address_are_answered(client, settings):
    """A load balancer probes by address, which ALLOWED_HOSTS does not list."""
    settings.ALLOWED_HOSTS = ["www.example.org"]
    assert client.get("/health/", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


@pytest.mark.django_db
def test_readiness_reports_database_and_cache(client):
    response = client.get("/health/ready/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }


@pytest.mark.django_db
def test_readiness_fails_when_the_database_does_not_answer(client):
    secret = "password=hunter2 host=db.internal"
    with mock.patch(
        "peninsula.operations.views.connection.cursor", side_effect=DatabaseError(secret)
    ):
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == {
        "status": "fail",
        "checks": {"database": "fail", "cache": "ok"},
    }
    assert b"hunter2" not in response.content


@pytest.mark.django_db
def test_readiness_fails_when_the_cache_does_not_answer(client):
    with mock.patch(
        "peninsula.operations.views.cache.set", side_effect=ConnectionError("redis down")
    ):
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {"database": "ok", "cache": "fail"}


@pytest.mark.django_db
def test_readiness_fails_when_the_cache_loses_what_it_is_given(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"] == "fail"


@pytest.mark.django_db
def test_only_get_and_head_are_answered_by_the_probe(client):
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code != 200
