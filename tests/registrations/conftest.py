import datetime

import pytest
from django.utils import timezone

from tests import factories


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    """The test client posts at once; tests of the fill time set it themselves."""
    settings.PENINSULA_FORM_MIN_SECONDS = 0


def soon(days=10):
    """A start date this many days from now, as an event's local date."""
    return (timezone.now() + datetime.timedelta(days=days)).date()


@pytest.fixture
def event(institute):
    """An upcoming event in Seoul taking registrations: two places and a waiting list."""
    series = factories.SeriesPageFactory(title="Events", slug="events")
    return factories.EventPageFactory(
        series=series,
        title="Roundtable: the alliance at seventy",
        start_date=soon(),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11, 0),
        takes_registrations=True,
        capacity=2,
        waiting_list=True,
    )
