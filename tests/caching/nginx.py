"""Run deploy/nginx/peninsula.conf, the documented config, on loopback for a test."""

import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "peninsula.conf"
PLACEHOLDERS = (
    "upstream",
    "listen_https",
    "listen_http",
    "cert",
    "key",
    "cache_dir",
    "run_dir",
    "static_root",
    "media_root",
    "purge_allow",
)
NGINX = "/usr/sbin/nginx"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"


def render(**values) -> str:
    """The template with each {name} replaced (plain replacement: nginx's braces stay)."""
    missing = set(PLACEHOLDERS) - set(values)
    if missing:
        raise ValueError(f"Values missing for {sorted(missing)}")
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def require_nginx():
    """nginx and the purge module, or (never under CI) a skip saying how to install them."""
    if Path(NGINX).exists() and Path(PURGE_MODULE).exists():
        return
    message = "needs nginx: apt-get install nginx libnginx-mod-http-cache-purge"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_ports(count: int, ports=range(18250, 18300)) -> list[int]:
    """Free ports in this suite's range on the shared machine, in random order: the SQLite
    and PostgreSQL runs go side by side, and each must not take the other's."""
    candidates = random.sample(list(ports), len(ports))
    found = []
    for port in candidates:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise RuntimeError(f"Not {count} free ports in {ports}")


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


class Nginx:
    """nginx in the foreground with the rendered config; stopped on exit."""

    def __init__(self, upstream: str, static_root, media_root, purge_allow="127.0.0.1"):
        # Run as root, nginx's workers run as nobody: their folder must be open to them
        # (pytest's tmp_path is not).
        self.folder = Path(tempfile.mkdtemp(prefix="peninsula-nginx-"))
        self.folder.chmod(0o755)
        (self.folder / "run").mkdir()
        self.cert, self.key = self_signed_certificate(self.folder)
        self.values = {
            "upstream": upstream,
            "cert": self.cert,
            "key": self.key,
            "cache_dir": self.folder / "cache",
            "run_dir": self.folder / "run",
            "static_root": static_root,
            "media_root": media_root,
            "purge_allow": purge_allow,
        }

    def __enter__(self):
        for _ in range(5):  # another process may take a port between the probe and nginx
            if self._start():
                return self
        raise RuntimeError(f"nginx did not start: {self.error}")

    def _start(self) -> bool:
        self.https_port, self.http_port = free_ports(2)
        config = self.folder / "nginx.conf"
        config.write_text(
            render(
                listen_https=f"127.0.0.1:{self.https_port}",
                listen_http=f"127.0.0.1:{self.http_port}",
                **self.values,
            )
        )
        self.process = subprocess.Popen(
            [NGINX, "-c", str(config), "-p", str(self.folder), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.error = self.process.stderr.read().decode()
                self.process.stderr.close()
                return False
            try:
                socket.create_connection(("127.0.0.1", self.http_port), timeout=0.2).close()
                return True
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        self.process.wait()
        self.error = "not listening after 10 s"
        return False

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def https(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def purge_location(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"
