"""Send one campaign to N subscribers through a local SMTP sink and print messages/s.

    .venv/bin/python bench/newsletter_speed.py [--subscribers 50000] [--database-url URL]

A fresh SQLite database in a temporary folder (or the PostgreSQL database you name, which
must be empty), migrated; N confirmed subscribers; one campaign with a publication. The
sink is an aiosmtpd server on 127.0.0.1 in a process of its own that counts what it
accepts. Sending runs through the Tasks API exactly as in production (queue in batches,
then sender lanes claiming one delivery at a time, committing before and after each
message), in `--lanes` worker processes started with `peninsula worker`. See docs/newsletters.md.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINK = """
import asyncio, signal, sys
from aiosmtpd.controller import Controller
class Count:
    n = 0
    async def handle_DATA(self, server, session, envelope):
        Count.n += len(envelope.rcpt_tos)
        return "250 OK"
    async def handle_RSET(self, server, session, envelope):
        return "250 OK"
c = Controller(Count(), hostname="127.0.0.1", port=int(sys.argv[1]))
c.start()
print("ready", flush=True)
def stop(*_):
    c.stop(); print(Count.n, flush=True); sys.exit(0)
signal.signal(signal.SIGTERM, stop)
signal.pause()
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=50_000)
    parser.add_argument("--lanes", type=int, default=2, help="worker processes (concurrency)")
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite)")
    parser.add_argument("--timeout", type=float, default=900)
    options = parser.parse_args(argv)

    data_dir = Path(tempfile.mkdtemp(prefix="peninsula-bench-mail-"))
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "newsletters"))
    from smtp import free_port  # tests/newsletters/smtp.py

    port = free_port()
    env = {
        **os.environ,
        "PENINSULA_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "tests.newsletters.worker_settings",
        "NEWSLETTER_TEST_SMTP_PORT": str(port),
        "NEWSLETTER_TEST_TASKS": "db",
        "NEWSLETTER_TEST_QUEUE": "bench",
        "NEWSLETTER_TEST_RATE": "0",  # no cap: measure the pipeline
        "NEWSLETTER_TEST_BATCH": "500",  # the production defaults, not the crash test's
        "NEWSLETTER_TEST_LEASE": "90",
        "NEWSLETTER_TEST_LANES": str(options.lanes),
        "DATABASE_URL": options.database_url or f"sqlite:///{data_dir / 'bench.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update(env)
    print("migrating a fresh database…", flush=True)
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--no-input", "-v0"], env=env, check=True
    )
    import django

    django.setup()
    from django.conf import settings

    settings.PENINSULA_NEWSLETTER_CONCURRENCY = options.lanes
    from peninsula.newsletters import campaigns
    from peninsula.newsletters.models import Campaign, MailingList, Subscriber

    mailing_list = MailingList.objects.create(name="Bench")
    people = Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"reader{n:06d}@example.org", name=f"Reader {n}", status="active")
            for n in range(options.subscribers)
        ),
        batch_size=2000,
    )
    Subscriber.lists.through.objects.bulk_create(
        (
            Subscriber.lists.through(subscriber_id=p.pk, mailinglist_id=mailing_list.pk)
            for p in people
        ),
        batch_size=5000,
    )
    campaign = Campaign.objects.create(
        subject="Benchmark letter", introduction="<p>" + "Analysis. " * 80 + "</p>"
    )
    campaign.lists.set([mailing_list])
    campaign.save()

    sink = subprocess.Popen(
        [sys.executable, "-c", SINK, str(port)], stdout=subprocess.PIPE, text=True
    )
    assert sink.stdout.readline().strip() == "ready"
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "peninsula", "worker", "--queue", "bench"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(options.lanes)
    ]
    try:
        time.sleep(5)  # let the workers finish starting, so only sending is timed
        started = time.monotonic()
        campaigns.send_now(campaign)
        deadline = started + options.timeout
        queued_at = None
        while (status := Campaign.objects.get(pk=campaign.pk).status) != Campaign.Status.SENT:
            if queued_at is None and status == Campaign.Status.SENDING:
                queued_at = time.monotonic()
            if time.monotonic() > deadline:
                sys.exit("timed out")
            time.sleep(0.2)
        elapsed = time.monotonic() - started
    finally:
        for worker in workers:
            worker.terminate()
        sink.terminate()
        received = int(sink.communicate(timeout=30)[0].strip() or 0)
    report = campaigns.report(Campaign.objects.get(pk=campaign.pk))
    queuing = (queued_at or started) - started
    print(f"queued {report['total']} deliveries in {queuing:.1f} s")
    print(f"{report['sent']} sent, {received} received by the sink, in {elapsed:.1f} s in all")
    print(f"{report['sent'] / elapsed:.0f} messages/s")


if __name__ == "__main__":
    main()
