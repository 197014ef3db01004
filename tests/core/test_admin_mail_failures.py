"""Admin emails with the mail server down: one warning line each, never a traceback or an
error page. The server is an SMTP port on loopback that nothing listens on."""

import logging
import socket

import pytest
from django.urls import reverse
from wagtail.admin.mail import WorkflowStateSubmissionEmailNotifier
from wagtail.admin.views.pages import edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_down(settings):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("ed", "ed@example.org", "pw-for-ed")


def _one_warning(caplog, logger):
    records = [record for record in caplog.records if record.name == logger]
    assert len(records) == 1, [record.getMessage() for record in records]
    [record] = records
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and record.exc_text is None
    assert "ConnectionRefusedError" in record.getMessage()
    assert "EMAIL_URL" in record.getMessage()
    assert "Traceback" not in caplog.text
    return record.getMessage()


def test_password_reset_with_mail_down_is_one_warning(client, mail_down, editor, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.post(reverse("wagtailadmin_password_reset"), {"email": editor.email})
    assert response.status_code == 302  # the person is told to check their inbox, as usual
    message = _one_warning(caplog, "django.contrib.auth")
    assert message.startswith("Failed to send password reset email")


def test_workflow_notification_with_mail_down_is_one_warning(mail_down, editor, caplog):
    with caplog.at_level(logging.WARNING):
        sent = WorkflowStateSubmissionEmailNotifier().send_emails({}, {}, [editor])
    assert sent is False
    message = _one_warning(caplog, "wagtail.admin")
    assert message.startswith("Mail connection error, notification sending skipped")


def test_comment_notification_with_mail_down_is_one_warning_not_an_error(mail_down, editor, caplog):
    """Wagtail opens this connection outside its error handling; without
    peninsula.core.admin_mail the page editor's save would fail with a server error."""
    with caplog.at_level(logging.WARNING):
        sent = edit.send_notification([editor], "updated_comments", {})
    assert sent is False
    message = _one_warning(caplog, "wagtail.admin")
    assert "updated_comments notification not sent" in message


def test_other_errors_on_those_loggers_keep_their_traceback(caplog):
    with caplog.at_level(logging.WARNING):
        try:
            raise ValueError("a bug, not the mail server")
        except ValueError:
            logging.getLogger("wagtail.admin").exception("Something else broke")
    [record] = caplog.records
    assert record.levelno == logging.ERROR and record.exc_info is not None
