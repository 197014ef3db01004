"""An editor and readers in Chromium on the production stack, as the smoke test and
bench/load.py drive them: logging in, publishing from the page editor's menu, finding pages.
Playwright is imported only by the functions that need it."""

import re
import time

import requests

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.production.stack import ADMIN_PASSWORD, ADMIN_USER


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_tab(browser, stack):
    """A tab of a fresh browser profile on the site, accepting its self-signed certificate."""
    context = browser.new_context(ignore_https_errors=True, base_url=stack.url(""))
    context.set_default_timeout(20_000)
    return context.new_page()


def log_in(tab) -> None:
    tab.goto("/admin/login/")
    tab.fill("#id_username", ADMIN_USER)
    tab.fill("#id_password", ADMIN_PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")


def publish_new_page(editor, parent_id: int, page_type: str, title: str, **fields) -> None:
    from playwright.sync_api import expect

    editor.goto(f"/admin/pages/add/{page_type}/{parent_id}/")
    editor.fill("#id_title", title)
    editor.press("#id_title", "Tab")
    # The admin's script makes the slug from the title as the editor leaves the field.
    expect(editor.locator("#id_slug")).not_to_have_value("")
    for name, value in fields.items():
        editor.fill(f"#id_{name}", value)
    click_publish(editor)


def click_publish(editor) -> None:
    """The editor's click: Publish, from the menu beside "Save draft"."""
    form_url = editor.url
    editor.locator("footer [data-w-dropdown-target=toggle]").click()
    with editor.expect_navigation():
        editor.locator("button[name=action-publish]").click()
    if editor.url == form_url:  # the form came back: say why
        errors = editor.evaluate(
            """[...document.querySelectorAll('.w-field__errors')]
               .filter(e => e.innerText.trim())
               .map(e => e.closest('[data-contentpath]').dataset.contentpath + ': '
                         + e.innerText.trim())"""
        )
        raise AssertionError(f"Publishing failed: {errors}")


def page_id(editor, explore_id: int, title: str) -> int:
    """The id of the child page titled `title`, found in the admin's page explorer."""
    editor.goto(f"/admin/pages/{explore_id}/")
    link = editor.get_by_role("link", name=title, exact=True).first
    return int(re.search(r"/admin/pages/(\d+)/", link.get_attribute("href"))[1])


def read(stack, path, session=None, **kwargs) -> requests.Response:
    """An anonymous reader's GET through nginx, checking its certificate."""
    get = session.get if session else requests.get
    return get(stack.url(path), verify=str(stack.nginx.cert), timeout=10, **kwargs)


def edit_title_and_time_it(editor, stack, page_pk: int, path: str, title: str, limit: float):
    """Publish `title` for the page in its editor; seconds from the click until an anonymous
    reader of `path` through nginx gets it (AssertionError past `limit` seconds), and that
    first fresh response."""
    editor.goto(f"/admin/pages/{page_pk}/edit/")
    editor.fill("#id_title", title)
    with requests.Session() as reader:
        clicked = time.monotonic()
        click_publish(editor)
        while title not in (response := read(stack, path, session=reader)).text:
            assert time.monotonic() - clicked < limit, (
                f"the edit was not visible to readers within {limit} s"
            )
            time.sleep(0.02)
        return time.monotonic() - clicked, response
