"""Settings for the test suite: a throwaway data directory, fast hashing, no outside calls."""

import os
import tempfile

# Before base reads them: tests never touch a real installation's data.
os.environ.setdefault("PENINSULA_DATA_DIR", tempfile.mkdtemp(prefix="peninsula-test-"))
os.environ.setdefault("SECRET_KEY", "peninsula-tests-only")

from .base import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "purge"],
    }
}
WAGTAILADMIN_BASE_URL = "http://testserver"
PENINSULA_BASE_URL = "http://testserver"  # tests of the fallbacks override it with ""
PENINSULA_SERVED_URL = ""
# Whatever CACHE_URL the shell has: each test process keeps its cache to itself.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "peninsula",
    },
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "peninsula-renditions",
    },
}
PENINSULA_NEWSLETTER_RETRY_SECONDS = 0.2
PENINSULA_NEWSLETTER_MAX_RETRY_WAIT = 10
PENINSULA_NEWSLETTER_RESEND_MINUTES = 0
ANYMAIL = {"WEBHOOK_SECRET": "tests:webhook-secret"}
# Django's test client signs in without a request, which django-axes refuses; the sign-in
# throttling tests turn it back on (tests/security/test_login_throttling.py).
AXES_ENABLED = False
