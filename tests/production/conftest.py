"""The production stack (tests/production/stack.py) and Chromium, once for the module.

Without nginx, PostgreSQL or Redis the tests here are skipped, saying what is missing, on a
developer's machine; with CI set they fail instead.
"""

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM
from tests.production.admin import launch, log_in, new_tab
from tests.production.stack import Stack, missing_services


def _require(missing: list[str]) -> None:
    if not missing:
        return
    message = "the production smoke test needs " + "; ".join(missing)
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def stack():
    _require(missing_services() + ([] if Path(CHROMIUM).exists() else ["chromium"]))
    with Stack() as running:
        yield running


@pytest.fixture(autouse=True)
def _show_logs_on_failure(request, stack):
    """Each process's output in a failing test's report (pytest shows it only then)."""
    yield
    print(stack.logs())


@pytest.fixture(scope="module")
def browser(stack, playwright):
    chromium = launch(playwright)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def editor(browser, stack):
    """A tab logged in to the Wagtail admin as the superuser `createsuperuser` made; the
    Site first set to the public address, as docs/deployment.md tells operators to do."""
    tab = new_tab(browser, stack)
    log_in(tab)
    tab.goto("/admin/sites/")
    tab.locator("a[href*='/admin/sites/edit/']").first.click()
    tab.fill("#id_hostname", "127.0.0.1")
    tab.fill("#id_port", str(stack.nginx.https_port))
    tab.get_by_role("button", name="Save", exact=True).click()
    tab.wait_for_url("**/admin/sites/")
    assert re.search(rf"127\.0\.0\.1.*{stack.nginx.https_port}", tab.content(), re.S)
    yield tab
    tab.context.close()
