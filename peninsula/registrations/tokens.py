"""The signed link in every registration email that lets its reader cancel.

The token is the registration's id signed with the site's secret (django.core.signing,
HMAC-SHA256) under a salt of its own, so it opens this registration and nothing else, and
a token made up or altered is refused. It does not expire: a place can be given up until
the event starts.
"""

from django.core import signing

_SALT = "peninsula.registrations.cancel"


def make_token(registration) -> str:
    return signing.dumps(registration.pk, salt=_SALT)


def read_token(token: str) -> int | None:
    """The registration id, or None for a forged or damaged token."""
    try:
        value = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
