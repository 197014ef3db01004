"""Log output for operators: JSON lines for log shippers, and one line for a mail failure.

Configured by LOG_LEVEL and LOG_FORMAT (peninsula.settings.environment.logging_config).
"""

from __future__ import annotations

import datetime
import json
import logging
import smtplib
import socket

# Attributes every LogRecord has; anything else was passed with `extra=` and is kept.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JSONFormatter(logging.Formatter):
    """One JSON object per line: timestamp (UTC, ISO 8601), level, logger, message, and
    exc_info as the formatted traceback text when there is one.

    Written here rather than taken from python-json-logger: the format is a dozen lines,
    and a fixed set of keys is what log shippers' parsing rules are written against."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "timestamp": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc_info"] = record.exc_text
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry:
                entry[key] = value
        # default=str: an extra value JSON cannot hold (a model, a date) is logged as text
        # rather than losing the whole line.
        return json.dumps(entry, default=str, ensure_ascii=False)


# Errors of the mail transport: the SMTP server refused, is down or is unreachable.
MAIL_ERRORS = (smtplib.SMTPException, OSError, socket.timeout)


class MailFailureFilter(logging.Filter):
    """Turn "could not send this email" errors into one warning line.

    Wagtail's moderation and workflow notifications (logger "wagtail.admin") and Django's
    password reset (logger "django.contrib.auth") log a full traceback at ERROR level when
    the mail server is unreachable, once for each editor's action: an outage would fill the
    log with identical tracebacks that say nothing an operator can act on beyond "mail is
    down". Other errors on those loggers pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info or not isinstance(record.exc_info[1], MAIL_ERRORS):
            return True
        error = record.exc_info[1]
        reason = f"{type(error).__name__}: {error}".strip().rstrip(":")
        record.msg = f"{record.getMessage()} ({reason}); check the email settings (EMAIL_URL)"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        return True
