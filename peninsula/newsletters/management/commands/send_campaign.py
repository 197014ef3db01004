from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from peninsula.newsletters import campaigns
from peninsula.newsletters.models import Campaign


class Command(BaseCommand):
    help = (
        "Hand a campaign to the background workers, now or at a set time. "
        "`peninsula worker` does the sending."
    )

    def add_arguments(self, parser):
        parser.add_argument("campaign", type=int, help="the campaign's id (see the admin URL)")
        parser.add_argument(
            "--at", help="ISO date and time to send at, e.g. 2030-05-14T09:00+09:00"
        )

    def handle(self, *args, campaign, at=None, **options):
        instance = Campaign.objects.filter(pk=campaign).first()
        if instance is None:
            raise CommandError(f"There is no campaign {campaign}; check the id in the admin.")
        if not instance.lists.exists():
            raise CommandError("The campaign has no lists to send to; choose at least one.")
        if at:
            when = parse_datetime(at)
            if when is None or when.tzinfo is None:
                raise CommandError("Give --at as an ISO date and time with a UTC offset.")
            if not campaigns.schedule(instance, when):
                raise CommandError(f"Campaign {campaign} is already {instance.status}.")
            self.stdout.write(f"Campaign {campaign} will be sent at {when.isoformat()}.")
            return
        if not campaigns.send_now(instance):
            raise CommandError(f"Campaign {campaign} is already {instance.status}.")
        self.stdout.write(f"Campaign {campaign} is queued; the workers are sending it.")
