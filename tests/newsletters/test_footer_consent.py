"""The sign-up box on every page ticks no list for the reader: consent is their own tick,
as on /subscribe/, and a sign-up with no list ticked is refused with a message."""

import pytest
from bs4 import BeautifulSoup

from peninsula.newsletters.models import MailingList, Subscriber

pytestmark = pytest.mark.django_db


def test_no_list_is_ticked_in_the_footer_box(client, institute):
    MailingList.objects.get_or_create(name="Weekly briefing", public=True)
    MailingList.objects.get_or_create(name="Event invitations", public=True)
    box = BeautifulSoup(client.get("/").content, "html.parser").select_one(".subscribe__form")
    boxes = box.select("input[type=checkbox][name=lists]")
    assert len(boxes) == MailingList.objects.filter(public=True).count() >= 2
    assert not [b for b in boxes if b.has_attr("checked")]


def test_signing_up_without_ticking_a_list_is_refused(client, institute):
    MailingList.objects.get_or_create(name="Weekly briefing", public=True)
    response = client.post(
        "/newsletters/sign-up/", {"email": "reader@example.org", "name": "A Reader"}
    )
    assert response.status_code == 200
    assert b"Choose at least one list." in response.content
    assert not Subscriber.objects.exists()
