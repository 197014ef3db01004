"""Signed links: confirmation (single use, expires) and preferences/unsubscribe (in every email).

A token carries the subscriber's random key (never their row id, which would tell anyone
holding a link how many people have signed up), under Django's HMAC signature with a salt
per purpose: it cannot be forged without SECRET_KEY, a confirm token is no preferences
token, and a token only ever acts on the subscriber whose key it holds.

A confirmation link also carries the nonce of the one confirmation email it came in. The
nonce is cleared when the link is used and when the person unsubscribes, and replaced when
a newer confirmation goes out, so an old link can never subscribe anyone again.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare

from peninsula.newsletters.models import Subscriber

CONFIRM = "peninsula.newsletters.confirm"
PREFERENCES = "peninsula.newsletters.preferences"


class InvalidToken(Exception):
    pass


class ExpiredToken(InvalidToken):
    def __init__(self, subscriber=None):
        super().__init__("expired")
        self.subscriber = subscriber


class SpentToken(InvalidToken):
    """A genuine confirmation link that no longer works: used, superseded by a newer one,
    cancelled by unsubscribing, or from before links carried a nonce."""

    def __init__(self, subscriber=None):
        super().__init__("spent")
        self.subscriber = subscriber


# The key of the stand-in reader of test emails: their preference and unsubscribe links
# open the real pages in a mode that changes nothing. Real keys are 32 characters.
SAMPLE_KEY = "sample-reader"


def is_sample(token: str) -> bool:
    """True for a genuine (signed) preferences token of a test email's stand-in reader."""
    if not isinstance(token, str) or len(token) > 300:
        return False
    try:
        payload = signing.loads(token, salt=PREFERENCES)
    except (signing.BadSignature, ValueError, TypeError):
        return False
    return payload == ["p", SAMPLE_KEY]


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


def make_token(subscriber: Subscriber, purpose: str, extra=None) -> str:
    """`extra` rides along under the signature (a confirm link carries the lists asked for)."""
    if purpose == CONFIRM:
        payload = ["c", subscriber.key, subscriber.confirm_nonce, extra]
    else:
        payload = ["p", subscriber.key]
    return signing.dumps(payload, salt=purpose, compress=True)


def read_token(token: str, purpose: str) -> Subscriber:
    """The subscriber a token names. Raises InvalidToken (or a subclass)."""
    return read_token_with_extra(token, purpose)[0]


def read_token_with_extra(token: str, purpose: str):
    """(subscriber, extra); a confirm link's extra also holds its "nonce". Raises
    InvalidToken, ExpiredToken for an old confirm link, SpentToken for a spent one."""
    max_age = None
    if purpose == CONFIRM:
        max_age = settings.PENINSULA_NEWSLETTER_CONFIRM_DAYS * 86400
    if not isinstance(token, str) or len(token) > 300:
        raise InvalidToken("malformed")
    try:
        payload = signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        payload = _unsigned_payload(token, purpose)
        raise ExpiredToken(_subscriber_of(payload)) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidToken("bad signature") from None
    subscriber = _subscriber_of(payload)
    if subscriber is None:
        raise InvalidToken("unknown subscriber")
    if purpose != CONFIRM:
        return subscriber, None
    if payload[0] != "c" or len(payload) != 4:
        raise SpentToken(subscriber)  # a link from before confirmations were single-use
    nonce, extra = payload[2], payload[3]
    if not isinstance(extra, dict):
        raise InvalidToken("no lists")
    current = subscriber.confirm_nonce
    if not (isinstance(nonce, str) and current and constant_time_compare(current, nonce)):
        raise SpentToken(subscriber)
    return subscriber, {**extra, "nonce": nonce}


def _unsigned_payload(token, purpose):
    # The signature was valid (only the age failed), so the payload is trustworthy.
    try:
        return signing.loads(token, salt=purpose, max_age=None)
    except (signing.BadSignature, ValueError):
        return None


def _subscriber_of(payload):
    """The subscriber a verified payload names, or None.

    ["c", key, nonce, extra] and ["p", key] are today's forms; [pk, key, extra] is the form
    emails sent before this change carry, still honoured so their unsubscribe links work.
    """
    if not isinstance(payload, list) or not payload:
        return None
    if payload[0] in ("c", "p") and len(payload) >= 2 and isinstance(payload[1], str):
        return Subscriber.objects.filter(key=payload[1]).first()
    if len(payload) == 3 and isinstance(payload[0], int) and isinstance(payload[1], str):
        subscriber = Subscriber.objects.filter(pk=payload[0]).first()
        if subscriber is not None and constant_time_compare(subscriber.key, payload[1]):
            return subscriber
    return None


def read_expired_extra(token: str) -> dict:
    """The lists an expired (but genuine) confirm link asked for, to send a fresh link."""
    payload = _unsigned_payload(token, CONFIRM)
    extra = payload[-1] if isinstance(payload, list) and payload else None
    extra = extra if isinstance(extra, dict) else {}
    return {
        "lists": [pk for pk in extra.get("lists") or [] if isinstance(pk, int)],
        "series": [pk for pk in extra.get("series") or [] if isinstance(pk, int)],
    }
