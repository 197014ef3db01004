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


def run(host: str = "127.0.0.1", port: int = 8000, workers: int = 2, url: str = "") -> None:
    url = url or f"http://{host}:{port}"
    print(f"Peninsula is serving at {url}/\n  Admin: {url}/admin/\nCtrl-C stops it.", flush=True)
    _Gunicorn(
        {
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
