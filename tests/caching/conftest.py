# One of each publication type, as the syndication tests have it.
from tests.syndication.conftest import content  # noqa: F401
