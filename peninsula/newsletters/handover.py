"""Where a message stood when its sender died: before or after the dot that ends it.

An SMTP server takes a message only once it has read the final "." line; a connection that
drops before then leaves nothing behind. So the sender records 'handed_over' (committed)
just before it writes that dot. After a crash, a delivery still 'sending' provably never
reached the server and is queued again by the sweeper; one 'handed_over' reached it whole,
and only the server knows whether it kept it (a server may drop a message whose client
vanished before its answer): 'unconfirmed', for an editor, never resent on our own. With a
backend that is not SMTP (an HTTP API, say) there is no dot to watch: 'unconfirmed' too.
"""

import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend


def sees_final_dot(connection) -> bool:
    return isinstance(connection, SMTPBackend)


def configured_backend_sees_final_dot() -> bool:
    """For the sweeper, which judges what a dead sender (using this backend) left."""
    return sees_final_dot(get_connection(settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND))


def before_final_dot(connection, hook) -> None:
    """On an open SMTP connection, call `hook` after the next message's body is written
    and before its final dot; if `hook` raises, the dot is never written."""
    smtp = connection.connection
    smtp.data = lambda msg: _data(smtp, hook, msg)


def _data(smtp, hook, msg):
    # smtplib.SMTP.data, with the final dot written separately, after `hook`.
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    if isinstance(msg, str):
        msg = smtplib._fix_eols(msg).encode("ascii")
    body = smtplib._quote_periods(msg)
    if body[-2:] != smtplib.bCRLF:
        body += smtplib.bCRLF
    smtp.send(body)
    try:
        hook()
    except BaseException:
        smtp.close()  # no dot, no QUIT (mid-message it would be text): the server drops it
        raise
    smtp.send(b"." + smtplib.bCRLF)
    return smtp.getreply()


def abandon(connection) -> None:
    """Drop the socket without QUIT (which the server, mid-message, would take as text):
    the server discards the unfinished message."""
    smtp = getattr(connection, "connection", None)
    if smtp is not None:
        smtp.close()
        connection.connection = None
