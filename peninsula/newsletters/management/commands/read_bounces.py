import mailbox as mailboxes
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from peninsula.newsletters.bounces import record_bounce
from peninsula.newsletters.dsn import parse_dsn


class Command(BaseCommand):
    help = (
        "Read delivery status notifications (RFC 3464) from the bounce mailbox, a Maildir "
        "folder or an mbox file, and stop mail to addresses that bounce. Messages that were "
        "read are removed unless --keep is given; anything that is not a DSN is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("mailbox", help="path to a Maildir folder or an mbox file")
        parser.add_argument("--keep", action="store_true", help="leave read messages in place")

    def handle(self, *args, mailbox: str, keep: bool = False, **options):
        path = Path(mailbox)
        if path.is_dir():
            if not (path / "new").is_dir() and not (path / "cur").is_dir():
                raise CommandError(f"{path} is a folder but not a Maildir (no new/ or cur/).")
            box = mailboxes.Maildir(path, create=False)
        elif path.is_file():
            box = mailboxes.mbox(path, create=False)
        else:
            raise CommandError(f"There is no mailbox at {path}; give a Maildir folder or mbox.")
        stats = {"messages": 0, "bounces": 0, "stopped": 0}
        box.lock()
        try:
            keys = list(box.keys())
            with Progress(console=None, transient=True, disable=not self.stdout.isatty()) as bar:
                task = bar.add_task("Reading bounces", total=len(keys))
                for key in keys:
                    bounces = parse_dsn(box.get_bytes(key))
                    stats["messages"] += 1
                    for bounce in bounces:
                        stats["bounces"] += 1
                        reason = f"{bounce.status} {bounce.diagnostic}".strip()
                        stats["stopped"] += record_bounce(
                            bounce.recipient,
                            bounce.kind,
                            reason=reason,
                            message_id=bounce.message_id,
                        )
                    if bounces and not keep:
                        box.remove(key)
                    bar.advance(task)
            box.flush()
        finally:
            box.unlock()
            box.close()
        self.stdout.write(
            f"Read {stats['messages']} messages: {stats['bounces']} bounces, "
            f"{stats['stopped']} addresses stopped."
        )
