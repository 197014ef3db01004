"""Signed links: confirmation (expires) and preferences/unsubscribe (in every email).

A token names one subscriber and carries that subscriber's random key, both under Django's
HMAC signature with a salt per purpose: it cannot be forged without SECRET_KEY, a confirm
token is no preferences token, and a token only ever acts on the subscriber it names.
"""

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


def make_token(subscriber: Subscriber, purpose: str, extra=None) -> str:
    """`extra` rides along under the signature (a confirm link carries the lists asked for)."""
    return signing.dumps([subscriber.pk, subscriber.key, extra], salt=purpose, compress=True)


def read_token(token: str, purpose: str) -> Subscriber:
    """The subscriber a token names. Raises InvalidToken (or ExpiredToken for old confirms)."""
    return read_token_with_extra(token, purpose)[0]


def read_token_with_extra(token: str, purpose: str):
    """(subscriber, extra). Raises InvalidToken, or ExpiredToken for an old confirm link."""
    max_age = None
    if purpose == CONFIRM:
        max_age = settings.PENINSULA_NEWSLETTER_CONFIRM_DAYS * 86400
    if not isinstance(token, str) or len(token) > 300:
        raise InvalidToken("malformed")
    try:
        pk, key, extra = signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        payload = _unsigned_payload(token, purpose)
        raise ExpiredToken(_lookup(*payload[:2]) if payload else None) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidToken("bad signature") from None
    subscriber = _lookup(pk, key)
    if subscriber is None:
        raise InvalidToken("unknown subscriber")
    return subscriber, extra


def _unsigned_payload(token, purpose):
    # The signature was valid (only the age failed), so the payload is trustworthy.
    try:
        payload = signing.loads(token, salt=purpose, max_age=None)
    except (signing.BadSignature, ValueError):
        return None
    return payload if isinstance(payload, list) and len(payload) == 3 else None


def _lookup(pk, key):
    if not isinstance(pk, int) or not isinstance(key, str):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or not constant_time_compare(subscriber.key, key):
        return None
    return subscriber


def read_expired_extra(token: str) -> dict:
    """The lists an expired (but genuine) confirm link asked for, to send a fresh link."""
    payload = _unsigned_payload(token, CONFIRM)
    extra = payload[2] if payload and isinstance(payload[2], dict) else {}
    return {
        "lists": [pk for pk in extra.get("lists") or [] if isinstance(pk, int)],
        "series": [pk for pk in extra.get("series") or [] if isinstance(pk, int)],
    }
