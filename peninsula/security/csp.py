"""The Content-Security-Policy header: one strict policy, loosened only where it must be.

No nonces: a public page is kept by nginx or a CDN and sent unchanged to every reader, so
its policy must be the same for every response; the public site has no inline script.

The policy itself is the CONTENT_SECURITY_POLICY setting (django-csp). Two things cannot be
said there and are added per request:

- Media and static files served from another origin (object storage, a CDN): their origin
  is read from MEDIA_URL and STATIC_URL, wherever those end up being set.
- The Wagtail admin. Wagtail 8 still writes inline scripts into its editing pages (date
  pickers, choosers, inline panels: wagtail/wagtail#1288), each with different content, so
  neither hashes nor nonces can allow them; the admin behind its login therefore also gets
  'unsafe-inline' for scripts and styles, and may fetch Wagtail's release feed for its
  upgrade notice. The login page itself, the one admin page an
  attacker can reach, keeps the strict policy, as does every public page.
"""

from urllib.parse import urlsplit

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


def _origin(url: str) -> str | None:
    """The origin of an absolute (or scheme-relative) URL; None for a path on this site."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    return f"{parts.scheme or 'https'}://{parts.netloc}"


def _admin_needs_inline(request) -> bool:
    admin = reverse("wagtailadmin_home")
    path = request.path_info
    return path.startswith(admin) and not path.startswith(reverse("wagtailadmin_login"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        update = dict(parts.update or {})

        def add(directive, *sources):
            update[directive] = [*update.get(directive, ()), *sources]

        if origin := _origin(settings.MEDIA_URL):
            add("img-src", origin)
            add("media-src", origin)
        if origin := _origin(settings.STATIC_URL):
            for kind in ("script-src", "style-src", "font-src", "img-src"):
                add(kind, origin)
        if _admin_needs_inline(request):
            add("script-src", UNSAFE_INLINE)
            add("style-src", UNSAFE_INLINE)
            add("img-src", "blob:")  # previews of images chosen for upload
            # The dashboard's notice of a new Wagtail release (security fixes among them).
            add("connect-src", "https://releases.wagtail.org")
        parts.update = update or None
        return parts
