"""Wagtail's comment notifications, made to survive a mail server that is down.

Wagtail's page editor sends "new comments" emails through wagtail.admin.mail.
send_notification, which opens the mail connection outside its own error handling: with the
SMTP server unreachable, saving a page with a new comment fails with a server error. The
other admin emails (workflow notifications, password reset) already catch the error and log
it, which peninsula.core.logging.MailFailureFilter turns into one warning line.
"""

from __future__ import annotations

import functools
import logging

from peninsula.core.logging import MAIL_ERRORS

logger = logging.getLogger("wagtail.admin")


def _logged_not_raised(send_notification):
    @functools.wraps(send_notification)
    def wrapper(recipient_users, notification, extra_context):
        try:
            return send_notification(recipient_users, notification, extra_context)
        except MAIL_ERRORS as error:
            logger.warning(
                "Mail connection error, %s notification not sent (%s: %s); check the email "
                "settings (EMAIL_URL)",
                notification,
                type(error).__name__,
                error,
            )
            return False

    wrapper.peninsula_wrapped = True
    return wrapper


def install() -> None:
    """Wrap the function where the page editor looks it up (its module's own name)."""
    from wagtail.admin.views.pages import edit

    if not getattr(edit.send_notification, "peninsula_wrapped", False):
        edit.send_notification = _logged_not_raised(edit.send_notification)
