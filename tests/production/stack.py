"""Peninsula's production stack on loopback, as docs/deployment.md sets it up on one machine.

nginx (Debian's package) with the documented config deploy/nginx/peninsula.conf, its
placeholders filled in, in front with TLS on a self-signed certificate; `peninsula serve
--no-worker` and `peninsula worker` with the production settings; a PostgreSQL database of
its own (created here, dropped at the end); Redis for the cache and the task queue; an SMTP
sink the site's mail goes to. Every server listens on 127.0.0.1 only.

Used by the smoke test (tests/production/test_smoke.py) and the load benchmark
(bench/load.py). Each process is a child of this one, stopped (and its database dropped)
when the `with` block ends, failed or not.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx" / "peninsula.conf"
NGINX = "/usr/sbin/nginx"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
POSTGRES_SERVER = os.environ.get("PENINSULA_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# The stack empties this Redis database when it starts: give it one nothing else uses.
REDIS_URL = os.environ.get("PENINSULA_TEST_REDIS", "redis://127.0.0.1:6379/6")
PORTS = range(18600, 18700)
# The kernel stops each server if this process dies without running its finalizers (a
# SIGKILL, a SIGTERM to pytest), so none is left serving the shared Redis queue. (setpriv,
# from util-linux, rather than a preexec_fn: forking with the SMTP sink's thread running,
# Python code in the child can deadlock.)
DIE_WITH_US = ["setpriv", "--pdeathsig", "TERM", "--"] if shutil.which("setpriv") else []
ADMIN_USER, ADMIN_PASSWORD = "smoke-admin", secrets.token_urlsafe(16)


def missing_services() -> list[str]:
    """What this machine lacks to run the stack, each said with how to get it."""
    missing = []
    if not (Path(NGINX).exists() and Path(PURGE_MODULE).exists()):
        missing.append("nginx: apt-get install nginx libnginx-mod-http-cache-purge")
    try:
        import psycopg

        psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=5).close()
    except Exception as error:  # noqa: BLE001 - any failure means: not usable
        missing.append(f"PostgreSQL at {POSTGRES_SERVER}: {error}")
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=5).ping()
    except Exception as error:  # noqa: BLE001
        missing.append(f"Redis at {REDIS_URL}: {error}")
    return missing


def free_ports(count: int) -> list[int]:
    """`count` ports free right now, drawn at random from PORTS."""
    found = []
    for port in random.sample(list(PORTS), len(PORTS)):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise RuntimeError(f"Fewer than {count} free ports in {PORTS.start}-{PORTS.stop - 1}")


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def render_nginx_config(values: dict[str, object], cache: bool = True) -> str:
    """The documented config with each {name} replaced, as docs/deployment.md says to.

    cache=False is the one variant, for measuring the app behind nginx without the cache:
    `proxy_cache off`, everything else the same.
    """
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    if not cache:
        text = text.replace("proxy_cache peninsula;", "proxy_cache off;")
    return text


def wait_for_port(port: int, process: subprocess.Popen, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} was not listening on port {port} after {seconds:.0f} s")


def stop(process: subprocess.Popen | None, seconds: float = 15) -> None:
    """SIGTERM to the child's process group (gunicorn's and RQ's own children with it), then
    SIGKILL if it has not gone within `seconds`."""
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Nginx:
    """nginx in the foreground (not a daemon) with the documented config, its prefix, pid,
    logs, temporary files and cache in `folder`."""

    def __init__(self, folder: Path, upstream: str, static_root: Path, media_root: Path):
        self.folder = folder
        self.cert, self.key = self_signed_certificate(folder)
        self.values = {
            "upstream": upstream,
            "cert": self.cert,
            "key": self.key,
            "run_dir": folder / "run",
            "static_root": static_root,
            "media_root": media_root,
            "purge_allow": "127.0.0.1",
        }
        (folder / "run").mkdir(exist_ok=True)
        self.process = None
        self.https_port, self.http_port = free_ports(2)

    def start(self, cache: bool = True) -> None:
        """Start nginx (again). The first start takes new ports while another process holds
        the ones chosen; a restart keeps them, since the site's settings name them."""
        restart = self.process is not None
        self.stop()
        config = self.folder / "nginx.conf"
        for attempt in range(5):
            values = {
                **self.values,
                "listen_https": f"127.0.0.1:{self.https_port}",
                "listen_http": f"127.0.0.1:{self.http_port}",
                # A fresh cache each start: the variants never share stored pages.
                "cache_dir": self.folder / f"cache-{secrets.token_hex(4)}",
            }
            config.write_text(render_nginx_config(values, cache=cache))
            self.process = subprocess.Popen(
                [
                    *DIE_WITH_US,
                    NGINX,
                    "-c",
                    str(config),
                    "-p",
                    str(self.folder),
                    "-g",
                    "daemon off;",
                ],
                stderr=open(self.folder / "run" / "nginx.stderr", "ab"),  # noqa: SIM115
                start_new_session=True,
            )
            try:
                wait_for_port(self.http_port, self.process, 10, "nginx")
                wait_for_port(self.https_port, self.process, 10, "nginx")
                return
            except RuntimeError:
                stop(self.process)
                self.process = None
                if attempt == 4:
                    raise RuntimeError(
                        "nginx did not start:\n"
                        + (self.folder / "run" / "nginx.stderr").read_text()
                    ) from None
                if restart:
                    time.sleep(1)
                else:
                    self.https_port, self.http_port = free_ports(2)

    def stop(self) -> None:
        stop(self.process, 10)
        self.process = None

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"


class Stack:
    """The whole production stack; `with Stack() as stack:` starts it, the end stops it.

    `stack.url(path)` is the public HTTPS address; `stack.manage(...)` runs `peninsula
    manage` with the stack's environment; `stack.smtp.received` holds the mail sent.
    """

    def __init__(self, name: str = "smoke", app_workers: int = 2, prepare=None):
        self.name = name
        self.app_workers = app_workers
        self.prepare = prepare  # called with the stack after migrate, before serving
        self.processes: dict[str, subprocess.Popen] = {}
        self.database = f"peninsula_h6_{name}_{os.getpid()}_{secrets.token_hex(2)}"
        self._exit = contextlib.ExitStack()

    # Starting and stopping ---------------------------------------------------------------------

    def __enter__(self) -> Stack:
        try:
            self._start()
        except BaseException:
            self._exit.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._exit.close()

    def _start(self) -> None:
        self._stop_on_sigterm()
        # One stack per machine at a time: they share the Redis database and its task queue.
        self._exit.enter_context(_machine_lock())
        self.folder = Path(tempfile.mkdtemp(prefix=f"peninsula-{self.name}-"))
        self.folder.chmod(0o755)  # nginx's workers (nobody, under root) read static files here
        self._exit.callback(shutil.rmtree, self.folder, ignore_errors=True)
        self.data_dir = self.folder / "data"
        self.data_dir.mkdir()
        (self.data_dir / "media").mkdir()

        self._flush_redis()
        self._exit.callback(self._flush_redis)
        _postgres(f'CREATE DATABASE "{self.database}"')
        self._exit.callback(_postgres, f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

        from tests.newsletters.smtp import SMTPServer

        self.smtp = self._exit.enter_context(SMTPServer())

        [self.app_port] = free_ports(1)
        self.nginx = Nginx(
            self.folder,
            upstream=f"127.0.0.1:{self.app_port}",
            static_root=self.data_dir / "static",
            media_root=self.data_dir / "media",
        )
        self._exit.callback(self.nginx.stop)
        self.nginx.start()
        self.env = self._environment()

        self.manage("migrate", "--no-input", "--verbosity", "0")
        self.manage(
            "createsuperuser", "--no-input", "--username", ADMIN_USER,
            "--email", "admin@example.org", env={"DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
        )  # fmt: skip
        if self.prepare:
            self.prepare(self)
        self.start_app()
        self.start_worker()

    def _stop_on_sigterm(self) -> None:
        """SIGTERM (a timeout, scripts/test's Ctrl-C) unwinds like Ctrl-C, so the servers
        are stopped and the database dropped; by default Python would just die."""
        if threading.current_thread() is not threading.main_thread():
            return

        def interrupt(signum, frame):
            raise KeyboardInterrupt(f"signal {signum}")

        previous = signal.signal(signal.SIGTERM, interrupt)
        self._exit.callback(signal.signal, signal.SIGTERM, previous)

    def _environment(self) -> dict[str, str]:
        """The variables docs/deployment.md lists, as an operator would set them."""
        origin = self.nginx.origin
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "EMAIL_", "PENINSULA_", "REDIS_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="peninsula.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            CSRF_TRUSTED_ORIGINS=origin,
            DATABASE_URL=f"{POSTGRES_SERVER}/{self.database}",
            REDIS_URL=REDIS_URL,
            PENINSULA_DATA_DIR=str(self.data_dir),
            PENINSULA_BASE_URL=origin,
            PENINSULA_PURGE_URL=f"http://127.0.0.1:{self.nginx.http_port}",
            EMAIL_URL=f"smtp://127.0.0.1:{self.smtp.port}",
            DEFAULT_FROM_EMAIL="Harbour Institute <news@example.org>",
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage(self, *args: str, env: dict | None = None) -> str:
        """`peninsula manage ARGS` with the stack's environment; its output."""
        result = subprocess.run(
            [sys.executable, "-m", "peninsula", "manage", *args],
            env={**self.env, **(env or {})},
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode:
            raise RuntimeError(
                f"peninsula manage {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}"
            )
        return result.stdout

    def _spawn(self, name: str, *args: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 - closed with the stack
        self._exit.callback(log.close)
        process = subprocess.Popen(
            [*DIE_WITH_US, sys.executable, "-m", "peninsula", *args],
            env=self.env,
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: stopped with its children
        )
        self.processes[name] = process
        self._exit.callback(stop, process)
        return process

    def start_app(self) -> None:
        process = self._spawn(
            "serve", "serve", "--no-worker", "--host", "127.0.0.1",
            "--port", str(self.app_port), "--workers", str(self.app_workers),
        )  # fmt: skip
        wait_for_port(self.app_port, process, 120, "peninsula serve")

    def start_worker(self) -> None:
        self._spawn("worker", "worker")

    def wait_for_idle_worker(self, seconds: float = 600) -> float:
        """Wait until the worker has run every queued task (loading content queues one per
        page and more: a purge queued behind them waits its turn); the seconds waited."""
        import redis
        from rq import Queue
        from rq.registry import StartedJobRegistry

        started = time.monotonic()
        with redis.Redis.from_url(REDIS_URL) as client:
            queue = Queue("default", connection=client)
            running = StartedJobRegistry(queue=queue)
            while queue.count or running.count:
                if time.monotonic() - started > seconds:
                    raise RuntimeError(f"{queue.count} tasks still queued after {seconds:.0f} s")
                time.sleep(0.5)
        return time.monotonic() - started

    def _flush_redis(self) -> None:
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        client.flushdb()
        client.close()

    # Using it ------------------------------------------------------------------------------

    def url(self, path: str = "/") -> str:
        return self.nginx.origin + path

    @property
    def purge_location(self) -> str:
        return f"http://127.0.0.1:{self.nginx.http_port}"

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def logs(self) -> str:
        """The tail of every process's output, for a failing test's report."""
        parts = []
        for name in (*self.processes, "run/error"):
            text = self.log(name)
            parts.append(f"--- {name}.log (last 60 lines)\n" + "\n".join(text.splitlines()[-60:]))
        return "\n".join(parts)


@contextlib.contextmanager
def _machine_lock():
    """Wait for any other stack on this machine (the same Redis database) to finish."""
    name = urlsplit(REDIS_URL).path.strip("/") or "0"
    with open(Path(tempfile.gettempdir()) / f"peninsula-stack-redis-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _postgres(sql: str) -> None:
    import psycopg

    assert '"test"' not in sql  # never the shared database named 'test'
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)
