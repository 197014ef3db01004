"""Security headers: the CSP on every page, and the production HTTPS settings."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_get_the_strict_policy_and_the_other_headers(client):
    response = client.get("/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]
    assert "https://player.vimeo.com" in policy["frame-src"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_admin_login_is_strict_and_the_admin_behind_it_is_not(client, admin_user):
    login = directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert login["script-src"] == ["'self'"]
    client.force_login(admin_user)
    admin = directives(client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in admin["script-src"]


def test_report_only_sends_the_policy_as_a_report(client, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]


def test_media_on_object_storage_is_allowed_as_images_and_audio(client, settings):
    settings.MEDIA_URL = "https://media.example-bucket.org/peninsula/"
    policy = directives(client.get("/")["Content-Security-Policy"])
    assert "https://media.example-bucket.org" in policy["img-src"]
    assert "https://media.example-bucket.org" in policy["media-src"]
    assert policy["script-src"] == ["'self'"]


def test_https_redirect_spares_the_health_check_and_hsts_follows_the_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^health/"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31_536_000

    assert client.get("/health/").status_code == 200  # a load balancer's plain-HTTP probe
    plain = client.get("/publications/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    secure = client.get("/publications/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000"


def production_settings(**env):
    """The production settings as a fresh process reads them from this environment."""
    names = [
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "PENINSULA_TRUSTED_PROXIES",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "CONTENT_SECURITY_POLICY",
        "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    ]
    code = (
        "import json; from peninsula.settings import production as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {names!r}}}, default=str))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PENINSULA_", "DJANGO_"))}
    base.update(SECRET_KEY="x" * 50, ALLOWED_HOSTS="www.example.org", **env)
    base.setdefault("PENINSULA_DATA_DIR", os.environ.get("PENINSULA_DATA_DIR", "/tmp"))
    result = subprocess.run(
        [sys.executable, "-c", code], env=base, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_production_defaults_are_https_only():
    values = production_settings()
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_REDIRECT_EXEMPT"] == [r"^health/"]
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["PENINSULA_TRUSTED_PROXIES"] == 1  # the documented nginx in front
    assert values["AXES_FAILURE_LIMIT"] == 5 and values["AXES_COOLOFF_TIME"] == "0:15:00"
    assert values["CONTENT_SECURITY_POLICY"] and not values["CONTENT_SECURITY_POLICY_REPORT_ONLY"]


def test_production_security_settings_come_from_the_environment():
    values = production_settings(
        PENINSULA_SSL_REDIRECT="0",
        PENINSULA_HSTS_SECONDS="600",
        PENINSULA_HSTS_INCLUDE_SUBDOMAINS="1",
        PENINSULA_HSTS_PRELOAD="true",
        PENINSULA_TRUSTED_PROXIES="2",
        PENINSULA_LOGIN_FAILURE_LIMIT="10",
        PENINSULA_LOGIN_LOCKOUT_MINUTES="60",
        PENINSULA_CSP_REPORT_ONLY="1",
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_HSTS_PRELOAD"]
    assert values["PENINSULA_TRUSTED_PROXIES"] == 2
    assert values["AXES_FAILURE_LIMIT"] == 10 and values["AXES_COOLOFF_TIME"] == "1:00:00"
    assert values["CONTENT_SECURITY_POLICY"] is None
    assert values["CONTENT_SECURITY_POLICY_REPORT_ONLY"]["DIRECTIVES"]["script-src"] == ["'self'"]
