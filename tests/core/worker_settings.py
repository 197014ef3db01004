"""Settings for the `peninsula worker` and `peninsula serve` processes tests/core starts.

The settings a user runs (base), on the database the test hands over in DATABASE_URL, plus:
SQLite's busy timeout as the test chooses (a lock held for a few seconds then outlasts it)
and mail to the test's loopback SMTP server.
"""

import os

from peninsula.settings.base import *  # noqa: F403
from peninsula.settings.base import DATABASES

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"]["timeout"] = float(os.environ["WORKER_TEST_DB_TIMEOUT"])

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("WORKER_TEST_SMTP_PORT", "25"))
EMAIL_TIMEOUT = 5
