"""Refuse a form POST that a browser sends from another site.

The footer sign-up box carries no CSRF token (a token would make every page personal and
uncacheable), so its endpoint checks where the POST comes from instead, as browsers say
it: the Origin header, else Sec-Fetch-Site, else the Referer. Another site's page could
otherwise have each of its visitors' browsers sign up an address, from as many addresses
as it has visitors, past any per-address rate limit.

A POST with none of these headers is allowed: every current browser sends Origin (or
Sec-Fetch-Site) with a form POST, so such a request comes from a script or a command-line
client, which is no forgery of anyone's browser, and is bound by the same rate limit and
double opt-in as the form.
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseForbidden


def own_origins(request) -> set[str]:
    """This site's origin as the request reached it, and CSRF_TRUSTED_ORIGINS."""
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def is_cross_site(request) -> bool:
    if origin := request.headers.get("Origin"):
        return origin not in own_origins(request)  # "null" (a sandboxed frame) included
    if fetch_site := request.headers.get("Sec-Fetch-Site"):
        return fetch_site not in ("same-origin", "none")
    if referer := request.headers.get("Referer"):
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" not in own_origins(request)
    return False


def same_site_posts_only(view):
    """Answer 403 to a POST another site's page made a browser send."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and is_cross_site(request):
            return HttpResponseForbidden(
                "Sign up on our own site: posts from other sites are refused.",
                content_type="text/plain",
            )
        return view(request, *args, **kwargs)

    return wrapper
