"""Audience figures for campaigns, kept on our own site: clicks per link, and opens when an
operator turns them on. Totals only: no link or image names the person it was sent to.

A link in a campaign is rewritten to `/newsletters/click/<token>/`, where the token is the
campaign and the destination under Django's signature (HMAC with SECRET_KEY, a salt of its
own). The redirect goes only where a token we signed says, so nobody can use it to send
readers elsewhere (no open redirect), and a forged or altered token gets a 400 page.

The same kind of signed token names a campaign in its "view in browser" address and, with
PENINSULA_NEWSLETTER_TRACK_OPENS, in the open-counting image.
"""

from __future__ import annotations

import html
import re

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse

from peninsula.core import urls_base

CLICK = "peninsula.newsletters.click"
OPEN = "peninsula.newsletters.open"
WEB = "peninsula.newsletters.web"
MAX_TOKEN = 3000  # a 2,000-character URL, signed and compressed, fits well within

_HREF = re.compile(r'href="(https?://[^"]+)"')
_TEXT_URL = re.compile(r"https?://[^\s<>\"]+")
# Sections of the HTML only the emailed copy has (the browser copy drops or replaces them).
EMAIL_ONLY = re.compile(r"<!--email-only-->.*?<!--/email-only-->", re.S)
PERSONAL = re.compile(r"<!--personal-->.*?<!--/personal-->", re.S)


class InvalidLink(Exception):
    pass


def _sign(value, salt: str) -> str:
    return signing.dumps(value, salt=salt, compress=True)


def _read(token: str, salt: str):
    if not isinstance(token, str) or len(token) > MAX_TOKEN:
        raise InvalidLink("malformed")
    try:
        return signing.loads(token, salt=salt)
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidLink("bad signature") from None


def campaign_token(campaign_id: int, salt: str = WEB) -> str:
    return _sign(campaign_id, salt)


def read_campaign_token(token: str, salt: str = WEB) -> int:
    value = _read(token, salt)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidLink("not a campaign")
    return value


def web_url(campaign_id: int, base: str | None = None) -> str:
    """The public "view in browser" address of a campaign."""
    path = reverse("newsletters:web", args=[campaign_token(campaign_id)])
    return urls_base.absolute(path, base=base)


def open_image_url(campaign_id: int, base: str | None = None) -> str:
    path = reverse("newsletters:open", args=[campaign_token(campaign_id, OPEN)])
    return urls_base.absolute(path, base=base)


def click_url(campaign_id: int, url: str, base: str | None = None, *, count=True) -> str:
    """`url` through the site's signed redirect; `count=False` for test emails."""
    token = _sign([campaign_id, url, int(count)], CLICK)
    return urls_base.absolute(reverse("newsletters:click", args=[token]), base=base)


def read_click(token: str) -> tuple[int, str, bool]:
    """(campaign id, destination, whether to count it). Raises InvalidLink."""
    value = _read(token, CLICK)
    if not (isinstance(value, list) and len(value) == 3):
        raise InvalidLink("not a click")
    campaign_id, url, count = value
    if not isinstance(campaign_id, int) or not isinstance(url, str):
        raise InvalidLink("not a click")
    if not url.startswith(("https://", "http://")):  # we only ever sign web links
        raise InvalidLink("not a web link")
    return campaign_id, url, bool(count)


def track_links(
    rendered_html: str, rendered_text: str, campaign_id: int, base: str, *, count=True
) -> tuple[str, str, list[str]]:
    """Both parts with every web link sent through the click redirect (except the "view in
    browser" link and the image that counts opens), and the destinations found."""
    own = urls_base.absolute(reverse("newsletters:web", args=["x"]), base=base).rsplit("x/", 1)[0]
    found: list[str] = []
    cache: dict[str, str] = {}

    def wrapped(url: str) -> str:
        if url.startswith(own):
            return url
        if url not in cache:
            cache[url] = click_url(campaign_id, url, base, count=count)
            found.append(url)
        return cache[url]

    def in_html(match):
        return f'href="{html.escape(wrapped(html.unescape(match.group(1))))}"'

    def in_text(match):
        url = match.group(0)
        tail = ""
        while url and url[-1] in ".,;:)!?":  # sentence punctuation after a link
            url, tail = url[:-1], url[-1] + tail
        return wrapped(url) + tail

    return _HREF.sub(in_html, rendered_html), _TEXT_URL.sub(in_text, rendered_text), found


def remember_links(campaign_id: int, urls) -> None:
    """A row per link at 0 clicks, so the report lists links nobody followed too."""
    from peninsula.newsletters.models import CampaignLink

    CampaignLink.objects.bulk_create(
        [CampaignLink(campaign_id=campaign_id, url=url[:2000]) for url in urls],
        ignore_conflicts=True,
    )


def record_click(campaign_id: int, url: str) -> None:
    from peninsula.newsletters.models import Campaign, CampaignLink

    url = url[:2000]
    if CampaignLink.objects.filter(campaign_id=campaign_id, url=url).update(clicks=F("clicks") + 1):
        return
    if not Campaign.objects.filter(pk=campaign_id).exists():
        return  # a link from a deleted campaign still leads on, but counts for nothing
    try:
        with transaction.atomic():
            CampaignLink.objects.create(campaign_id=campaign_id, url=url, clicks=1)
    except IntegrityError:  # another click made the row first
        CampaignLink.objects.filter(campaign_id=campaign_id, url=url).update(clicks=F("clicks") + 1)


def record_open(campaign_id: int) -> None:
    from peninsula.newsletters.models import Campaign

    Campaign.objects.filter(pk=campaign_id).update(opens=F("opens") + 1)


def for_the_browser(rendered_html: str, subscribe_url: str) -> str:
    """The emailed HTML as the public "view in browser" page: no open-counting image or
    "view in browser" link, and a sign-up link where each reader's own links were."""
    page = EMAIL_ONLY.sub("", rendered_html)
    link = (
        f'<p><a href="{html.escape(subscribe_url)}" style="color: #1d4e89; '
        'text-decoration: underline;">Subscribe to our mailing list</a></p>'
    )
    return PERSONAL.sub(link, page)
