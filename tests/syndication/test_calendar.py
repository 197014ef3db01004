"""iCalendar files parse with the icalendar library and put events at the right instant."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests import factories


def calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.content
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    return icalendar.Calendar.from_ical(response.content)


def test_event_file_has_the_event_at_its_local_time(client, content):
    event = content["event"]
    parsed = calendar(client, f"/feeds/events/{event.pk}.ics")
    assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
    [vevent] = parsed.walk("VEVENT")
    start = vevent.decoded("DTSTART")
    # 9:30 on the clock in Seoul is 00:30 UTC.
    assert start == datetime.datetime(2030, 5, 14, 9, 30, tzinfo=ZoneInfo("Asia/Seoul"))
    assert start.utcoffset() == datetime.timedelta(0)
    assert vevent.decoded("DTEND") == datetime.datetime(2030, 5, 14, 2, 0, tzinfo=datetime.UTC)
    assert str(vevent["SUMMARY"]) == "Seoul roundtable"
    assert str(vevent["LOCATION"]) == "Peninsula Institute conference room, 1 Sejong-daero Seoul"
    assert str(vevent["UID"]).startswith(str(event.translation_key))
    assert "KST (Asia/Seoul)" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == "http://testserver/events/seoul-roundtable/"


def test_all_day_events_are_dates(client, content):
    event = factories.EventPageFactory(
        title="Two-day conference, with commas; and semicolons",
        series=content["events"],
        start_time=None,
        end_time=None,
        end_date=datetime.date(2030, 5, 15),
        time_zone="America/New_York",
    )
    [vevent] = calendar(client, f"/feeds/events/{event.pk}.ics").walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.date(2030, 5, 14)
    assert vevent.decoded("DTEND") == datetime.date(2030, 5, 16)  # exclusive
    assert str(vevent["SUMMARY"]) == "Two-day conference, with commas; and semicolons"


def test_calendar_feed_lists_upcoming_events_soonest_first(client, content):
    events = content["events"]
    factories.EventPageFactory(
        title="Past event", series=events, start_date=datetime.date(2020, 1, 1)
    )
    factories.EventPageFactory(
        title="Sooner event",
        series=events,
        start_date=datetime.date(2029, 1, 1),
        time_zone="Europe/London",
    )
    factories.EventPageFactory(
        title="Draft event", series=events, start_date=datetime.date(2029, 6, 1), live=False
    )
    parsed = calendar(client, "/feeds/events.ics")
    summaries = [str(vevent["SUMMARY"]) for vevent in parsed.walk("VEVENT")]
    assert summaries == ["Sooner event", "Seoul roundtable"]
    london = parsed.walk("VEVENT")[0].decoded("DTSTART")
    assert london == datetime.datetime(2029, 1, 1, 9, 30, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize("summer", [True, False])
def test_daylight_saving_time_is_honoured(client, content, summer):
    day = datetime.date(2030, 7, 1) if summer else datetime.date(2030, 1, 15)
    event = factories.EventPageFactory(
        series=content["events"], start_date=day, time_zone="America/New_York"
    )
    [vevent] = calendar(client, f"/feeds/events/{event.pk}.ics").walk("VEVENT")
    expected_hour = 13 if summer else 14  # 9:30 EDT is 13:30 UTC, 9:30 EST is 14:30 UTC
    assert vevent.decoded("DTSTART").hour == expected_hour


def test_unknown_or_draft_events_are_404(client, content):
    draft = factories.EventPageFactory(series=content["events"], live=False)
    assert client.get(f"/feeds/events/{draft.pk}.ics").status_code == 404
    assert client.get(f"/feeds/events/{content['article'].pk}.ics").status_code == 404
