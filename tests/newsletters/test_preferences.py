"""The preference centre, one-click unsubscribe (RFC 8058), and the tokens behind them."""

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.test import Client

from peninsula.newsletters import tokens
from peninsula.newsletters.models import Delivery, Subscriber
from tests import factories
from tests.newsletters.factories import CampaignFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def prefs_path(subscriber):
    return f"/newsletters/preferences/{tokens.make_token(subscriber, tokens.PREFERENCES)}/"


def unsubscribe_path(subscriber):
    return f"/newsletters/unsubscribe/{tokens.make_token(subscriber, tokens.PREFERENCES)}/"


def test_preference_centre_changes_lists_themes_series_and_frequency(client, lists, series):
    theme = factories.ThemeFactory(name="Security")
    subscriber = SubscriberFactory(lists=[lists["Events"]])
    page = client.get(prefs_path(subscriber))
    assert page.status_code == 200 and subscriber.email.encode() in page.content
    response = client.post(
        prefs_path(subscriber),
        {
            "lists": [lists["Weekly brief"].pk],
            "themes": [theme.pk],
            "series": [series.pk],
            "frequency": "as_published",
        },
    )
    assert b"Your choices are saved." in response.content
    subscriber.refresh_from_db()
    assert list(subscriber.lists.all()) == [lists["Weekly brief"]]
    assert list(subscriber.themes.all()) == [theme]
    assert list(subscriber.series.all()) == [series]
    assert subscriber.frequency == "as_published"
    assert subscriber.consents.last().action == "preferences"


def test_unsubscribe_from_everything_stops_queued_mail_at_once(client, lists):
    subscriber = SubscriberFactory(lists=[lists["Events"], lists["Weekly brief"]])
    campaign = CampaignFactory(lists=[lists["Events"]])
    from peninsula.newsletters.models import Batch

    batch = Batch.objects.create(campaign=campaign)
    delivery = Delivery.objects.create(
        campaign=campaign, batch=batch, subscriber=subscriber, email=subscriber.email
    )
    assert b"Unsubscribe from everything" in client.get(unsubscribe_path(subscriber)).content
    response = client.post(unsubscribe_path(subscriber))
    assert b"You are unsubscribed" in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not subscriber.lists.exists()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.UNSUBSCRIBED


def test_one_click_unsubscribe_needs_no_cookie_or_csrf_token(lists):
    """RFC 8058: the mail provider POSTs 'List-Unsubscribe=One-Click' and nothing else."""
    subscriber = SubscriberFactory(lists=[lists["Events"]])
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        unsubscribe_path(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_preference_and_sign_up_forms_are_protected_against_csrf(lists):
    subscriber = SubscriberFactory(lists=[lists["Events"]])
    attacker = Client(enforce_csrf_checks=True)
    forged = attacker.post(prefs_path(subscriber), {"lists": [], "frequency": "none"})
    assert forged.status_code == 403
    assert subscriber.lists.count() == 1
    data = {"email": "x@example.org", "name": "X", "lists": [lists["Events"].pk]}
    assert attacker.post("/subscribe/", data).status_code == 403
    assert not Subscriber.objects.filter(email="x@example.org").exists()


def forged_tokens(victim, attacker):
    """Every way we could think of to reach `victim` without their own link."""
    genuine = tokens.make_token(attacker, tokens.PREFERENCES)
    payload, timestamp_and_sig = genuine.split(":", 1)
    return [
        # Another subscriber's id under the attacker's signature.
        signing.b64_encode(f'[{victim.pk},"{attacker.key}",null]'.encode()).decode()
        + ":"
        + timestamp_and_sig,
        # A correctly signed token, but with the wrong key for the victim.
        signing.dumps([victim.pk, attacker.key, None], salt=tokens.PREFERENCES),
        # Signed with another secret, or for another purpose.
        signing.dumps([victim.pk, victim.key, None], salt=tokens.PREFERENCES, key="guessed"),
        tokens.make_token(victim, tokens.CONFIRM),
        # Guesses and junk.
        str(victim.pk),
        victim.email,
        "A" * 299,
        genuine[:-1] + ("A" if genuine[-1] != "A" else "B"),
        "",
    ]


@pytest.mark.parametrize("view", ["preferences", "unsubscribe", "confirm"])
def test_forged_guessed_or_borrowed_tokens_act_on_nobody(client, lists, view):
    victim = SubscriberFactory(lists=[lists["Events"]])
    attacker = SubscriberFactory(lists=[lists["Events"]])
    for token in forged_tokens(victim, attacker):
        if not token:
            continue
        response = client.post(f"/newsletters/{view}/{token}/", {"lists": [], "frequency": "none"})
        assert response.status_code in {400, 404}, token
        main = BeautifulSoup(response.content, "html.parser").select_one("main").get_text()
        assert "recognise this link" in main and victim.email not in main
    victim.refresh_from_db()
    attacker.refresh_from_db()
    assert victim.status == attacker.status == Subscriber.Status.ACTIVE
    assert victim.lists.count() == attacker.lists.count() == 1


def test_a_forgotten_persons_old_links_stop_working(client, lists):
    from peninsula.newsletters.actions import forget

    subscriber = SubscriberFactory(lists=[lists["Events"]])
    path = prefs_path(subscriber)
    forget(subscriber)
    assert client.get(path).status_code == 400


@pytest.mark.parametrize(
    "path", ["/subscribe/", "/newsletters/confirm/x/", "/newsletters/preferences/x/"]
)
def test_public_endpoints_are_rate_limited_per_ip(client, settings, path):
    settings.PENINSULA_NEWSLETTER_RATE_LIMIT = (3, 600)
    codes = [client.post(path, {}, REMOTE_ADDR="192.0.2.1").status_code for _ in range(4)]
    assert codes[:3] != [429] * 3 and codes[3] == 429
    assert client.post(path, {}, REMOTE_ADDR="192.0.2.2").status_code != 429
