"""Settings from environment variables: peninsula.settings.environment's parsers, each given
an environment mapping, and the settings modules they feed."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from peninsula.settings import environment

SMTP = "django.core.mail.backends.smtp.EmailBackend"


# Email ----------------------------------------------------------------------------------


def test_nothing_set_keeps_djangos_defaults():
    assert environment.email({}) == ({}, {})


@pytest.mark.parametrize(
    "url, host, port, tls, ssl",
    [
        ("smtp+tls://user:pass@mail.example.org:587", "mail.example.org", 587, True, False),
        ("smtp+tls://user:pass@mail.example.org", "mail.example.org", 587, True, False),
        ("smtp+ssl://user:pass@mail.example.org:465", "mail.example.org", 465, False, True),
        ("smtps://user:pass@mail.example.org", "mail.example.org", 465, False, True),
        ("smtp://relay.internal:25", "relay.internal", 25, False, False),
        ("smtp://127.0.0.1:2525", "127.0.0.1", 2525, False, False),
    ],
)
def test_email_url_sets_the_smtp_server(url, host, port, tls, ssl):
    settings, anymail = environment.email({"EMAIL_URL": url})
    assert anymail == {}
    assert settings["EMAIL_BACKEND"] == SMTP
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == (host, port)
    assert (settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (tls, ssl)


def test_email_url_user_and_password_may_be_percent_encoded():
    settings = environment.email_url(
        "smtp+tls://news%40example.org:p%40ss%3Aw%2Frd@mail.example.org"
    )
    assert settings["EMAIL_HOST_USER"] == "news@example.org"
    assert settings["EMAIL_HOST_PASSWORD"] == "p@ss:w/rd"
    assert settings["EMAIL_HOST"] == "mail.example.org"


def test_email_url_timeout():
    assert environment.email_url("smtp://h?timeout=5")["EMAIL_TIMEOUT"] == 5.0


@pytest.mark.parametrize(
    "url, backend",
    [
        ("console://", "django.core.mail.backends.console.EmailBackend"),
        ("locmem://", "django.core.mail.backends.locmem.EmailBackend"),
        ("dummy://", "django.core.mail.backends.dummy.EmailBackend"),
    ],
)
def test_email_url_local_backends(url, backend):
    assert environment.email_url(url) == {"EMAIL_BACKEND": backend}


def test_email_url_file_backend_takes_a_folder():
    assert environment.email_url("file:///var/mail/peninsula") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/var/mail/peninsula",
    }


@pytest.mark.parametrize(
    "url, problem",
    [
        ("mail.example.org:587", "is not a URL"),
        ("smtp+starttls://u:secret@mail.example.org", "unknown scheme"),
        ("smtp://u:secret@mail.example.org:notaport", "port"),
        ("smtp://u:secret@:25", "no host name"),
    ],
)
def test_a_malformed_email_url_names_the_variable_never_the_password(url, problem):
    with pytest.raises(ImproperlyConfigured, match=problem) as raised:
        environment.email({"EMAIL_URL": url})
    assert "EMAIL_URL" in str(raised.value)
    assert "secret" not in str(raised.value)


def test_separate_email_variables():
    settings, _ = environment.email(
        {
            "EMAIL_HOST": "mail.example.org",
            "EMAIL_HOST_USER": "news",
            "EMAIL_HOST_PASSWORD": "pw",
            "EMAIL_USE_TLS": "true",
        }
    )
    assert settings == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "news",
        "EMAIL_HOST_PASSWORD": "pw",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }
    assert environment.email({"EMAIL_HOST": "h", "EMAIL_PORT": "2525"})[0]["EMAIL_PORT"] == 2525


@pytest.mark.parametrize(
    "env, message",
    [
        ({"EMAIL_HOST": "h", "EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "not both"),
        ({"EMAIL_HOST": "h", "EMAIL_PORT": "smtp"}, "EMAIL_PORT"),
        ({"EMAIL_HOST": "h", "EMAIL_USE_TLS": "maybe"}, "EMAIL_USE_TLS"),
        ({"EMAIL_URL": "smtp://h", "EMAIL_HOST": "h"}, "configured twice"),
        ({"EMAIL_URL": "smtp://h", "PENINSULA_EMAIL_PROVIDER": "postmark"}, "configured twice"),
    ],
)
def test_contradictory_email_variables_are_refused(env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        environment.email(env)


@pytest.mark.parametrize(
    "provider, backend, key",
    [
        ("postmark", "anymail.backends.postmark.EmailBackend", "POSTMARK_SERVER_TOKEN"),
        ("resend", "anymail.backends.resend.EmailBackend", "RESEND_API_KEY"),
        ("Mailgun", "anymail.backends.mailgun.EmailBackend", "MAILGUN_API_KEY"),
        ("brevo", "anymail.backends.brevo.EmailBackend", "BREVO_API_KEY"),
    ],
)
def test_an_email_provider_maps_to_its_anymail_backend_and_key(provider, backend, key):
    settings, anymail = environment.email(
        {"PENINSULA_EMAIL_PROVIDER": provider, "PENINSULA_EMAIL_API_KEY": "k-123"}
    )
    assert settings == {"EMAIL_BACKEND": backend}
    assert anymail == {key: "k-123"}


def test_every_provider_names_a_real_anymail_backend_and_its_key_setting(settings):
    """The table is checked against anymail itself: each backend, made with only the ANYMAIL
    entry we set, finds its key (anymail raises naming the setting it looked for)."""
    from django.utils.module_loading import import_string

    for name in environment.EMAIL_PROVIDERS:
        env = {"PENINSULA_EMAIL_PROVIDER": name, "PENINSULA_EMAIL_API_KEY": "k-123"}
        email, anymail = environment.email(env)
        settings.ANYMAIL = anymail
        backend = import_string(email["EMAIL_BACKEND"])()
        assert backend.esp_name.lower().replace(" ", "_") == name


def test_unknown_provider_or_missing_key_is_refused_clearly():
    with pytest.raises(ImproperlyConfigured, match="'mailchimpy' is not a provider.*postmark"):
        environment.email({"PENINSULA_EMAIL_PROVIDER": "mailchimpy"})
    with pytest.raises(ImproperlyConfigured, match="needs PENINSULA_EMAIL_API_KEY"):
        environment.email({"PENINSULA_EMAIL_PROVIDER": "postmark"})


def test_from_address_may_carry_a_display_name():
    env = {"DEFAULT_FROM_EMAIL": "Harbour Institute <news@example.org>"}
    assert environment.from_email(env, "DEFAULT_FROM_EMAIL", "x@localhost") == (
        "Harbour Institute <news@example.org>"
    )
    assert environment.from_email({}, "DEFAULT_FROM_EMAIL", "x@localhost") == "x@localhost"
    with pytest.raises(ImproperlyConfigured, match="DEFAULT_FROM_EMAIL='Harbour Institute'"):
        environment.from_email(
            {"DEFAULT_FROM_EMAIL": "Harbour Institute"}, "DEFAULT_FROM_EMAIL", ""
        )


# Base URL ------------------------------------------------------------------------------


def test_site_url():
    assert environment.site_url({}, "PENINSULA_BASE_URL") == ""
    env = {"PENINSULA_BASE_URL": "https://www.example.org/"}
    assert environment.site_url(env, "PENINSULA_BASE_URL") == "https://www.example.org"
    for bad in ("www.example.org", "ftp://example.org", "https://example.org/?a=1"):
        with pytest.raises(ImproperlyConfigured, match="PENINSULA_BASE_URL"):
            environment.site_url({"PENINSULA_BASE_URL": bad}, "PENINSULA_BASE_URL")


# Media storage ---------------------------------------------------------------------------


def test_media_stay_in_the_data_directory_without_a_bucket():
    assert environment.media_storage({}) is None


def test_a_bucket_selects_s3_storage_with_its_options():
    storage, media_url = environment.media_storage(
        {
            "PENINSULA_S3_BUCKET": "harbour-media",
            "PENINSULA_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
            "PENINSULA_S3_REGION": "fr-par",
            "PENINSULA_S3_ACCESS_KEY": "AK",
            "PENINSULA_S3_SECRET_KEY": "SK",
        }
    )
    assert storage == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "harbour-media",
            "file_overwrite": False,
            "querystring_auth": False,
            "endpoint_url": "https://s3.fr-par.scw.cloud",
            "region_name": "fr-par",
            "access_key": "AK",
            "secret_key": "SK",
        },
    }
    assert media_url == "https://s3.fr-par.scw.cloud/harbour-media/"


def test_custom_domain_and_aws_media_urls():
    _, url = environment.media_storage(
        {"PENINSULA_S3_BUCKET": "b", "PENINSULA_S3_CUSTOM_DOMAIN": "media.example.org"}
    )
    assert url == "https://media.example.org/"
    _, url = environment.media_storage(
        {"PENINSULA_S3_BUCKET": "b", "PENINSULA_S3_REGION": "eu-west-1"}
    )
    assert url == "https://b.s3.eu-west-1.amazonaws.com/"


def test_s3_keys_come_in_pairs():
    with pytest.raises(ImproperlyConfigured, match="PENINSULA_S3_SECRET_KEY"):
        environment.media_storage({"PENINSULA_S3_BUCKET": "b", "PENINSULA_S3_ACCESS_KEY": "AK"})


def test_the_storage_settings_build_a_working_django_storage():
    from django.core.files.storage import storages  # noqa: F401  (the handler Django uses)
    from django.core.files.storage.handler import StorageHandler

    storage, _ = environment.media_storage(
        {"PENINSULA_S3_BUCKET": "b", "PENINSULA_S3_ENDPOINT_URL": "http://127.0.0.1:9"}
    )
    made = StorageHandler({"default": storage})["default"]
    assert type(made).__name__ == "S3Storage"
    assert made.bucket_name == "b"
    assert made.url("original_images/a.jpg") == "http://127.0.0.1:9/b/original_images/a.jpg"


# Cache -----------------------------------------------------------------------------------


def test_redis_cache_url_serves_both_caches_with_their_own_prefix():
    caches = environment.caches("redis://127.0.0.1:6379/1")
    assert caches["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }
    assert caches["renditions"]["KEY_PREFIX"] == "renditions"


def test_local_and_dummy_caches():
    assert environment.caches("locmem://")["default"]["LOCATION"] == "peninsula"
    dummy = environment.caches("dummy://")
    assert dummy["renditions"]["BACKEND"] == "django.core.cache.backends.dummy.DummyCache"
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL must start with redis://"):
        environment.caches("memcached://h", "REDIS_URL")


# Logging ---------------------------------------------------------------------------------


def test_log_level_and_format():
    config = environment.logging_config({}, default_level="WARNING")
    assert config["root"]["level"] == "WARNING"
    assert config["handlers"]["console"]["formatter"] == "text"
    config = environment.logging_config({"LOG_LEVEL": "debug", "LOG_FORMAT": "JSON"}, "INFO")
    assert config["root"]["level"] == "DEBUG"
    assert config["formatters"]["json"]["()"] == "peninsula.core.logging.JSONFormatter"
    with pytest.raises(ImproperlyConfigured, match="LOG_LEVEL='loud'"):
        environment.logging_config({"LOG_LEVEL": "loud"}, "INFO")
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT='xml'"):
        environment.logging_config({"LOG_FORMAT": "xml"}, "INFO")


def _settings_in_a_new_process(module: str, env: dict, code: str, tmp_path) -> str:
    """Run `code` after importing settings `module` with `env`, in a fresh interpreter (the
    settings modules read the environment once, at import)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "PENINSULA_"))}
    clean.pop("REDIS_URL", None)
    clean.pop("CACHE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", f"from {module} import *\n{code}"],
        env={**clean, "PENINSULA_DATA_DIR": str(tmp_path), "SECRET_KEY": "x", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_production_settings_read_the_environment(tmp_path):
    """The parsers above are what the production settings actually use."""
    out = _settings_in_a_new_process(
        "peninsula.settings.production",
        {
            "ALLOWED_HOSTS": "www.example.org",
            "EMAIL_URL": "smtp+tls://news:pw@mail.example.org:587",
            "DEFAULT_FROM_EMAIL": "Harbour Institute <news@example.org>",
            "REDIS_URL": "redis://127.0.0.1:6379/3",
            "PENINSULA_S3_BUCKET": "media",
            "PENINSULA_BASE_URL": "https://www.example.org/",
            "LOG_FORMAT": "json",
        },
        "import json; print(json.dumps([EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL,"
        " CACHES['default']['LOCATION'], STORAGES['default']['BACKEND'],"
        " STORAGES['staticfiles']['BACKEND'], PENINSULA_BASE_URL, WAGTAILADMIN_BASE_URL,"
        " LOGGING['root']['level'], LOGGING['handlers']['console']['formatter'],"
        " TASKS['default']['BACKEND']]))",
        tmp_path,
    )
    assert json.loads(out) == [
        "mail.example.org",
        587,
        True,
        "Harbour Institute <news@example.org>",
        "redis://127.0.0.1:6379/3",
        "storages.backends.s3.S3Storage",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "https://www.example.org",
        "https://www.example.org",
        "INFO",
        "json",
        "django_tasks_rq.RQBackend",
    ]


def test_a_malformed_email_url_stops_the_settings_with_a_clear_message(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import peninsula.settings.base"],
        env={**os.environ, "PENINSULA_DATA_DIR": str(tmp_path), "EMAIL_URL": "smtp://:pw@"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "ImproperlyConfigured: EMAIL_URL has no host name" in done.stderr


# The JSON formatter ----------------------------------------------------------------------


def test_json_lines_carry_time_level_logger_message_and_traceback():
    from peninsula.core.logging import JSONFormatter

    logger = logging.getLogger("peninsula.test")
    try:
        raise ValueError("bad value")
    except ValueError:
        record = logger.makeRecord(
            "peninsula.test",
            logging.ERROR,
            __file__,
            1,
            "Import of %s failed",
            ("x.xml",),
            sys.exc_info(),
            extra={"post_id": 7},
        )
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "peninsula.test"
    assert entry["message"] == "Import of x.xml failed"
    assert entry["timestamp"].endswith("+00:00")
    assert (
        entry["exc_info"].startswith("Traceback") and "ValueError: bad value" in entry["exc_info"]
    )
    assert entry["post_id"] == 7
