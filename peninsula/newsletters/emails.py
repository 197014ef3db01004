"""Building the messages: multipart (plain text and HTML with inlined CSS), with the
institute's postal address and disclosure in every footer and RFC 8058 unsubscribe headers.

A campaign is rendered once; each recipient's copy only swaps in their own signed links,
which is what keeps a 50,000-address send fast.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from email.utils import formataddr, make_msgid, parseaddr

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from peninsula.core import urls_base
from peninsula.newsletters import tokens, tracking

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


def newsletter_settings():
    from peninsula.newsletters.models import NewsletterSettings

    site = Site.objects.filter(is_default_site=True).first()
    return NewsletterSettings.for_site(site) if site else NewsletterSettings()


def sender(settings_=None) -> str:
    """The From header: the institute's name (or Settings → Newsletter's sender name) as
    the display name, at PENINSULA_NEWSLETTER_FROM, unless that already names someone."""
    name, address = parseaddr(settings.PENINSULA_NEWSLETTER_FROM)
    if name or not address:
        return settings.PENINSULA_NEWSLETTER_FROM
    display = (settings_ or newsletter_settings()).sender_name or institute().name
    return formataddr((display, address)) if display else address


def logo_url(settings_, base: str | None = None) -> str:
    """A PNG (mail programs do not show SVG): the chosen logo, or the site's own."""
    if settings_.logo_id:
        try:
            return absolute(settings_.logo.get_rendition("max-400x120|format-png").url, base)
        except Exception:  # a missing file must not stop a campaign; the default will do
            pass
    return absolute(static("newsletters/email-logo.png"), base)


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
    from_email: str = ""  # "": emails.sender(), looked up per message
    links: list = field(default_factory=list)  # web links found (render_campaign with track)


def render(template: str, context: dict, subject: str, base: str | None = None) -> Rendered:
    """Render `newsletters/email/<template>.{txt,html}` with the institute's footer."""
    settings_ = institute()
    look = newsletter_settings()
    context = {
        "institute": settings_,
        "sender_name": look.sender_name or settings_.name,
        "logo_url": logo_url(look, base),
        "disclosure_text": strip_tags(settings_.disclosure_footer or "").strip(),
        "preferences_url": PREFERENCES_MARK,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "subject": subject,
        **context,
    }
    text = _wrap_text(render_to_string(f"newsletters/email/{template}.txt", context))
    html = _INLINER.inline(render_to_string(f"newsletters/email/{template}.html", context))
    return Rendered(subject=subject, text=text, html=_short_lines(html), from_email=sender(look))


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
        from_email=rendered.from_email or sender(),
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
    authors = [person.title for person in page.author_people]
    entry = {
        "title": page.title,
        "summary": page.summary,
        "note": note,
        "url": absolute(page.url or page.get_url() or "/", base),
        "image_url": image_url,
        "image_alt": page.hero_caption or "",
        "date": page.date,
        "authors": authors,
        "byline": _and_list(authors),
        "kind": getattr(page, "type_label", ""),
    }
    if hasattr(page, "start_date") and hasattr(page, "zone"):  # an event
        entry["event"] = _event_details(page, base)
    return entry


def _and_list(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _event_details(event, base: str | None) -> dict:
    """When and where, in the event's own time zone, and how to come."""
    start = event.start
    when = f"{start:%A} {start.day} {start:%B %Y}"
    if event.start_time:
        when += f", {start:%H:%M}"
        end = event.end
        if end and event.end_time:
            when += f"–{end:%H:%M}"
        when += f" {event.zone_abbreviation}"
    register = event.registration_url or ""
    if not register and getattr(event, "takes_registrations", False):
        register = absolute((event.url or event.get_url() or "/") + "#register", base)
    return {
        "when": when,
        "venue_name": event.venue_name,
        "venue_address": event.venue_address,
        "online_url": event.online_url,
        "register_url": register,
        "calendar_url": absolute(reverse("syndication:event_ics", args=[event.pk]), base),
        "speakers": [
            {"name": speaker.person.title, "role": speaker.role}
            for speaker in event.speakers.select_related("person")
            if speaker.person_id
        ]
        if hasattr(event, "speakers")
        else [],
    }


TEMPLATES = {"newsletter": "campaign", "alert": "alert", "invitation": "invitation"}
LIVE, TEST = "live", "test"


def render_campaign(campaign, base: str | None = None, track: str | None = None) -> Rendered:
    """The campaign as sent; `base`: the address for its links (None: base_url()).

    `track`: LIVE sends every web link through the counted click redirect (and adds the
    open-counting image if PENINSULA_NEWSLETTER_TRACK_OPENS); TEST through the same
    redirect without counting (a test email); None leaves links as they are (a preview).
    `rendered.links` lists the destinations found.
    """
    base = base or urls_base.base_url()
    items = [
        publication_entry(item.publication.specific, item.note, base)
        for item in campaign.items.select_related("publication__hero_image").order_by("sort_order")
    ]
    count_opens = track == LIVE and settings.PENINSULA_NEWSLETTER_TRACK_OPENS
    rendered = render(
        TEMPLATES.get(campaign.template, "campaign"),
        {
            "campaign": campaign,
            "items": items,
            "item": items[0] if items else None,
            "introduction_text": strip_tags(campaign.introduction).strip(),
            "closing_text": strip_tags(campaign.closing).strip(),
            "web_url": tracking.web_url(campaign.pk, base),
            "open_image_url": tracking.open_image_url(campaign.pk, base) if count_opens else "",
        },
        subject=campaign.subject,
        base=base,
    )
    rendered.links = []
    if track:
        rendered.html, rendered.text, rendered.links = tracking.track_links(
            rendered.html, rendered.text, campaign.pk, base, count=track == LIVE
        )
    return rendered


def render_digest(subscriber, pages, base: str | None = None) -> Rendered:
    base = base or urls_base.base_url()
    return render(
        "digest",
        {"subscriber": subscriber, "items": [publication_entry(page, base=base) for page in pages]},
        subject=f"New from {institute().name or 'us'}: {len(pages)} publication"
        + ("s" if len(pages) != 1 else ""),
        base=base,
    )
