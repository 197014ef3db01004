import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# "[3]" in text, but never inside a tag's attributes.
_FOOTNOTE_MARK = re.compile(r"\[(\d{1,3})\](?![^<]*>)")


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, e.g. the page number."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def footnote_links(html):
    """Turn [1], [2]... in rendered rich text into links to the numbered notes."""
    return mark_safe(
        _FOOTNOTE_MARK.sub(
            lambda m: format_html(
                '<sup class="fn-ref"><a href="#fn-{0}" id="fnref-{0}">[{0}]</a></sup>', m[1]
            ),
            str(html),
        )
    )


@register.simple_tag(takes_context=True)
def disclaimer(context, page, people):
    """The page's own disclaimer, or the institute's in the number of its authors."""
    return page.disclaimer or context["institute"].disclaimer_for(len(people))


@register.filter
def bio_line(person, institute_name):
    return person.full_bio_line(institute_name)


@register.filter
def role_line(person, institute_name):
    return person.role_line(institute_name)


@register.filter
def event_date(moment):
    """'Tuesday, March 3, 2026, 9:30 a.m.' (no time when the event has none)."""
    if moment.hour == 0 and moment.minute == 0:
        return format_html("{}", moment.strftime("%A, %B %-d, %Y"))
    return format_html("{}, {}", moment.strftime("%A, %B %-d, %Y"), _clock(moment))


@register.filter
def event_end(end, start):
    """Only the time when the event ends the day it starts."""
    if end.date() == start.date():
        return _clock(end)
    return event_date(end)


@register.filter
def event_card_date(moment):
    """'Tue, May 14, 2030, 9:30 a.m.' for a card (no time when the event has none)."""
    day = moment.strftime("%a, %b %-d, %Y")
    if moment.hour == 0 and moment.minute == 0:
        return day
    return f"{day}, {_clock(moment)}"


def _clock(moment):
    hour = moment.hour % 12 or 12
    suffix = "a.m." if moment.hour < 12 else "p.m."
    return f"{hour}:{moment.minute:02d} {suffix}"
