"""Serve the site with gunicorn: threaded workers, static files through WhiteNoise."""

from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, options):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from peninsula.wsgi import application

        return application


def log_config(logging: dict) -> dict:
    """gunicorn's own logging for Django's LOGGING: with LOG_FORMAT=json its access and
    error lines go through the same JSON handler as the site's, so a log shipper reads one
    format; in text form gunicorn keeps its usual timestamped lines."""
    if "json" not in logging.get("formatters", {}):
        return {}
    gunicorn_loggers = {
        name: {"level": "INFO", "handlers": [], "propagate": True}
        for name in ("gunicorn.error", "gunicorn.access")
    }
    # gunicorn merges this over its defaults key by key, so every key it defines is given.
    return {
        "logconfig_dict": {
            **logging,
            "loggers": {**logging.get("loggers", {}), **gunicorn_loggers},
        }
    }


def run(host: str = "127.0.0.1", port: int = 8000, workers: int = 2, url: str = "") -> None:
    from django.conf import settings

    url = url or f"http://{host}:{port}"
    print(f"Peninsula is serving at {url}/\n  Admin: {url}/admin/\nCtrl-C stops it.", flush=True)
    _Gunicorn(
        {
            **log_config(settings.LOGGING),
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": 4,
            "accesslog": "-",
            "timeout": 60,
            "graceful_timeout": 10,
            # gunicorn's control socket sits at one path per user; two instances side by side
            # would take it from each other, and Peninsula does not use it.
            "control_socket_disable": True,
        }
    ).run()
