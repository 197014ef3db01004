"""The Content-Security-Policy in Chromium: every kind of page works under it and the browser
reports no violation.

Chromium fires a `securitypolicyviolation` event for everything the policy blocks (an inline
script, a style, a frame from a host not listed, an eval). A listener added before any page
script runs (Playwright's init script, which the page's policy does not govern) collects
them in window.__cspViolations; Chromium's console errors about the policy are collected too.
A control test checks the listener does see a blocked frame, so "no violations" means
something. Screenshots at 390 and 1280 px go to test-artifacts/screenshots/csp-*.png.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_pages_in_browser import WIDTHS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
    page: document.location.pathname,
  });
});
"""
PASSWORD = "a long editor password"


class Watcher:
    """Violations and CSP console errors seen on every document the tab opens."""

    def __init__(self, page):
        self.page = page
        self.found = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.found.append({"console": message.text, "page": self.page.url})

    def collect(self):
        """What the current document has reported so far (read before leaving it)."""
        self.page.wait_for_timeout(150)  # late reports: deferred scripts, lazy frames
        self.found.extend(self.page.evaluate("window.__cspViolations.splice(0)"))
        return self.found

    def visit(self, path, *, shots=None):
        response = self.page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        self.page.wait_for_load_state("load")
        if shots:
            for width in WIDTHS:
                self.page.set_viewport_size({"width": width, "height": 900})
                self.page.screenshot(path=SCREENSHOTS / f"csp-{shots}-{width}.png", full_page=True)
            self.page.set_viewport_size({"width": 1280, "height": 900})
        self.collect()
        return response


def policy(response):
    return response.headers.get("content-security-policy", "")


def directive(header, name):
    for part in header.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return None


def player_frame(page, host):
    """The frame playing the video: the offline stand-in the test serves for the host.
    Had the policy blocked it, Chromium would have put its error page there instead."""
    frame_element = page.locator(f"iframe[src*='{host}']").first
    frame_element.scroll_into_view_if_needed()  # the players load lazily
    for _ in range(50):
        frames = [frame for frame in page.frames if host in frame.url]
        if frames:
            frames[0].wait_for_load_state("load")
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no frame was loaded from {host}: {[f.url for f in page.frames]}")


def test_reader_pages_work_under_the_policy_with_no_violation(page, institute):
    watch = Watcher(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    home = watch.visit("/", shots="home")
    script_src = directive(policy(home), "script-src")
    assert script_src == ["'self'"], policy(home)  # no inline script, no eval, nowhere else

    # An article with a YouTube embed and JSON-LD: the data block is not script to Chromium.
    watch.visit(institute.article.url, shots="article")
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    assert player_frame(page, "youtube-nocookie.com").title() == "Offline stand-in"

    watch.visit("/publications/?theme=security", shots="listing")
    expect(page.locator("main")).to_contain_text("Sanctions enforcement at sea")
    watch.visit("/search/?q=sanctions", shots="search")
    expect(page.get_by_test_id("result-count")).to_contain_text("sanctions")

    # The header box's suggestions come from search/suggest.js and a fetch to this site.
    watch.visit("/")
    box = page.get_by_role("combobox", name="Search All Site Content")
    box.press_sequentially("sanctions enf", delay=30)
    option = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(option.filter(has_text="Sanctions enforcement at sea")).to_have_count(1)
    page.screenshot(path=SCREENSHOTS / "csp-suggestions-1280.png")
    watch.collect()

    video = next(p for p in institute.more if p.title.startswith("Video:"))
    watch.visit(video.url, shots="video")
    assert player_frame(page, "youtube-nocookie.com").title() == "Offline stand-in"

    watch.visit("/subscribe/", shots="subscribe")
    form = page.locator("main form")
    form.get_by_role("textbox", name="Email address").fill("reader@example.org")
    form.get_by_role("textbox", name="Name", exact=True).fill("Min-ji Kang")
    form.get_by_label("Weekly brief").check()
    form.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    watch.collect()

    assert watch.found == []


def test_vimeo_videos_play_under_the_policy(page, institute):
    from tests import factories

    video = factories.VideoPageFactory(
        series=institute.series, title="Video: a Vimeo talk", video_url="https://vimeo.com/123456"
    )
    watch = Watcher(page)
    watch.visit(video.url)
    assert player_frame(page, "player.vimeo.com").title() == "Offline stand-in"
    assert watch.found == []


def test_the_admin_works_under_its_policy_with_no_violation(page, institute, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    watch = Watcher(page)

    login = watch.visit("/admin/login/", shots="admin-login")
    # The one admin page anyone can reach keeps the strict policy.
    assert directive(policy(login), "script-src") == ["'self'"]
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    watch.collect()

    watch.visit("/admin/", shots="admin-dashboard")
    watch.visit(f"/admin/pages/{institute.series.pk}/", shots="admin-explorer")
    expect(page.get_by_role("link", name=re.compile("Camp David commitments"))).to_be_visible()

    editor = watch.visit(f"/admin/pages/{institute.article.pk}/edit/", shots="admin-editor")
    # Wagtail 8's editor writes inline scripts of its own (wagtail/wagtail#1288).
    assert "'unsafe-inline'" in directive(policy(editor), "script-src")
    title = page.locator("#id_title")
    expect(title).to_have_value(re.compile("Camp David commitments"))
    # The editor's scripts ran: the side panels and the StreamField are live.
    expect(page.locator("[data-streamfield-stream-container]").first).to_be_attached()
    page.get_by_role("button", name="Toggle preview").click()
    expect(page.locator("iframe#w-preview-iframe")).to_be_attached()
    page.wait_for_timeout(1500)  # the preview frame renders the page
    watch.collect()

    # The public page an editor sees carries Wagtail's userbar, under the strict policy.
    watch.visit(institute.article.url)
    expect(page.locator("wagtail-userbar")).to_be_attached()
    watch.collect()

    watch.visit("/admin/newsletters/campaigns/", shots="admin-newsletters")
    watch.visit("/admin/snippets/newsletters/subscriber/")
    watch.visit("/admin/newsletters/subscribers/import/")

    for item in watch.found:
        print(item)
    assert watch.found == []


def test_the_watcher_does_see_what_the_policy_blocks(page, institute, settings):
    """Control: with YouTube's player left out of frame-src, the frame is blocked and
    reported, so an empty list in the tests above is evidence, not silence."""
    directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives["frame-src"] = ["'self'"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": directives}
    watch = Watcher(page)
    watch.visit(institute.article.url)
    page.wait_for_timeout(500)
    found = watch.collect()
    assert any(v.get("directive") == "frame-src" for v in found), found


def test_the_lockout_page_explains_itself_under_the_strict_policy(
    page, institute, django_user_model, settings
):
    """Five wrong passwords in the browser, then the right one: the lockout page, not the
    admin; it works under the login page's strict policy."""
    settings.AXES_ENABLED = True  # off for the rest of the suite (see peninsula/settings/test.py)
    settings.AXES_FAILURE_LIMIT = 5
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    watch = Watcher(page)
    for password in [*(f"guess {n}" for n in range(5)), PASSWORD]:
        watch.visit("/admin/login/")
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state("load")
    expect(page.get_by_role("heading", name="Sign-in paused")).to_be_visible()
    expect(page.get_by_test_id("lockout")).to_contain_text("editor")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENSHOTS / f"csp-lockout-{width}.png", full_page=True)
    watch.collect()
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))  # not signed in
    assert watch.found == []
