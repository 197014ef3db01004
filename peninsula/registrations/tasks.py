"""Background tasks: each takes ids and hands over to library code."""

from django_tasks import task

from peninsula.registrations import actions, emails
from peninsula.registrations.models import Registration


@task(queue_name="default")
def send_registration_email(registration_id: int, kind: str, base: str = "") -> bool:
    """One registration email (emails.KINDS); `base`: the site's address as the reader saw
    it ("": base_url())."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    return bool(emails.message(registration, kind, base or None).send())


@task(queue_name="default")
def send_event_reminders() -> int:
    return actions.send_reminders()
