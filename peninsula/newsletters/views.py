"""Public pages: sign-up, confirmation, the preference centre and unsubscribing.

Views only parse and validate; every change goes through actions.py. The sign-up answer
is the same page for every address, known or not.
"""

import base64

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from peninsula.core.urls_base import base_url
from peninsula.newsletters import actions, tokens, tracking
from peninsula.newsletters.crosssite import same_site_posts_only
from peninsula.newsletters.forms import PreferencesForm, SignupForm
from peninsula.newsletters.ratelimit import client_ip, rate_limited


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    # Tokens in the URL never leave the site in a Referer (and forms still send an Origin).
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("signup")
def subscribe(request):
    if request.method == "POST":
        return _sign_up(request)
    form = SignupForm(initial={"source": "subscribe page"})
    return _noindex(render(request, "newsletters/subscribe.html", {"form": form}))


# The sign-up box in every page's footer posts here, with no CSRF token: a token would
# make every page personal, so no shared cache could keep it (docs/caching.md). Safe to
# exempt: a sign-up only sends a confirmation email (double opt-in), the rate limit is
# shared with /subscribe/, and posts from other sites' pages are refused.
@csrf_exempt
@never_cache
@require_POST
@same_site_posts_only
@rate_limited("signup")
def sign_up(request):
    return _sign_up(request)


def _sign_up(request):
    """Sign up from a posted form; on errors, the subscribe page shows them."""
    form = SignupForm(request.POST)
    if not form.is_valid():
        return _noindex(render(request, "newsletters/subscribe.html", {"form": form}))
    data = form.cleaned_data
    actions.sign_up(
        data["email"],
        name=data["name"],
        organisation=data["organisation"],
        list_ids=data["lists"],
        series_ids=data["series"],
        source=data["source"] or "subscribe page",
        ip=client_ip(request),
        base=base_url(request),  # the link leads back to the address the reader used
    )
    return redirect("newsletters:check_inbox")


def check_inbox(request):
    return _noindex(render(request, "newsletters/check_inbox.html"))


def _invalid(request):
    return _noindex(render(request, "newsletters/invalid_link.html", status=400))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("confirm")
def confirm(request, token):
    """GET shows a button; POST confirms (mail scanners that open links must not confirm)."""
    try:
        subscriber, extra = tokens.read_token_with_extra(token, tokens.CONFIRM)
    except tokens.ExpiredToken as expired:
        if request.method == "POST" and expired.subscriber is not None:
            extra = tokens.read_expired_extra(token)
            actions.send_confirmation(
                expired.subscriber, extra["lists"], extra["series"], base=base_url(request)
            )
            return redirect("newsletters:check_inbox")
        return _noindex(render(request, "newsletters/expired_link.html", status=410))
    except tokens.SpentToken as spent:
        return _spent(request, spent.subscriber)
    except tokens.InvalidToken:
        return _invalid(request)
    if request.method == "POST":
        changed = actions.confirm(subscriber, extra, ip=client_ip(request))
        if changed is None:  # spent between the check and the lock (a second click)
            return _spent(request, subscriber)
        template = "newsletters/confirmed.html" if changed else "newsletters/already_confirmed.html"
        context = {"preferences_token": tokens.make_token(subscriber, tokens.PREFERENCES)}
        return _noindex(render(request, template, context))
    return _noindex(render(request, "newsletters/confirm.html", {"subscriber": subscriber}))


def _spent(request, subscriber):
    """A used, superseded or cancelled confirmation link: say which, and what to do."""
    subscriber.refresh_from_db()
    context = {"active": subscriber.is_active}
    return _noindex(render(request, "newsletters/used_link.html", context, status=410))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("preferences")
def preferences(request, token):
    if tokens.is_sample(token):
        return _sample_preferences(request, token)
    try:
        subscriber = tokens.read_token(token, tokens.PREFERENCES)
    except tokens.InvalidToken:
        return _invalid(request)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST, subscriber=subscriber)
        if form.is_valid() and not subscriber.is_active:
            # A preferences link may be old or forwarded: it proves nothing about who reads
            # the mailbox now, so someone who left rejoins only through a fresh confirmation.
            data = form.cleaned_data
            actions.send_confirmation(
                subscriber,
                [item.pk for item in data["lists"]],
                [item.pk for item in data["series"]],
                base=base_url(request),
            )
            return redirect("newsletters:check_inbox")
        if form.is_valid():
            actions.update_preferences(subscriber, **form.cleaned_data, ip=client_ip(request))
            saved = True
    else:
        form = PreferencesForm(
            subscriber=subscriber,
            initial={
                "lists": subscriber.lists.all(),
                "themes": subscriber.themes.all(),
                "series": subscriber.series.all(),
                "frequency": subscriber.frequency,
            },
        )
    context = {"form": form, "subscriber": subscriber, "token": token, "saved": saved}
    return _noindex(render(request, "newsletters/preferences.html", context))


# Exempt from CSRF because mail providers send the RFC 8058 one-click POST with no cookie
# or form token; the signed token in the URL is what authorises it. Not rate-limited per IP
# either: those POSTs come from a provider's few addresses on behalf of many readers.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if tokens.is_sample(token):
        # A test email's link: the pages a reader would see, and nothing unsubscribed.
        if request.method == "POST":
            if request.POST.get("List-Unsubscribe") == "One-Click":
                return HttpResponse("A test email: nobody was unsubscribed.\n", "text/plain")
            context = {"token": token, "sample": True}
            return _noindex(render(request, "newsletters/unsubscribed.html", context))
        context = {"token": token, "sample": True}
        return _noindex(render(request, "newsletters/unsubscribe.html", context))
    try:
        subscriber = tokens.read_token(token, tokens.PREFERENCES)
    except tokens.InvalidToken:
        return _invalid(request)
    if request.method == "POST":
        actions.unsubscribe_everything(subscriber, source="unsubscribe link", ip=client_ip(request))
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse("Unsubscribed.\n", content_type="text/plain")
        return _noindex(render(request, "newsletters/unsubscribed.html", {"token": token}))
    context = {"subscriber": subscriber, "token": token}
    return _noindex(render(request, "newsletters/unsubscribe.html", context))


def _sample_preferences(request, token):
    """A test email's preferences link: the reader's page with the public lists, saving
    nothing (the test went to an editor, not to anyone on the lists)."""
    form = PreferencesForm(request.POST or None, subscriber=None)
    tried = request.method == "POST" and form.is_valid()
    context = {"form": form, "token": token, "sample": True, "tried": tried}
    return _noindex(render(request, "newsletters/preferences.html", context))


def _broken_link(request):
    return _noindex(render(request, "newsletters/broken_link.html", status=400))


@never_cache
@require_http_methods(["GET", "HEAD"])
def click(request, token):
    """A link in a campaign: count it (a total per link, nobody named), then go on to the
    address the signed token holds, and only there."""
    try:
        campaign_id, url, count = tracking.read_click(token)
    except tracking.InvalidLink:
        return _broken_link(request)
    if count and request.method == "GET":
        tracking.record_click(campaign_id, url)
    response = HttpResponseRedirect(url)
    response["Referrer-Policy"] = "no-referrer"  # the destination learns nothing of the email
    return response


# A transparent 1x1 GIF.
_PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@never_cache
@require_http_methods(["GET", "HEAD"])
def opened(request, token):
    """The open-counting image (PENINSULA_NEWSLETTER_TRACK_OPENS): one more load, in total."""
    try:
        campaign_id = tracking.read_campaign_token(token, tracking.OPEN)
    except tracking.InvalidLink:
        return HttpResponse(_PIXEL, content_type="image/gif", status=404)
    if request.method == "GET":
        tracking.record_open(campaign_id)
    return HttpResponse(_PIXEL, content_type="image/gif")


@require_http_methods(["GET", "HEAD"])
def web_version(request, token):
    """ "View in browser": the campaign as emailed (as it was frozen for sending), public to
    whoever holds the signed address, with nobody's own links in it."""
    from peninsula.newsletters.emails import render_campaign
    from peninsula.newsletters.models import Campaign

    try:
        campaign = Campaign.objects.filter(
            pk=tracking.read_campaign_token(token, tracking.WEB)
        ).first()
    except tracking.InvalidLink:
        campaign = None
    if campaign is None:
        return _broken_link(request)
    page = campaign.rendered_html or render_campaign(campaign, base_url(request)).html
    page = tracking.for_the_browser(page, request.build_absolute_uri(reverse("subscribe")))
    response = HttpResponse(page)
    # Its own policy: the email's styles are inline attributes (mail programs read nothing
    # else), which the site's policy refuses; no script at all.
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response
