"""Cache-Control on every response, and no session read for readers who have none."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.cache import cc_delim_re

from peninsula.caching.headers import make_private, make_public

# Statuses a shared cache may keep (RFC 9110 15.1, heuristically cacheable), bar 206 and 501.
_CACHEABLE_STATUSES = {200, 203, 204, 300, 301, 304, 404, 405, 410, 414}


def has_session_cookie(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class AnonymousReaderMiddleware:
    """A request with no session cookie is anonymous: say so without reading the session.

    Reading it (which `request.user` does, for the user bar among others) marks the
    session accessed, and Django's SessionMiddleware then adds `Vary: Cookie` to the
    response, which keeps a shared cache from serving one copy to every reader. Placed
    right after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not has_session_cookie(request):
            request.user = AnonymousUser()

            async def auser():
                return request.user

            request.auser = auser
        return self.get_response(request)


class CacheHeadersMiddleware:
    """Public, shared-cacheable headers for what every anonymous reader gets alike;
    never-cache headers for the rest.

    A response counts as the same for everyone when it answers a GET or HEAD from a
    request without a session cookie (editors log in, readers don't), sets no cookie and
    does not vary on Cookie. Anything else (the admin, previews, a form with a CSRF token,
    a POST) is private. A view that set Cache-Control itself is left as it chose, unless it
    said public while setting a cookie or varying on Cookie: that would hand one reader's
    cookie to the next, so it is made private. Placed first, so it sees the headers every
    other middleware added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        personal = _is_personal(response)
        if "Cache-Control" in response:
            if personal and _says_public(response):
                make_private(response)
        elif (
            request.method in ("GET", "HEAD")
            and response.status_code in _CACHEABLE_STATUSES
            and not personal
            and not has_session_cookie(request)
        ):
            make_public(response, request)
        else:
            make_private(response)
        return response


def _is_personal(response) -> bool:
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    return bool(response.cookies) or "cookie" in vary or "*" in vary


def _says_public(response) -> bool:
    """True unless Cache-Control keeps shared caches out (private or no-store)."""
    directives = cc_delim_re.split(response["Cache-Control"])
    names = {directive.split("=")[0].strip().lower() for directive in directives}
    return not names & {"private", "no-store"}
