from django.core.management.base import BaseCommand

from peninsula.registrations import actions


class Command(BaseCommand):
    help = (
        "Email a reminder to everyone with a place at an event starting within "
        "PENINSULA_REMINDER_HOURS (24) hours, once each. `peninsula worker` runs this every "
        "ten minutes; without a worker, run it from cron as often."
    )

    def handle(self, *args, **options):
        count = actions.send_reminders()
        if options["verbosity"]:
            self.stdout.write(f"Reminders queued: {count}")
