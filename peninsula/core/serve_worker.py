"""`peninsula serve` runs a task worker beside the web server (unless `--no-worker`): a
child process running `peninsula worker`, not a thread inside gunicorn, so the worker's
loops, signals and database connections are the same as when it runs on its own."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
import time


def _die_with_parent_function():
    """A function for the child to call between fork and exec: on Linux, ask the kernel to
    stop it when `peninsula serve` dies, even by SIGKILL (no orphan worker left behind)."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork
    except (AttributeError, OSError):
        return None
    pr_set_pdeathsig = 1
    return lambda: prctl(pr_set_pdeathsig, signal.SIGTERM)


class WorkerProcess:
    """`peninsula worker` as a child process of `peninsula serve`.

    Its output is shown with a "[worker]" prefix; if it stops it is started again; it is
    stopped with the server. In its own process group, so that Ctrl-C in the terminal
    reaches only the server, which then stops the worker with exactly one SIGTERM (a second
    signal would make the worker abandon a task it is running).
    """

    RESTART_SECONDS = 5
    STOP_SECONDS = 30  # a task in progress is given this long to finish

    def __init__(self):
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.stopping = False
        self.process: subprocess.Popen | None = None

    def start(self) -> WorkerProcess:
        self.process = self._spawn()
        threading.Thread(target=self._follow, daemon=True, name="worker-output").start()
        return self

    def _spawn(self) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "peninsula", "worker"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            process_group=0,
            preexec_fn=_die_with_parent_function(),
        )
        _say(f"Worker started (pid {process.pid}); `peninsula serve --no-worker` runs without.")
        return process

    def _follow(self) -> None:
        """Copy the worker's output, and start it again whenever it stops on its own."""
        while True:
            process = self.process
            for line in process.stdout:
                _say(line.decode(errors="replace").rstrip("\n"), prefix="[worker] ")
            status = process.wait()
            with self.lock:
                if self.stopping:
                    return
            _say(
                f"Worker stopped (exit status {status}); starting it again in "
                f"{self.RESTART_SECONDS} s."
            )
            time.sleep(self.RESTART_SECONDS)
            with self.lock:
                if self.stopping:
                    return
                self.process = self._spawn()

    def stop(self) -> None:
        # gunicorn's own worker processes leave through the stack that started this one
        # (SystemExit after fork): only the process that started the worker stops it.
        if os.getpid() != self.owner:
            return
        with self.lock:
            self.stopping = True
            process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(self.STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _say(text: str, prefix: str = "") -> None:
    # Straight to the file descriptor: this runs in a thread of gunicorn's master, which
    # forks; a fork while this thread held sys.stdout's lock would leave the child stuck.
    os.write(sys.stdout.fileno(), f"{prefix}{text}\n".encode())
