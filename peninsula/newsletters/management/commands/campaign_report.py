import json

from django.core.management.base import BaseCommand, CommandError

from peninsula.newsletters import campaigns
from peninsula.newsletters.models import Campaign


class Command(BaseCommand):
    help = "Print a campaign's report: queued, sent, unconfirmed, failed, bounced, unsubscribed."

    def add_arguments(self, parser):
        parser.add_argument("campaign", type=int)
        parser.add_argument(
            "--json", action="store_true", help="every delivery as JSON, for scripts"
        )

    def handle(self, *args, campaign, **options):
        instance = Campaign.objects.filter(pk=campaign).first()
        if instance is None:
            raise CommandError(f"There is no campaign {campaign}; check the id in the admin.")
        counts = campaigns.report(instance)
        if options["json"]:
            deliveries = list(instance.deliveries.values("email", "status", "attempts"))
            payload = {"status": instance.status, "counts": counts, "deliveries": deliveries}
            self.stdout.write(json.dumps(payload))
            return
        self.stdout.write(f"{instance.subject} ({instance.get_status_display()})")
        for key in campaigns.REPORT_KEYS:
            self.stdout.write(f"  {key:<13} {counts[key]}")
