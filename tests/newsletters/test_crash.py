"""Exactly once, proven the hard way: SIGKILL the worker at random moments mid-campaign.

A real `peninsula worker` process sends a campaign to a real SMTP server on loopback; the
test kills its whole process group several times while it is sending, restarts it each
time, and at the end compares what the server received with the campaign report, then has
an editor resend. No address may arrive twice and none may be missing: a message stopped
before its final dot is sent again by itself; one stopped after it is 'unconfirmed' (only
the server knows whether it kept it), and the editor, having looked its Message-ID up in
the server's log, resends exactly those the server does not have. Run with the database task backend and with RQ on Redis,
on whichever database the suite runs (SQLite, PostgreSQL).
"""

import collections
import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from peninsula.newsletters.models import Campaign, MailingList, Subscriber
from tests.newsletters.smtp import SMTPServer

RECIPIENTS = 300
KILLS = 3
REPO = Path(__file__).resolve().parents[2]


def _check_redis():
    import redis

    try:
        redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")).ping()
    except redis.ConnectionError as error:  # fail, never skip: CI must have Redis
        pytest.fail(f"Redis at 127.0.0.1:6379 is unreachable: {error}")


class Harness:
    """The worker process and a window onto the database it writes."""

    def __init__(self, tmp_path, smtp_port, tasks):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.newsletters.worker_settings",
            "PENINSULA_DATA_DIR": str(tmp_path),
            "NEWSLETTER_TEST_SMTP_PORT": str(smtp_port),
            "NEWSLETTER_TEST_TASKS": tasks,
            "NEWSLETTER_TEST_QUEUE": f"newsletters-crash-{uuid.uuid4().hex[:8]}",
            "PYTHONPATH": str(REPO),
        }
        self.tmp_path = tmp_path
        self.worker = None
        vendor = connection.vendor
        if vendor == "sqlite":
            # The test database lives in this process's memory; give the workers a file copy.
            path = tmp_path / "crash.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(path) as target:
                connection.connection.backup(target)
            self.env["DATABASE_URL"] = f"sqlite:///{path}"
            self.sqlite_path = path
        else:
            params = connection.settings_dict
            self.env["DATABASE_URL"] = (
                f"postgres://{params['USER']}@{params['HOST']}:{params['PORT'] or 5432}"
                f"/{params['NAME']}"
            )
            self.sqlite_path = None

    def query(self, sql, *args):
        if self.sqlite_path:
            with sqlite3.connect(self.sqlite_path, timeout=20) as db:
                return db.execute(sql.replace("%s", "?"), args).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            return cursor.fetchall()

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "-m", "django", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def start_worker(self):
        log = open(self.tmp_path / "worker.log", "ab")  # noqa: SIM115  (closed with the process)
        self.worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "peninsula",
                "worker",
                "--queue",
                self.env["NEWSLETTER_TEST_QUEUE"],
            ],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: RQ's work horse dies with it
        )
        log.close()

    def kill_worker(self):
        # RQ's work horse moves to a process group of its own; kill every descendant, as a
        # machine losing power (or the OOM killer taking the lot) would.
        doomed = [self.worker.pid, *descendants(self.worker.pid)]
        for pid in doomed:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.worker.wait(timeout=30)
        for pid in doomed[1:]:
            wait_gone(pid)

    def cleanup(self):
        if self.worker and self.worker.poll() is None:
            self.kill_worker()
        if self.env["NEWSLETTER_TEST_TASKS"] == "rq":
            import redis

            client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
            for key in client.scan_iter(f"*{self.env['NEWSLETTER_TEST_QUEUE']}*"):
                client.delete(key)

    def log(self):
        path = self.tmp_path / "worker.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def descendants(root: int) -> list[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def wait_gone(pid: int) -> None:
    """Until the process is dead (gone, or a zombie nobody has reaped yet)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in {"Z", "X"}:
            return
        time.sleep(0.02)


def wait_for(condition, seconds, harness, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}; worker log:\n{harness.log()}")
        time.sleep(0.05)


@pytest.mark.parametrize("tasks", ["database", "rq"])
def test_sigkilled_workers_never_double_send_or_lose_a_recipient(transactional_db, tmp_path, tasks):
    if tasks == "rq":
        _check_redis()
    events = MailingList.objects.create(name="Crash test list")
    people = Subscriber.objects.bulk_create(
        Subscriber(email=f"crash{n:04d}@example.org", status="active") for n in range(RECIPIENTS)
    )
    Subscriber.lists.through.objects.bulk_create(
        Subscriber.lists.through(subscriber_id=person.pk, mailinglist_id=events.pk)
        for person in people
    )
    campaign = Campaign.objects.create(subject="Crash test", introduction="<p>Hello.</p>")
    campaign.lists.set([events])
    campaign.save()

    rng = random.Random()
    with SMTPServer() as smtp:
        harness = Harness(tmp_path, smtp.port, "rq" if tasks == "rq" else "db")
        try:
            harness.manage("send_campaign", str(campaign.pk))
            kills = 0
            for _ in range(KILLS):
                harness.start_worker()
                before = smtp.handler.count
                # Kill only once it is really sending, at a random moment after that.
                wait_for(lambda b=before: smtp.handler.count > b, 60, harness, "sending")
                time.sleep(rng.uniform(0, 0.6))
                if smtp.handler.count >= RECIPIENTS:
                    break
                harness.kill_worker()
                kills += 1
            harness.start_worker()

            def finished():
                rows = harness.query(
                    "SELECT status FROM newsletters_campaign WHERE id = %s", campaign.pk
                )
                return rows[0][0] == "sent"

            wait_for(finished, 90, harness, "the campaign to finish")
            before = collections.Counter(r for item in smtp.received for r in item.recipients)
            report_before = dict(
                harness.query(
                    "SELECT email, status FROM newsletters_delivery WHERE campaign_id = %s",
                    campaign.pk,
                )
            )
            # The editor looks each unconfirmed Message-ID up in the mail server's log and
            # ticks those it does not show; the page's button resends exactly those.
            at_server = {item.message["Message-ID"].strip("<>") for item in smtp.received}
            unconfirmed = harness.query(
                "SELECT id, message_id FROM newsletters_delivery "
                "WHERE campaign_id = %s AND status = 'unconfirmed'",
                campaign.pk,
            )
            ticked = [pk for pk, message_id in unconfirmed if message_id not in at_server]
            output = harness.manage("shell", "-c", RESEND.format(pk=campaign.pk, ids=ticked))
            shown, resent = map(int, output.strip().splitlines()[-1].split())
            count = smtp.handler.count
            wait_for(lambda: smtp.handler.count >= count + resent, 30, harness, "the resend")
            time.sleep(1)  # anything more (there must be nothing) would arrive by now
        finally:
            harness.cleanup()
        received = collections.Counter(r for item in smtp.received for r in item.recipients)

    report = dict(
        harness.query(
            "SELECT email, status FROM newsletters_delivery WHERE campaign_id = %s", campaign.pk
        )
    )
    assert kills >= 2, "the worker finished before it could be killed mid-campaign"
    twice = [address for address, n in received.items() if n > 1]
    assert twice == [], (
        harness.query(
            "SELECT email, status, attempts, batch_id FROM newsletters_delivery WHERE email IN (%s, %s)",
            *(twice * 2)[:2],
        ),
        harness.log(),
    )
    assert sorted(report) == sorted(person.email for person in people)
    # Before the resend: the report is exact about what reached the server. Every 'sent'
    # arrived; whatever did not arrive is 'unconfirmed' (none silently lost).
    assert set(report_before.values()) <= {"sent", "unconfirmed"}
    sent = {address for address, status in report_before.items() if status == "sent"}
    in_doubt = set(report_before) - sent
    assert sent <= set(before)
    assert set(report_before) - set(before) <= in_doubt
    assert len(sent) + len(in_doubt & set(before)) == sum(before.values())
    # At most one message in flight per open connection (two lanes) per kill.
    assert len(in_doubt) <= kills * 2
    # The editor saw the number, resent exactly the ticked ones, and now everyone has it once.
    assert shown == len(in_doubt) and resent == len(ticked) == len(set(report) - set(before))
    assert set(received) == set(report) and twice == []
    assert sum(received.values()) == RECIPIENTS
    again = harness.query(
        "SELECT COUNT(*) FROM newsletters_delivery WHERE campaign_id = %s AND attempts > 1",
        campaign.pk,
    )[0][0]
    print(
        f"\n{tasks} on {connection.vendor}: {kills} kills, {len(sent)} sent, "
        f"{len(in_doubt)} unconfirmed ({len(in_doubt & set(before))} at the server), "
        f"{resent} resent by the editor, {again} sent again automatically, "
        f"{len(received)} received, 0 twice"
    )


# Run in a `manage.py shell` beside the workers (on SQLite they use a file copy of the
# test database): the number the campaign page shows, then what its button does.
RESEND = (
    "from peninsula.newsletters import campaigns; "
    "from peninsula.newsletters.models import Campaign; "
    "c = Campaign.objects.get(pk={pk}); ids = {ids}; "
    "print(campaigns.resendable(c), campaigns.resend_unconfirmed(c, len(ids), ids))"
)
