"""Consent cannot be replayed or borrowed: confirmation links work once, stop working when
the person unsubscribes, and carry no row id; the confirmation email carries no text a
stranger typed into the sign-up form."""

import pytest
from django.core import signing

from peninsula.newsletters import tokens
from peninsula.newsletters.models import Subscriber
from tests.newsletters.conftest import links_in, path_of
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

PHISHING = "Your account is locked, log in at http://evil.example/login"


def sign_up(client, on_commit, lists, email="ana@example.org", **extra):
    data = {"email": email, "name": "Ana", "lists": [lists["Events"].pk], **extra}
    response = on_commit(client.post, "/subscribe/", data)
    assert response.status_code == 302
    return response


def confirm_link(smtp, email="ana@example.org"):
    return path_of(links_in(smtp.to(email)[-1], "/newsletters/confirm/")[0])


def unsubscribe(client, subscriber):
    token = tokens.make_token(subscriber, tokens.PREFERENCES)
    assert client.post(f"/newsletters/unsubscribe/{token}/").status_code == 200


def test_a_replayed_confirmation_link_never_resubscribes_someone_who_left(
    client, smtp, on_commit, lists
):
    sign_up(client, on_commit, lists)
    link = confirm_link(smtp)
    assert b"You are subscribed" in client.post(link).content
    subscriber = Subscriber.objects.get()
    unsubscribe(client, subscriber)

    for method in (client.get, client.post):
        page = method(link)
        assert page.status_code == 410
        assert b"sign up again" in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not subscriber.lists.exists()
    assert [c.action for c in subscriber.consents.all()][-1] == "unsubscribe"


def test_an_unused_confirmation_link_dies_when_the_person_unsubscribes(
    client, smtp, on_commit, lists
):
    """A reader asks for a second list, then unsubscribes before clicking: the link
    waiting in their inbox must not bring them back."""
    subscriber = SubscriberFactory(email="ana@example.org", lists=[lists["Institute updates"]])
    sign_up(client, on_commit, lists)
    link = confirm_link(smtp)
    unsubscribe(client, subscriber)
    assert client.post(link).status_code == 410
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not subscriber.lists.exists()


def test_a_confirmation_link_works_once_and_only_the_newest_one(
    client, smtp, on_commit, lists, settings
):
    settings.PENINSULA_NEWSLETTER_RESEND_MINUTES = 0
    sign_up(client, on_commit, lists)
    first = confirm_link(smtp)
    sign_up(client, on_commit, lists)
    second = confirm_link(smtp)
    assert first != second
    assert client.post(first).status_code == 410  # superseded
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert b"You are subscribed" in client.post(second).content
    used = client.post(second)
    assert used.status_code == 410
    assert b"already confirmed" in used.content
    assert Subscriber.objects.get().consents.filter(action="confirm").count() == 1


def test_the_confirmation_email_carries_no_text_a_stranger_typed(client, smtp, on_commit, lists):
    sign_up(client, on_commit, lists, email="victim@example.org", name=PHISHING)
    [message] = smtp.to("victim@example.org")
    for part in ("plain", "html"):
        body = message.message.get_body((part,)).get_content()
        assert "evil.example" not in body and "locked" not in body
    assert "evil.example" not in message.message["Subject"]


def test_links_carry_no_subscriber_id(client, smtp, on_commit, lists):
    sign_up(client, on_commit, lists)
    subscriber = Subscriber.objects.get()
    confirm = confirm_link(smtp).rstrip("/").rsplit("/", 1)[-1]
    payloads = [
        signing.loads(confirm, salt=tokens.CONFIRM),
        signing.loads(tokens.make_token(subscriber, tokens.PREFERENCES), salt=tokens.PREFERENCES),
    ]
    for payload in payloads:
        assert subscriber.pk not in payload
        assert not any(isinstance(value, int) for value in payload)
        assert subscriber.key in payload


def test_links_from_older_emails_fail_safely_or_keep_unsubscribing(client, lists):
    """Links minted before this change named the row id. A confirmation link of that kind
    gets the clear 'no longer works' page and changes nothing; an unsubscribe link from an
    old newsletter still unsubscribes (the law expects it to keep working)."""
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING)
    old_confirm = signing.dumps(
        [subscriber.pk, subscriber.key, {"lists": [lists["Events"].pk]}],
        salt=tokens.CONFIRM,
        compress=True,
    )
    page = client.post(f"/newsletters/confirm/{old_confirm}/")
    assert page.status_code == 410
    assert b"no longer works" in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    active = SubscriberFactory(lists=[lists["Events"]])
    old_unsubscribe = signing.dumps(
        [active.pk, active.key, None], salt=tokens.PREFERENCES, compress=True
    )
    assert client.post(f"/newsletters/unsubscribe/{old_unsubscribe}/").status_code == 200
    active.refresh_from_db()
    assert active.status == Subscriber.Status.UNSUBSCRIBED


def test_an_old_preferences_link_rejoins_only_through_a_fresh_confirmation(
    client, smtp, on_commit, lists
):
    subscriber = SubscriberFactory(email="ana@example.org", lists=[lists["Events"]])
    unsubscribe(client, subscriber)
    token = tokens.make_token(subscriber, tokens.PREFERENCES)
    data = {"lists": [lists["Events"].pk], "frequency": "none"}
    response = on_commit(client.post, f"/newsletters/preferences/{token}/", data)
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not subscriber.lists.exists()
    assert b"You are subscribed" in client.post(confirm_link(smtp)).content
    assert set(subscriber.lists.values_list("name", flat=True)) == {"Events"}
