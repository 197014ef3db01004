"""Turning environment variables into Django settings.

Pure functions: each takes the environment as a mapping and returns settings values, so
they are unit-tested without touching os.environ (tests/core/test_settings_environment.py).
base.py and production.py call them with os.environ. A value that cannot be understood
raises ImproperlyConfigured naming the variable, at start-up rather than at the first email.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from email.utils import parseaddr
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={env[name]!r}: use 1 or 0 (or true/false, yes/no).")


def integer(env: Mapping[str, str], name: str, default: int | None = None) -> int | None:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


# ---------------------------------------------------------------------------------------
# Email


SMTP = "django.core.mail.backends.smtp.EmailBackend"
# EMAIL_URL schemes: (backend, default port, STARTTLS, implicit TLS).
_SMTP_SCHEMES = {
    "smtp": (25, False, False),
    "smtp+tls": (587, True, False),
    "submission": (587, True, False),
    "smtp+ssl": (465, False, True),
    "smtps": (465, False, True),
}
_LOCAL_SCHEMES = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}

# Email service providers through django-anymail: PENINSULA_EMAIL_PROVIDER names one,
# PENINSULA_EMAIL_API_KEY is its key, stored under the ANYMAIL setting the backend reads.
# Providers that need more than one key (Mailjet, Scaleway, Postal, Unisender Go) are set
# up in a settings file of your own, as anymail's documentation shows; SendGrid is left out
# because anymail no longer supports it (it warns on every use).
EMAIL_PROVIDERS = {
    "amazon_ses": ("anymail.backends.amazon_ses.EmailBackend", None),  # AWS credentials
    "brevo": ("anymail.backends.brevo.EmailBackend", "BREVO_API_KEY"),
    "mailersend": ("anymail.backends.mailersend.EmailBackend", "MAILERSEND_API_TOKEN"),
    "mailgun": ("anymail.backends.mailgun.EmailBackend", "MAILGUN_API_KEY"),
    "mailtrap": ("anymail.backends.mailtrap.EmailBackend", "MAILTRAP_API_TOKEN"),
    "mandrill": ("anymail.backends.mandrill.EmailBackend", "MANDRILL_API_KEY"),
    "postmark": ("anymail.backends.postmark.EmailBackend", "POSTMARK_SERVER_TOKEN"),
    "resend": ("anymail.backends.resend.EmailBackend", "RESEND_API_KEY"),
    "sparkpost": ("anymail.backends.sparkpost.EmailBackend", "SPARKPOST_API_KEY"),
}

_SEPARATE_EMAIL_VARIABLES = (
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
)


def email(env: Mapping[str, str]) -> tuple[dict, dict]:
    """(Django email settings, entries for the ANYMAIL setting) from one of three ways:
    EMAIL_URL, the separate EMAIL_HOST... variables, or PENINSULA_EMAIL_PROVIDER. None set:
    ({}, {}), Django's defaults (SMTP on localhost:25)."""
    chosen = [
        name
        for name, present in (
            ("EMAIL_URL", bool(env.get("EMAIL_URL"))),
            ("EMAIL_HOST", any(env.get(name) for name in _SEPARATE_EMAIL_VARIABLES)),
            ("PENINSULA_EMAIL_PROVIDER", bool(env.get("PENINSULA_EMAIL_PROVIDER"))),
        )
        if present
    ]
    if len(chosen) > 1:
        raise ImproperlyConfigured(
            f"Email is configured twice ({' and '.join(chosen)}): set EMAIL_URL, or the "
            "EMAIL_HOST/EMAIL_PORT/... variables, or PENINSULA_EMAIL_PROVIDER, not several."
        )
    if env.get("EMAIL_URL"):
        return email_url(env["EMAIL_URL"]), {}
    if env.get("PENINSULA_EMAIL_PROVIDER"):
        return email_provider(env)
    if chosen:
        return _separate_email_variables(env), {}
    return {}, {}


def email_url(url: str) -> dict:
    """Django's EMAIL_* settings from a URL such as smtp+tls://user:pass@host:587."""

    def refuse(problem: str) -> ImproperlyConfigured:
        # The URL may hold a password: name the variable and the problem, not the value.
        return ImproperlyConfigured(
            f"EMAIL_URL {problem}. Examples: smtp+tls://user:password@mail.example.org:587, "
            "smtp+ssl://user:password@mail.example.org:465, smtp://localhost:25, console://"
        )

    if "://" not in url:
        raise refuse("is not a URL")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in _LOCAL_SCHEMES:
        settings = {"EMAIL_BACKEND": _LOCAL_SCHEMES[scheme]}
        if scheme == "file":
            if not parts.path:
                raise refuse("file:// needs a folder, e.g. file:///var/mail/peninsula")
            settings["EMAIL_FILE_PATH"] = unquote(parts.path)
        return settings
    if scheme not in _SMTP_SCHEMES:
        known = ", ".join(f"{name}://" for name in [*_SMTP_SCHEMES, *_LOCAL_SCHEMES])
        raise refuse(f"has an unknown scheme {parts.scheme + '://'!r} (known: {known})")
    try:
        port = parts.port
    except ValueError:
        raise refuse("has a port that is not a number from 1 to 65535") from None
    if not parts.hostname:
        raise refuse("has no host name")
    default_port, use_tls, use_ssl = _SMTP_SCHEMES[scheme]
    settings = {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }
    query = parse_qs(parts.query)
    if "timeout" in query:
        try:
            settings["EMAIL_TIMEOUT"] = float(query["timeout"][-1])
        except ValueError:
            raise refuse("has a timeout that is not a number of seconds") from None
    return settings


def _separate_email_variables(env: Mapping[str, str]) -> dict:
    use_tls = flag(env, "EMAIL_USE_TLS")
    use_ssl = flag(env, "EMAIL_USE_SSL")
    if use_tls and use_ssl:
        raise ImproperlyConfigured(
            "EMAIL_USE_TLS and EMAIL_USE_SSL are both on: use TLS (STARTTLS, usually port 587)"
            " or SSL (implicit TLS, usually port 465), not both."
        )
    default_port = 465 if use_ssl else 587 if use_tls else 25
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": env.get("EMAIL_HOST") or "localhost",
        "EMAIL_PORT": integer(env, "EMAIL_PORT", default_port),
        "EMAIL_HOST_USER": env.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": env.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }


def email_provider(env: Mapping[str, str]) -> tuple[dict, dict]:
    name = env["PENINSULA_EMAIL_PROVIDER"].strip().lower().replace("-", "_")
    if name not in EMAIL_PROVIDERS:
        raise ImproperlyConfigured(
            f"PENINSULA_EMAIL_PROVIDER={env['PENINSULA_EMAIL_PROVIDER']!r} is not a provider "
            f"Peninsula knows; use one of {', '.join(sorted(EMAIL_PROVIDERS))}, or EMAIL_URL "
            "for any SMTP server."
        )
    backend, key_setting = EMAIL_PROVIDERS[name]
    anymail = {}
    if key_setting:
        key = env.get("PENINSULA_EMAIL_API_KEY", "")
        if not key:
            raise ImproperlyConfigured(
                f"PENINSULA_EMAIL_PROVIDER={name} needs PENINSULA_EMAIL_API_KEY, the API key "
                "from your account with the provider."
            )
        anymail[key_setting] = key
    return {"EMAIL_BACKEND": backend}, anymail


def from_email(env: Mapping[str, str], name: str, default: str) -> str:
    """An address, optionally with a display name: "Harbour Institute <news@example.org>"."""
    value = env.get(name, "").strip() or default
    _, address = parseaddr(value)
    if "@" not in address:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not an email address; write news@example.org or "
            '"Harbour Institute <news@example.org>".'
        )
    return value


# ---------------------------------------------------------------------------------------
# Addresses


def site_url(env: Mapping[str, str], name: str) -> str:
    """An http(s) address without a trailing slash, or "" when unset."""
    value = env.get(name, "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not an address like https://www.example.org"
        )
    if parts.query or parts.fragment:
        raise ImproperlyConfigured(f"{name}={value!r}: give the address without ?query or #part")
    return value.rstrip("/")


# ---------------------------------------------------------------------------------------
# Media storage


def media_storage(env: Mapping[str, str]) -> tuple[dict, str] | None:
    """(STORAGES["default"], MEDIA_URL) for S3-compatible object storage when
    PENINSULA_S3_BUCKET is set, else None (files in the data directory's media folder)."""
    bucket = env.get("PENINSULA_S3_BUCKET", "").strip()
    if not bucket:
        return None
    endpoint = site_url(env, "PENINSULA_S3_ENDPOINT_URL")
    region = env.get("PENINSULA_S3_REGION", "").strip()
    domain = env.get("PENINSULA_S3_CUSTOM_DOMAIN", "").strip().rstrip("/")
    options = {
        "bucket_name": bucket,
        # Uploads never replace a file of the same name: Wagtail gives each its own name,
        # as the local folder does (django-storages would overwrite by default).
        "file_overwrite": False,
        # Public, stable URLs: pages and their images are cached by nginx and CDNs, which a
        # signed URL that expires would defeat. PENINSULA_S3_SIGNED_URLS=1 for a private bucket.
        "querystring_auth": flag(env, "PENINSULA_S3_SIGNED_URLS"),
    }
    if endpoint:
        options["endpoint_url"] = endpoint
    if region:
        options["region_name"] = region
    if domain:
        options["custom_domain"] = domain
    if prefix := env.get("PENINSULA_S3_PREFIX", "").strip("/ "):
        options["location"] = prefix
    access_key = env.get("PENINSULA_S3_ACCESS_KEY", "")
    secret_key = env.get("PENINSULA_S3_SECRET_KEY", "")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set PENINSULA_S3_ACCESS_KEY and PENINSULA_S3_SECRET_KEY together (or neither, to "
            "use the machine's AWS credentials)."
        )
    if access_key:
        options["access_key"] = access_key
        options["secret_key"] = secret_key
    # Where browsers fetch media from (the Content-Security-Policy allows this origin).
    if domain:
        media_url = f"https://{domain}/"
    elif endpoint:
        media_url = f"{endpoint}/{bucket}/"  # path-style, as S3-compatible servers serve it
    else:
        host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
        media_url = f"https://{bucket}.{host}/"
    if options.get("location"):
        media_url += options["location"] + "/"
    storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    return storage, media_url


# ---------------------------------------------------------------------------------------
# Cache


def caches(url: str, name: str = "CACHE_URL") -> dict:
    """CACHES for the default and renditions caches from redis://, rediss://, unix://,
    locmem:// or dummy://."""
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if scheme in ("redis", "rediss", "unix"):
        backend = "django.core.cache.backends.redis.RedisCache"
        return {
            "default": {"BACKEND": backend, "LOCATION": url},
            "renditions": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "renditions"},
        }
    if scheme == "locmem":
        backend = "django.core.cache.backends.locmem.LocMemCache"
        location = url.split("://", 1)[1].strip("/") or "peninsula"
        return {
            "default": {"BACKEND": backend, "LOCATION": location},
            "renditions": {
                "BACKEND": backend,
                "LOCATION": f"{location}-renditions",
                "TIMEOUT": 600,
            },
        }
    if scheme == "dummy":
        backend = "django.core.cache.backends.dummy.DummyCache"
        return {"default": {"BACKEND": backend}, "renditions": {"BACKEND": backend}}
    raise ImproperlyConfigured(
        f"{name} must start with redis://, rediss://, unix://, locmem:// or dummy:// "
        "(e.g. redis://127.0.0.1:6379/0)."
    )


# ---------------------------------------------------------------------------------------
# Logging


def logging_config(env: Mapping[str, str], default_level: str) -> dict:
    """LOGGING: every record to standard error at LOG_LEVEL; LOG_FORMAT=json writes one JSON
    object per line for log shippers. Mail failures in admin notifications become one
    warning line (peninsula.core.logging.MailFailureFilter)."""
    level = (env.get("LOG_LEVEL", "").strip() or default_level).upper()
    if level not in logging.getLevelNamesMapping() or level == "NOTSET":
        raise ImproperlyConfigured(
            f"LOG_LEVEL={env['LOG_LEVEL']!r}: use DEBUG, INFO, WARNING, ERROR or CRITICAL."
        )
    log_format = env.get("LOG_FORMAT", "").strip().lower() or "text"
    if log_format not in ("text", "json"):
        raise ImproperlyConfigured(f"LOG_FORMAT={env['LOG_FORMAT']!r}: use text or json.")
    # Text: the message alone, as Django prints it by default (process supervisors add the
    # time); JSON carries time, level and logger for search in a log store.
    formatters = {"text": {"format": "%(message)s"}}
    if log_format == "json":
        formatters = {"json": {"()": "peninsula.core.logging.JSONFormatter"}}
    mail_filter = {"mail_failures": {"()": "peninsula.core.logging.MailFailureFilter"}}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": formatters,
        "filters": mail_filter,
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": log_format},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Filters on a logger (not the handler) act where the record is made, so the
            # warning replaces the traceback whatever handlers are attached.
            "wagtail.admin": {"filters": ["mail_failures"]},
            "django.contrib.auth": {"filters": ["mail_failures"]},
        },
    }
