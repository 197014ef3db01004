"""Reading delivery status notifications (RFC 3464) from the bounce mailbox.

A DSN is a multipart/report; report-type=delivery-status message whose second part holds
one block of fields per recipient. 'Action: failed' with a 5.x.x status is a hard bounce,
with 4.x.x a soft one; 'delayed', 'delivered', 'relayed' and 'expanded' are not bounces.
The Message-ID of the message that bounced is in the third part (the returned headers),
which lets the campaign report mark that one delivery as bounced.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import Message


@dataclass
class Bounce:
    recipient: str
    kind: str  # "hard" or "soft"
    status: str
    diagnostic: str
    message_id: str


def _fields(block) -> dict[str, str]:
    if isinstance(block, Message):
        return {key.lower(): str(value) for key, value in block.items()}
    return {}


def _address(value: str) -> str:
    # "rfc822; someone@example.org"
    return value.split(";", 1)[-1].strip().strip("<>").lower()


def parse_dsn(raw: bytes) -> list[Bounce]:
    """The bounces a message reports, or [] if it is not a delivery status notification."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    if message.get_content_type() != "multipart/report":
        return []
    if (message.get_param("report-type") or "").lower() != "delivery-status":
        return []
    status_part = original_id = None
    for part in message.get_payload():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            status_part = part
        elif kind in {"text/rfc822-headers", "message/rfc822"}:
            original_id = _original_message_id(part)
    if status_part is None:
        return []
    # The first block describes the message as a whole; the rest, one recipient each.
    blocks = status_part.get_payload()
    if not isinstance(blocks, list):
        return []
    bounces = []
    for block in blocks[1:]:
        fields = _fields(block)
        action = fields.get("action", "").strip().lower()
        status = fields.get("status", "").strip()
        recipient = _address(fields.get("final-recipient") or fields.get("original-recipient", ""))
        if action != "failed" or not recipient:
            continue
        kind = "soft" if status.startswith("4") else "hard"
        diagnostic = fields.get("diagnostic-code", "").split(";", 1)[-1].strip()
        bounces.append(Bounce(recipient, kind, status, diagnostic, original_id or ""))
    return bounces


def _original_message_id(part) -> str | None:
    payload = part.get_payload()
    if isinstance(payload, list) and payload:
        headers = payload[0]
    elif isinstance(payload, str):
        headers = email.message_from_string(payload)
    else:
        return None
    value = headers.get("Message-ID")
    return str(value).strip().strip("<>") if value else None
