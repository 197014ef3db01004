"""Production: PostgreSQL, Redis (cache and task queue), secrets from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from . import environment
from .base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = _required("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    return default if not value else value in {"1", "true", "yes", "on"}


# HTTPS only: plain-HTTP requests are redirected (the proxy says which scheme the reader used
# in X-Forwarded-Proto), except the health checks a load balancer makes over plain HTTP.
SECURE_SSL_REDIRECT = _flag("PENINSULA_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/"]
# Browsers remember to use HTTPS for this long (default a year; 0 sends no header). Subdomains
# and the preload list are opt-in: both bind hosts beyond this site, for a long time.
SECURE_HSTS_SECONDS = int(os.environ.get("PENINSULA_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("PENINSULA_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _flag("PENINSULA_HSTS_PRELOAD", False)
# Production runs behind one proxy that appends to X-Forwarded-For (deploy/nginx), as the
# X-Forwarded-Proto trust above already assumes; with 0 every reader would share nginx's
# address in rate limits and sign-in locks.
PENINSULA_TRUSTED_PROXIES = int(os.environ.get("PENINSULA_TRUSTED_PROXIES", "1"))

PENINSULA_SERVE_MEDIA = os.environ.get("PENINSULA_SERVE_MEDIA", "") == "1"
# Web server and worker as separate processes (`peninsula serve`, `peninsula worker`).
PENINSULA_SERVE_WORKER = os.environ.get("PENINSULA_SERVE_WORKER", "0") == "1"

# collectstatic once at deploy time; hashed names let browsers cache for a year.
WHITENOISE_USE_FINDERS = False
# Media stay where base.py put them (the data directory, or object storage).
STORAGES = {
    "default": STORAGES["default"],  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = environment.logging_config(os.environ, default_level="INFO")

# The cache: CACHE_URL where set, else the Redis of REDIS_URL (also the task queue's).
for _name in ("CACHE_URL", "REDIS_URL"):
    if os.environ.get(_name):
        CACHES = environment.caches(os.environ[_name], _name)
        break
if REDIS_URL := os.environ.get("REDIS_URL"):
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # noqa: F405
    # "purge": front-end cache purges, served before "default" (peninsula.caching.purge).
    RQ_QUEUES = {"default": {"URL": REDIS_URL}, "purge": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "purge"]}}
