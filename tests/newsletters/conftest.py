import re
from urllib.parse import urlsplit

import pytest

from tests.newsletters.smtp import SMTPServer

LINK = re.compile(r"https?://[^\s\"<>]+")


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1, with Django's SMTP backend pointed at it."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        yield server


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (queued tasks) as the test's transaction never commits."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def lists(db):
    from peninsula.newsletters.models import MailingList

    return {item.name: item for item in MailingList.objects.all()}


def links_in(received, path_part: str) -> list[str]:
    """Links containing `path_part` in a received message's plain-text part."""
    text = received.message.get_body(("plain",)).get_content()
    return [url for url in LINK.findall(text) if path_part in url]


def path_of(url: str) -> str:
    return urlsplit(url).path
