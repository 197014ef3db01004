"""What an editor sees before sending: the email in the browser, and a test email."""

from django.conf import settings
from django.core.mail import get_connection

from peninsula.newsletters import emails
from peninsula.newsletters.models import Campaign, Subscriber


def _sample_reader(address: str) -> Subscriber:
    # Unsaved: the links in a preview or test lead nowhere (no real subscriber behind them).
    return Subscriber(pk=0, email=address, name="Preview", key="preview")


def preview_html(campaign: Campaign, base: str | None = None) -> str:
    """The campaign as sent, its links and images at `base` (the address the admin is on)."""
    rendered = emails.render_campaign(campaign, base)
    return rendered.html.replace(emails.PREFERENCES_MARK, "#").replace(emails.UNSUBSCRIBE_MARK, "#")


def send_test(campaign_id: int, address: str, base: str = "") -> bool:
    campaign = Campaign.objects.get(pk=campaign_id)
    rendered = emails.render_campaign(campaign, base or None)
    rendered.subject = f"[Test] {rendered.subject}"
    message = emails.personalise(rendered, _sample_reader(address), base=base or None)
    message.connection = get_connection(settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND)
    return bool(message.send())
