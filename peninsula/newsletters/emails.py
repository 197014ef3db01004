"""Building the messages: multipart (plain text and HTML with inlined CSS), with the
institute's postal address and disclosure in every footer and RFC 8058 unsubscribe headers.

A campaign is rendered once; each recipient's copy only swaps in their own signed links,
which is what keeps a 50,000-address send fast.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from email.utils import make_msgid

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from peninsula.core import urls_base
from peninsula.newsletters import tokens

# Stand-ins for each recipient's own links; plain ASCII that no template escapes.
PREFERENCES_MARK = "PENINSULA-PREFERENCES-URL"
UNSUBSCRIBE_MARK = "PENINSULA-UNSUBSCRIBE-URL"
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False)


def absolute(path: str, base: str | None = None) -> str:
    """A link for an email. `base`: the site's address as the request that led to this
    email saw it; None: peninsula.core.urls_base.base_url() (an email sent by the worker)."""
    return urls_base.absolute(path, base=base)


def institute():
    from peninsula.core.models import InstituteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return InstituteSettings.for_site(site) if site else InstituteSettings()


def preferences_url(subscriber, base: str | None = None) -> str:
    token = tokens.make_token(subscriber, tokens.PREFERENCES)
    return absolute(reverse("newsletters:preferences", args=[token]), base)


def unsubscribe_url(subscriber, base: str | None = None) -> str:
    token = tokens.make_token(subscriber, tokens.PREFERENCES)
    return absolute(reverse("newsletters:unsubscribe", args=[token]), base)


@dataclass
class Rendered:
    subject: str
    text: str
    html: str


def render(template: str, context: dict, subject: str) -> Rendered:
    """Render `newsletters/email/<template>.{txt,html}` with the institute's footer."""
    settings_ = institute()
    context = {
        "institute": settings_,
        "disclosure_text": strip_tags(settings_.disclosure_footer or "").strip(),
        "preferences_url": PREFERENCES_MARK,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "subject": subject,
        **context,
    }
    text = _wrap_text(render_to_string(f"newsletters/email/{template}.txt", context))
    html = _INLINER.inline(render_to_string(f"newsletters/email/{template}.html", context))
    return Rendered(subject=subject, text=text, html=_short_lines(html))


# SMTP caps lines at 998 bytes; with a longer one Django quoted-printable-encodes the whole
# part, in pure Python, for every recipient. Short lines go out as 8bit, several times faster.
_LINE_LIMIT = 900


def _short_lines(html: str) -> str:
    """Break over-long lines between tags (whitespace there is insignificant in our layout)."""
    if all(len(line) <= _LINE_LIMIT for line in html.splitlines()):
        return html
    return "\n".join(
        line.replace("><", ">\n<") if len(line) > _LINE_LIMIT else line
        for line in html.splitlines()
    )


def _wrap_text(text: str) -> str:
    """Plain text wrapped at 76 columns (as mail readers expect); links are never split."""
    return "\n".join(
        textwrap.fill(line, 76, break_long_words=False, break_on_hyphens=False)
        if len(line) > 76
        else line
        for line in text.splitlines()
    )


def personalise(
    rendered: Rendered, subscriber, *, bulk=True, base: str | None = None
) -> EmailMultiAlternatives:
    """One recipient's copy of a rendered message, with their links and headers."""
    # One signature serves both links (the same token, two pages): half the HMAC work.
    token = tokens.make_token(subscriber, tokens.PREFERENCES)
    base = base or urls_base.base_url()  # once per message, not per link
    prefs = absolute(reverse("newsletters:preferences", args=[token]), base)
    unsubscribe = absolute(reverse("newsletters:unsubscribe", args=[token]), base)

    def fill(value: str) -> str:
        return value.replace(PREFERENCES_MARK, prefs).replace(UNSUBSCRIBE_MARK, unsubscribe)

    headers = {"Message-ID": make_msgid(domain=settings.PENINSULA_NEWSLETTER_MESSAGE_DOMAIN)}
    if bulk:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=fill(rendered.text),
        from_email=settings.PENINSULA_NEWSLETTER_FROM,
        to=[subscriber.email],
        headers=headers,
    )
    message.attach_alternative(fill(rendered.html), "text/html")
    return message


def confirmation_message(
    subscriber, extra: dict, base: str | None = None
) -> EmailMultiAlternatives:
    from peninsula.newsletters.models import MailingList

    token = tokens.make_token(subscriber, tokens.CONFIRM, extra)
    lists = MailingList.objects.filter(pk__in=extra.get("lists") or [])
    rendered = render(
        "confirm",
        {
            "subscriber": subscriber,
            "lists": lists,
            "already_active": subscriber.is_active,
            "confirm_url": absolute(reverse("newsletters:confirm", args=[token]), base),
            "days": settings.PENINSULA_NEWSLETTER_CONFIRM_DAYS,
        },
        subject=f"Please confirm your subscription to {institute().name or 'our mailing list'}",
    )
    return personalise(rendered, subscriber, bulk=False, base=base)


def publication_entry(page, note: str = "", base: str | None = None) -> dict:
    """Title, summary, image and link of one publication, as an email shows it."""
    base = base or urls_base.base_url()
    image_url = ""
    if page.hero_image_id:
        rendition = page.hero_image.get_rendition("fill-600x338")
        image_url = absolute(rendition.url, base)
    return {
        "title": page.title,
        "summary": page.summary,
        "note": note,
        "url": absolute(page.url or page.get_url() or "/", base),
        "image_url": image_url,
        "image_alt": page.hero_caption or "",
        "date": page.date,
    }


def render_campaign(campaign, base: str | None = None) -> Rendered:
    """The campaign as sent; `base`: the address for its links (None: base_url())."""
    base = base or urls_base.base_url()
    items = [
        publication_entry(item.publication.specific, item.note, base)
        for item in campaign.items.select_related("publication__hero_image").order_by("sort_order")
    ]
    return render(
        "campaign",
        {
            "campaign": campaign,
            "items": items,
            "introduction_text": strip_tags(campaign.introduction).strip(),
            "closing_text": strip_tags(campaign.closing).strip(),
        },
        subject=campaign.subject,
    )


def render_digest(subscriber, pages, base: str | None = None) -> Rendered:
    base = base or urls_base.base_url()
    return render(
        "digest",
        {"subscriber": subscriber, "items": [publication_entry(page, base=base) for page in pages]},
        subject=f"New from {institute().name or 'us'}: {len(pages)} publication"
        + ("s" if len(pages) != 1 else ""),
    )
