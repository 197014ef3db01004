"""Sign-up with double opt-in, end to end through a real SMTP server on loopback."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from peninsula.newsletters.models import ConsentRecord, Subscriber
from tests.newsletters.conftest import links_in, path_of

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def sign_up(client, on_commit, all_lists, email="ana@example.org", **extra):
    data = {"email": email, "name": "Ana Lima", "organisation": "Harbour Bank", **extra}
    data.setdefault("lists", [all_lists["Institute updates"].pk, all_lists["Events"].pk])
    return on_commit(client.post, "/subscribe/", data, REMOTE_ADDR="203.0.113.9")


def test_sign_up_sends_a_confirmation_and_nothing_else_until_confirmed(
    client, smtp, on_commit, lists, institute
):
    response = sign_up(client, on_commit, lists)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    subscriber = Subscriber.objects.get(email="ana@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert not subscriber.lists.exists()  # lists are joined only on confirmation

    [message] = smtp.to("ana@example.org")
    assert "confirm" in message.message["Subject"].lower()
    assert message.message.get_body(("html",)) is not None
    [link] = links_in(message, "/newsletters/confirm/")
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.PENDING

    confirmed = client.post(path_of(link), REMOTE_ADDR="198.51.100.7")
    assert b"You are subscribed" in confirmed.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert set(subscriber.lists.values_list("name", flat=True)) == {"Institute updates", "Events"}
    consent = ConsentRecord.objects.filter(subscriber=subscriber)
    assert [(c.action, c.ip) for c in consent] == [
        ("signup", "203.0.113.9"),
        ("confirm", "198.51.100.7"),
    ]
    assert "Institute updates" in consent[0].detail

    again = client.post(path_of(link))  # links work once (tests/newsletters/test_consent_links.py)
    assert again.status_code == 410 and b"already confirmed" in again.content


def test_the_answer_never_reveals_whether_an_address_is_known(
    client, smtp, on_commit, lists, institute
):
    from tests.newsletters.factories import SubscriberFactory

    SubscriberFactory(email="known@example.org", lists=[lists["Events"]])
    known = sign_up(client, on_commit, lists, email="known@example.org")
    unknown = sign_up(client, on_commit, lists, email="nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    first, second = client.get(known["Location"]), client.get(unknown["Location"])
    # The same page byte for byte, once the per-render CSRF mask is set aside.
    assert CSRF.sub(b"", first.content) == CSRF.sub(b"", second.content)
    # The known, confirmed address still has to confirm the new list by email.
    [message] = smtp.to("known@example.org")
    assert "already on our mailing list" in message.message.get_body(("plain",)).get_content()
    known_subscriber = Subscriber.objects.get(email="known@example.org")
    assert list(known_subscriber.lists.values_list("name", flat=True)) == ["Events"]


def test_repeated_sign_ups_do_not_flood_the_inbox(client, smtp, on_commit, lists, settings):
    settings.PENINSULA_NEWSLETTER_RESEND_MINUTES = 5
    for _ in range(3):
        assert sign_up(client, on_commit, lists).status_code == 302
    assert len(smtp.to("ana@example.org")) == 1
    assert Subscriber.objects.filter(email="ana@example.org").count() == 1


def test_expired_link_gets_a_friendly_page_and_a_fresh_link(
    client, smtp, on_commit, lists, settings, monkeypatch
):
    sign_up(client, on_commit, lists)
    [link] = links_in(smtp.to("ana@example.org")[0], "/confirm/")
    later = datetime.datetime.now() + datetime.timedelta(days=8)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    page = client.get(path_of(link))
    assert page.status_code == 410
    assert b"This link has expired" in page.content
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    on_commit(client.post, path_of(link))
    monkeypatch.undo()
    fresh = links_in(smtp.to("ana@example.org")[-1], "/confirm/")[0]
    assert fresh != link
    assert b"You are subscribed" in client.post(path_of(fresh)).content


def test_invalid_sign_ups_are_explained_and_store_nothing(client, smtp, on_commit, lists):
    bad = [
        {"email": "not-an-address", "name": "X", "lists": [lists["Events"].pk]},
        {"email": "a@example.org", "name": "X", "lists": []},
        {"email": "a@example.org", "name": "X", "lists": [999999]},
        {"email": "a@example.org", "name": "", "lists": [lists["Events"].pk]},
        {"email": "a" * 300 + "@example.org", "name": "X", "lists": [lists["Events"].pk]},
    ]
    for data in bad:
        response = on_commit(client.post, "/subscribe/", data)
        assert response.status_code == 200
        assert BeautifulSoup(response.content, "html.parser").select_one(".form-errors")
    assert not Subscriber.objects.exists()
    assert smtp.received == []


def test_private_lists_cannot_be_joined_from_the_form(client, smtp, on_commit, lists):
    from tests.newsletters.factories import MailingListFactory

    private = MailingListFactory(name="Board", public=False)
    response = sign_up(client, on_commit, lists, lists=[private.pk])
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_every_page_has_the_sign_up_box_and_series_pages_follow_the_series(
    client, series, lists, smtp, on_commit
):
    home = BeautifulSoup(client.get("/").content, "html.parser").select_one(".subscribe form")
    names = {field["name"] for field in home.select("input")}
    assert {"email", "name", "organisation", "lists"} <= names
    # No CSRF token: the box posts to the token-free sign-up endpoint (docs/caching.md).
    assert "csrfmiddlewaretoken" not in names
    assert home["action"] == "/newsletters/sign-up/"
    assert "Institute updates" in home.get_text()
    page = BeautifulSoup(client.get(series.url).content, "html.parser")
    box = page.select_one(".subscribe form")
    assert box.select_one("input[name=series]")["value"] == str(series.pk)
    data = {i["name"]: i.get("value", "") for i in box.select("input[type=hidden]")}
    data |= {"email": "s@example.org", "name": "S", "lists": [lists["Events"].pk]}
    on_commit(client.post, box["action"], data)
    [link] = links_in(smtp.to("s@example.org")[0], "/confirm/")
    client.post(path_of(link))
    subscriber = Subscriber.objects.get(email="s@example.org")
    assert list(subscriber.series.all()) == [series]
    assert subscriber.frequency == Subscriber.Frequency.WEEKLY
    assert subscriber.consents.first().source == "series: The Peninsula"
