"""Background tasks: each takes ids and hands over to library code."""

from django.conf import settings
from django_tasks import task

from peninsula.newsletters import campaigns, emails, sending
from peninsula.newsletters.models import Subscriber


def enqueue(task_function, *args):
    """Queue on the newsletter queue (PENINSULA_NEWSLETTER_QUEUE), so mail can have its own."""
    return task_function.using(queue_name=settings.PENINSULA_NEWSLETTER_QUEUE).enqueue(*args)


@task(queue_name="default")
def send_confirmation_email(subscriber_id: int, extra: dict, base: str = "") -> bool:
    """`base`: the site's address as the reader signing up saw it ("": base_url())."""
    from django.core.mail import get_connection

    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    message = emails.confirmation_message(subscriber, extra, base or None)
    message.connection = get_connection(settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND)
    return bool(message.send())


@task(queue_name="default")
def queue_campaign(campaign_id: int) -> int:
    return campaigns.queue_recipients(campaign_id)


@task(queue_name="default")
def send_lane(campaign_id: int) -> int:
    return sending.run_lane(campaign_id)


@task(queue_name="default")
def send_digests(frequency: str, page_ids: list[int] | None = None) -> int:
    """`page_ids`: the publications just published (as-published digests consider only
    those, and only the people who follow them); None: everything new (weekly digests)."""
    from peninsula.newsletters.digests import send_due_digests

    return send_due_digests(frequency, page_ids)


@task(queue_name="default")
def send_test_email(campaign_id: int, address: str, base: str = "") -> bool:
    from peninsula.newsletters.previews import send_test

    return send_test(campaign_id, address, base)


@task(queue_name="default")
def import_subscribers(import_id: int) -> str:
    from peninsula.newsletters.importing import run_import

    return run_import(import_id)
