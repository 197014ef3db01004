"""The address of the reader behind the proxies we run, for rate limits and login locks.

Each proxy in front of Peninsula (nginx, a load balancer, a CDN) appends the address it
received the request from to X-Forwarded-For. Only the entries our own proxies appended can
be believed: everything to their left was written by whoever sent the request. So with
PENINSULA_TRUSTED_PROXIES = N the reader is the Nth entry from the right, and a client that
forges the header only adds entries further left, which are never read.
"""

import ipaddress

from django.conf import settings


def _valid_ip(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443" from some proxies
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:51234": an IPv4 address with a port
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The reader's address: REMOTE_ADDR with no trusted proxies, else the address the
    outermost trusted proxy saw (the Nth X-Forwarded-For entry from the right). A header with
    fewer entries than proxies, or an entry that is not an IP address, falls back to
    REMOTE_ADDR: the request did not come the way the configuration says, so nothing in it
    is trusted."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR", "")) or "unknown"
    proxies = settings.PENINSULA_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    # Several X-Forwarded-For headers arrive joined with commas, as one list.
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return _valid_ip(hops[-proxies]) or remote
