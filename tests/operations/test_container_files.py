"""The container files stay in step with the documented, tested configuration.

No container engine runs where the suite runs, so the image is never built here: these
tests read deploy/container/ and compare it with docs/deployment.md and the `peninsula`
command itself. The production smoke test (tests/production/) is what proves the
configuration they describe.
"""

import re
import shlex
from pathlib import Path

import pytest
import yaml

from peninsula import cli

ROOT = Path(__file__).resolve().parents[2]
CONTAINER = ROOT / "deploy" / "container"
PENINSULA_SERVICES = ("migrate", "web", "worker")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((CONTAINER / "compose.yaml").read_text())


@pytest.fixture(scope="module")
def containerfile():
    return (CONTAINER / "Containerfile").read_text()


def documented_variables() -> set[str]:
    """Every variable named in the first column of docs/deployment.md's settings table."""
    names = set()
    for line in (ROOT / "docs" / "deployment.md").read_text().splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    return names


def parse(command: list[str]):
    assert command[0] == "peninsula"
    return cli.build_parser().parse_args(command[1:])


def test_the_table_is_found():
    assert {"SECRET_KEY", "DATABASE_URL", "EMAIL_URL", "PENINSULA_BASE_URL"} <= (
        documented_variables()
    )


@pytest.mark.parametrize("service", PENINSULA_SERVICES)
def test_every_variable_set_for_peninsula_is_documented(compose, service):
    environment = compose["services"][service]["environment"]
    undocumented = set(environment) - documented_variables() - {"DJANGO_SETTINGS_MODULE"}
    assert not undocumented, f"not in docs/deployment.md's table: {sorted(undocumented)}"
    assert environment["DJANGO_SETTINGS_MODULE"] == "peninsula.settings.production"


def test_web_and_worker_share_one_configuration(compose):
    services = compose["services"]
    assert services["web"]["environment"] == services["worker"]["environment"]
    assert services["web"]["volumes"] == services["worker"]["volumes"]


def test_production_services_use_postgresql_and_redis(compose):
    environment = compose["services"]["web"]["environment"]
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["DATABASE_URL"].endswith("@db:5432/peninsula")
    assert environment["REDIS_URL"] == "redis://redis:6379/0"
    assert compose["services"]["db"]["image"].endswith("postgres:15")
    assert "redis" in compose["services"]["redis"]["image"]


def test_web_runs_the_documented_server_without_a_worker(compose):
    options = parse(compose["services"]["web"]["command"])
    assert options.func is cli.serve
    assert options.worker is False  # the worker is its own service
    assert options.host == "0.0.0.0"
    assert compose["services"]["web"]["ports"] == [f"127.0.0.1:{options.port}:{options.port}"]


def test_worker_runs_the_documented_worker(compose):
    assert parse(compose["services"]["worker"]["command"]).func is cli.worker


def test_migrations_run_before_web_and_worker(compose):
    migrate = parse(compose["services"]["migrate"]["command"])
    assert migrate.func is cli.manage and migrate.rest[0] == "migrate"
    for service in ("web", "worker"):
        assert compose["services"][service]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_documented_commands_are_the_ones_compose_runs(compose):
    docs = (ROOT / "docs" / "deployment.md").read_text()
    assert "peninsula manage migrate" in docs
    assert "peninsula worker" in docs
    assert "`peninsula serve --no-worker`" in docs


def test_health_check_uses_the_readiness_endpoint(compose):
    probe = " ".join(compose["services"]["web"]["healthcheck"]["test"])
    assert "http://127.0.0.1:8000/health/ready/" in probe


def test_containerfile_builds_the_production_image(containerfile, compose):
    assert re.search(r"^FROM python:3\.11-slim", containerfile, re.MULTILINE)
    assert "DJANGO_SETTINGS_MODULE=peninsula.settings.production" in containerfile
    assert re.search(r"^RUN .*peninsula manage collectstatic", containerfile, re.MULTILINE)
    users = re.findall(r"^USER (\S+)", containerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert "postgresql-client" in containerfile  # pg_dump and psql for backup and restore
    [cmd] = re.findall(r"^CMD (.+)$", containerfile, re.MULTILINE)
    command = yaml.safe_load(cmd)  # the exec form is a JSON list
    assert command == compose["services"]["web"]["command"]


def test_containerfile_sets_only_documented_variables(containerfile):
    block = re.search(r"^ENV (.+?)(?=^\S)", containerfile, re.MULTILINE | re.DOTALL).group(1)
    names = {item.split("=", 1)[0] for item in shlex.split(block.replace("\\\n", " "))}
    ours = {name for name in names if not name.startswith(("PYTHON", "PIP_"))}
    assert ours - {"DJANGO_SETTINGS_MODULE"} <= documented_variables()


def test_example_environment_names_every_required_value(compose):
    example = (CONTAINER / "example.env").read_text()
    given = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    required = set(re.findall(r"\$\{([A-Z_]+):\?", (CONTAINER / "compose.yaml").read_text()))
    assert required <= given
