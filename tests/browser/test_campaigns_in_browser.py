# ruff: noqa: F811  (the SMTP fixture is imported by name, then requested)
"""In Chromium: an editor composes a campaign (ticking lists updates the count), reviews
and confirms the send; each email template as a page; the public "view in browser" page
with axe-core; a page view counted by the beacon. Screenshots at 390 and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_pages_in_browser import WIDTHS, check_layout_and_accessibility
from tests.newsletters.conftest import links_in, path_of, smtp  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery staple"


def shoot(page, name):
    """Screenshots at both widths (the admin and emails are not held to the reader pages'
    axe and no-sideways-scroll rules here; the public "view in browser" page is, below)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(150)
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)


@pytest.fixture
def newsroom(institute, django_user_model, settings, live_server):
    """The institute, an editor signed in later, three lists with readers, and a campaign
    with the article and the event."""
    from peninsula.newsletters.models import Campaign, CampaignItem, MailingList
    from tests.newsletters.factories import SubscriberFactory

    settings.PENINSULA_BASE_URL = live_server.url
    settings.PENINSULA_NEWSLETTER_FROM = "news@peninsula.example.org"
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    lists = {item.name: item for item in MailingList.objects.all()}
    SubscriberFactory.create_batch(3, lists=[lists["Weekly brief"]])
    SubscriberFactory.create_batch(2, lists=[lists["Events"], lists["Weekly brief"]])
    campaign = Campaign.objects.create(
        subject="The Peninsula this week",
        preheader="Camp David, sanctions at sea, and a book talk",
        introduction='<p>Good morning. Our fellows on what the <a href="https://www.state.gov/">'
        "trilateral commitments</a> mean, and an invitation.</p>",
        closing="<p>Until next week. The editors</p>",
    )
    for order, publication in enumerate([institute.article, *institute.more[:2]]):
        CampaignItem.objects.create(
            campaign=campaign,
            publication=publication,
            sort_order=order,
            note="Start here." if order == 0 else "",
        )
    return campaign, lists


def sign_in(page):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_an_editor_composes_reviews_and_confirms_a_send(page, newsroom, smtp):
    from peninsula.newsletters.models import Campaign

    campaign, lists = newsroom
    sign_in(page)
    page.goto(f"/admin/snippets/newsletters/campaign/edit/{campaign.pk}/")
    count = page.locator("[data-recipient-number]")
    expect(count).to_have_text("0")
    page.get_by_role("checkbox", name="Events").check()
    expect(count).to_have_text("2")  # asked of the server as the box is ticked
    page.get_by_role("checkbox", name="Weekly brief").check()
    expect(count).to_have_text("5")  # the two on both lists counted once
    page.get_by_role("radio", name="Newsletter").check()
    shoot(page, "campaign-compose")
    page.get_by_role("button", name="Save").first.click()

    expect(page.get_by_role("heading", name="The Peninsula this week")).to_be_visible()
    expect(page.locator("#recipient-count")).to_have_text("5")
    shoot(page, "campaign-page")

    page.get_by_label("Send a test to").fill("editor@example.org")
    page.get_by_role("button", name="Send a test").click()
    expect(page.get_by_text("A test email is on its way to editor@example.org")).to_be_visible()
    [test] = smtp.to("editor@example.org")
    assert test.message["From"].addresses[0].display_name == institute_name(campaign)

    page.get_by_role("button", name="Review and send…").click()
    expect(page.locator("#confirm-count")).to_have_text("5")
    shoot(page, "campaign-confirm")
    page.get_by_role("button", name="Send to 5 recipients").click()
    expect(page.get_by_text("The campaign is on its way to 5 people.")).to_be_visible()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    shoot(page, "campaign-report")


def institute_name(campaign):
    from peninsula.newsletters.emails import institute

    return institute().name


def test_a_scheduled_send_is_confirmed_then_cancelled(page, newsroom):
    from peninsula.newsletters.models import Campaign

    campaign, lists = newsroom
    campaign.lists.set([lists["Events"]])
    campaign.save()
    sign_in(page)
    page.goto(f"/admin/newsletters/campaigns/{campaign.pk}/")
    page.get_by_label("When").select_option("later")
    page.locator("input[type=datetime-local]").fill("2099-05-14T09:00")
    page.get_by_role("button", name="Review and send…").click()
    expect(page.locator("#confirm-when")).to_contain_text("cancel it")
    shoot(page, "campaign-confirm-scheduled")
    page.get_by_role("button", name="Schedule for 2 recipients").click()
    expect(page.locator("#campaign-status")).to_have_text("Scheduled")
    page.get_by_role("button", name="Cancel the scheduled send").click()
    expect(page.locator("#campaign-status")).to_have_text("Draft")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT and campaign.send_at is None


def test_each_email_template_as_a_page(page, newsroom, institute):
    """The three templates, each rendered by the admin preview, at both widths."""
    from peninsula.newsletters.models import Campaign, CampaignItem

    campaign, _ = newsroom
    sign_in(page)
    for template in Campaign.Template.values:
        campaign.template = template
        campaign.save()
        if template == Campaign.Template.INVITATION:
            CampaignItem.objects.filter(campaign=campaign, sort_order=0).update(
                publication=institute.event
            )
        page.goto(f"/admin/newsletters/campaigns/{campaign.pk}/preview/")
        expect(page.locator(".masthead img")).to_be_visible()
        if template == Campaign.Template.INVITATION:
            expect(page.get_by_role("link", name="Add to calendar")).to_be_visible()
            expect(page.locator(".details")).to_contain_text("KST")
        else:
            expect(page.locator(".byline").first).to_have_text("By Jane Park and Lee Min-jun")
        shoot(page, f"email-{template}")


def test_view_in_browser_is_accessible_and_counts_nothing_personal(
    page, newsroom, smtp, settings, live_server
):
    from peninsula.newsletters import campaigns
    from peninsula.newsletters.models import CampaignLink

    campaign, lists = newsroom
    campaign.lists.set([lists["Events"]])
    campaign.save()
    campaigns.send_now(campaign)
    [web] = links_in(smtp.received[0], "/newsletters/web/")
    page.goto(path_of(web))
    expect(page).to_have_title("The Peninsula this week")
    expect(page.get_by_role("link", name="Subscribe to our mailing list")).to_be_visible()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        check_layout_and_accessibility(page, "email-view-in-browser", width)
    # A link on it goes through the counted redirect to its destination.
    page.get_by_role("link", name="trilateral commitments").click()
    page.wait_for_load_state()
    assert CampaignLink.objects.get(url="https://www.state.gov/").clicks == 1


def test_a_page_view_is_counted_by_the_beacon(page, browser, institute, live_server):
    """Headless Chromium says so in its User-Agent and is left out, as a bot; the same
    browser as a reader's Chrome is counted once, and is given no cookie."""
    from peninsula.audience.models import PageViewDay

    def views():
        return sum(
            PageViewDay.objects.filter(page=institute.article).values_list("views", flat=True)
        )

    beacons = []
    page.on("request", lambda request: "/views/" in request.url and beacons.append(request))
    page.goto(institute.article.url)
    page.wait_for_load_state("networkidle")
    assert len(beacons) == 1 and beacons[0].method == "POST"
    assert views() == 0  # "HeadlessChrome": a bot

    reader = browser.new_context(base_url=live_server.url, user_agent=CHROME)
    try:
        tab = reader.new_page()
        with tab.expect_response(lambda response: "/views/" in response.url) as answer:
            tab.goto(institute.article.url)
        assert answer.value.status == 204
        assert "no-store" in answer.value.headers["cache-control"]
        assert views() == 1
        assert reader.cookies() == []  # the reader carries nothing away
    finally:
        reader.close()


CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
