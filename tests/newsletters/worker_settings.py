"""Settings for the worker processes the crash test starts and kills.

The test settings, plus: real SMTP to the test's loopback server, a real task backend
(the database one, or RQ on Redis) on a queue of the test's own, and short leases so a
killed sender's batch is picked up again within seconds.
"""

import os

from peninsula.settings.test import *  # noqa: F403
from peninsula.settings.test import INSTALLED_APPS

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["NEWSLETTER_TEST_SMTP_PORT"])
EMAIL_TIMEOUT = 5

QUEUE = os.environ["NEWSLETTER_TEST_QUEUE"]
PENINSULA_NEWSLETTER_QUEUE = QUEUE
if os.environ["NEWSLETTER_TEST_TASKS"] == "rq":
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    RQ_QUEUES = {"default": {"URL": redis_url}, QUEUE: {"URL": redis_url}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", QUEUE]}}
else:
    TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", QUEUE]}
    }

PENINSULA_NEWSLETTER_RATE = float(os.environ.get("NEWSLETTER_TEST_RATE", "150"))
PENINSULA_NEWSLETTER_CONCURRENCY = int(os.environ.get("NEWSLETTER_TEST_LANES", "2"))
PENINSULA_NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_TEST_BATCH", "25"))
PENINSULA_NEWSLETTER_LEASE_SECONDS = float(os.environ.get("NEWSLETTER_TEST_LEASE", "2"))
PENINSULA_NEWSLETTER_SWEEP_SECONDS = 0.5
