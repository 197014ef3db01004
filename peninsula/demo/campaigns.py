"""The demo's newsletter office: a few confirmed readers and one draft campaign of each
template, ready to preview, test and send (nothing is sent by loading the demo)."""

from django.utils import timezone

READERS = [
    ("min-ji.kang@example.org", "Min-ji Kang", ["Weekly brief", "Events"]),
    ("daniel.ortiz@example.org", "Daniel Ortiz", ["Weekly brief"]),
    ("aiko.tanaka@example.org", "Aiko Tanaka", ["Institute updates", "Weekly brief"]),
    ("sam.okafor@example.org", "Sam Okafor", ["Events"]),
]


def ensure_campaigns() -> int:
    """Create the demo readers and draft campaigns that are missing; returns campaigns made."""
    from peninsula.newsletters.models import Campaign, CampaignItem, MailingList, Subscriber
    from peninsula.publications.models import EventPage, PublicationPage

    lists = {item.name: item for item in MailingList.objects.all()}
    for email, name, names in READERS:
        reader, created = Subscriber.objects.get_or_create(
            email=email,
            defaults={"name": name, "status": "active", "confirmed_at": timezone.now()},
        )
        if created:
            reader.lists.set([lists[n] for n in names if n in lists])
    if Campaign.objects.exists():
        return 0
    live = PublicationPage.objects.listed().order_by("-date", "-pk")
    latest = list(live.not_type(EventPage)[:3])
    event = EventPage.objects.live().order_by("-start_date").first()
    plans = [
        (
            Campaign.Template.NEWSLETTER,
            "The week on the peninsula",
            ["Weekly brief"],
            latest,
            "<p>Good morning. Three pieces from our fellows this week.</p>",
        ),
        (
            Campaign.Template.ALERT,
            f"New: {latest[0].title}" if latest else "New from the institute",
            ["Institute updates"],
            latest[:1],
            "",
        ),
        (
            Campaign.Template.INVITATION,
            f"Invitation: {event.title}" if event else "An invitation",
            ["Events"],
            [event] if event else [],
            "<p>We would be glad to see you there.</p>",
        ),
    ]
    made = 0
    for template, subject, list_names, pages, introduction in plans:
        if not pages:
            continue
        campaign = Campaign.objects.create(
            template=template, subject=subject[:200], introduction=introduction
        )
        campaign.lists.set([lists[n] for n in list_names if n in lists])
        campaign.save()
        for order, page in enumerate(pages):
            CampaignItem.objects.create(campaign=campaign, publication=page, sort_order=order)
        made += 1
    return made
