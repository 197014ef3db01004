"""What an editor sees before sending: the email in the browser, and a test email."""

from django.conf import settings
from django.core.mail import get_connection

from peninsula.newsletters import emails, tokens
from peninsula.newsletters.models import Campaign, Subscriber


def _sample_reader(address: str) -> Subscriber:
    # Unsaved, with the stand-in key: a test email's preference and unsubscribe links open
    # the real pages, which show what a reader sees and change nothing (views.py).
    return Subscriber(pk=0, email=address, name="Preview", key=tokens.SAMPLE_KEY)


def preview_html(campaign: Campaign, base: str | None = None) -> str:
    """The campaign as sent, its links and images at `base` (the address the admin is on)."""
    rendered = emails.render_campaign(campaign, base)
    return rendered.html.replace(emails.PREFERENCES_MARK, "#").replace(emails.UNSUBSCRIBE_MARK, "#")


def send_test(campaign_id: int, address: str, base: str = "") -> bool:
    campaign = Campaign.objects.get(pk=campaign_id)
    # Links go through the click redirect, as a reader's would, but are not counted.
    rendered = emails.render_campaign(campaign, base or None, track=emails.TEST)
    rendered.subject = f"[Test] {rendered.subject}"
    message = emails.personalise(rendered, _sample_reader(address), base=base or None)
    message.connection = get_connection(settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND)
    return bool(message.send())
