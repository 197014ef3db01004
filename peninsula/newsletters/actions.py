"""Every change to a subscriber: sign-up, confirmation, preferences, unsubscribing, forgetting.

Views, commands, tasks and tests all come through here. Sign-up never changes the lists of
an address on its own say-so: the lists asked for travel inside the signed confirmation link
and are added only when the owner of the mailbox clicks it (double opt-in), which is also
why the sign-up answer can be the same whether or not the address was known.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from peninsula.newsletters import tokens
from peninsula.newsletters.models import ConsentRecord, Delivery, MailingList, Subscriber


def normalise_email(email: str) -> str:
    return email.strip().lower()


def record_consent(subscriber, action, *, source="", ip=None, detail="") -> ConsentRecord:
    return ConsentRecord.objects.create(
        subscriber=subscriber,
        action=action,
        source=source[:200],
        ip=ip or None,
        detail=detail[:500],
    )


def _describe(list_ids, series_ids) -> str:
    names = list(MailingList.objects.filter(pk__in=list_ids).values_list("name", flat=True))
    text = "lists: " + ", ".join(names)
    if series_ids:
        text += f"; series ids: {', '.join(map(str, series_ids))}"
    return text


@transaction.atomic
def sign_up(
    email: str,
    *,
    name: str = "",
    organisation: str = "",
    list_ids=(),
    series_ids=(),
    source: str = "",
    ip: str | None = None,
    base: str = "",
) -> Subscriber:
    """Record a sign-up request and send (in the background) a confirmation link, at
    `base` (the site's address as the reader saw it; "": peninsula.core.urls_base).

    Repeated requests within PENINSULA_NEWSLETTER_RESEND_MINUTES send nothing more, so the
    form cannot be used to flood someone's inbox.
    """
    email = normalise_email(email)
    list_ids = sorted({int(pk) for pk in list_ids})
    series_ids = sorted({int(pk) for pk in series_ids})
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=email, defaults={"name": name[:200], "organisation": organisation[:200]}
    )
    if not created and not subscriber.is_active:
        # The mailbox owner will confirm; until then the newest name is the best guess.
        subscriber.name = name[:200] or subscriber.name
        subscriber.organisation = organisation[:200] or subscriber.organisation
        subscriber.save(update_fields=["name", "organisation"])
    record_consent(
        subscriber, "signup", source=source, ip=ip, detail=_describe(list_ids, series_ids)
    )
    send_confirmation(subscriber, list_ids, series_ids, base=base)
    return subscriber


def send_confirmation(
    subscriber: Subscriber, list_ids, series_ids, *, force=False, base: str = ""
) -> bool:
    """Queue a confirmation email unless one went out a few minutes ago."""
    now = timezone.now()
    wait = timedelta(minutes=settings.PENINSULA_NEWSLETTER_RESEND_MINUTES)
    last = subscriber.confirmation_sent_at
    if not force and last and now - last < wait:
        return False
    # A fresh nonce: only the newest confirmation link works.
    nonce = tokens.new_nonce()
    Subscriber.objects.filter(pk=subscriber.pk).update(
        confirmation_sent_at=now, confirm_nonce=nonce
    )
    subscriber.confirmation_sent_at, subscriber.confirm_nonce = now, nonce
    from peninsula.newsletters.tasks import enqueue, send_confirmation_email

    extra = {"lists": list(list_ids), "series": list(series_ids)}
    transaction.on_commit(lambda: enqueue(send_confirmation_email, subscriber.pk, extra, base))
    return True


@transaction.atomic
def confirm(subscriber: Subscriber, extra: dict, *, ip=None) -> bool | None:
    """Confirm the address and join the lists the link names. False if nothing was new;
    None if the link was spent meanwhile (used in another tab, or the person unsubscribed).

    `extra["nonce"]`, when given, must still be the subscriber's: checked under the row
    lock, so two clicks at once confirm once, and the link is spent here.
    """
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    nonce = extra.get("nonce")
    if nonce is not None:
        if not subscriber.confirm_nonce or subscriber.confirm_nonce != nonce:
            return None
        subscriber.confirm_nonce = ""
        subscriber.save(update_fields=["confirm_nonce"])
    list_ids = set(
        MailingList.objects.filter(pk__in=extra.get("lists") or []).values_list("pk", flat=True)
    )
    series_ids = [pk for pk in extra.get("series") or [] if isinstance(pk, int)]
    current = set(subscriber.lists.values_list("pk", flat=True))
    if subscriber.is_active and list_ids <= current:
        return False
    subscriber.status = Subscriber.Status.ACTIVE
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.bounce_count = subscriber.complaint_count = 0
    subscriber.suppressed_reason = ""
    subscriber.save()
    subscriber.lists.add(*list_ids)
    if series_ids:
        from peninsula.publications.models import SeriesPage

        subscriber.series.add(*SeriesPage.objects.filter(pk__in=series_ids))
        if subscriber.frequency == Subscriber.Frequency.NONE:
            subscriber.frequency = Subscriber.Frequency.WEEKLY
            subscriber.save(update_fields=["frequency"])
    record_consent(subscriber, "confirm", ip=ip, detail=_describe(list_ids, series_ids))
    return True


@transaction.atomic
def update_preferences(
    subscriber: Subscriber, *, lists, themes, series, frequency, ip=None
) -> Subscriber:
    subscriber.lists.set(lists)
    subscriber.themes.set(themes)
    subscriber.series.set(series)
    subscriber.frequency = frequency
    subscriber.save(update_fields=["frequency"])
    detail = "lists: " + ", ".join(str(item) for item in lists) + f"; digest: {frequency}"
    record_consent(subscriber, "preferences", ip=ip, detail=detail)
    return subscriber


@transaction.atomic
def unsubscribe_everything(subscriber: Subscriber, *, source="", ip=None) -> bool:
    """Stop all mail to this person at once, including deliveries still queued."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    was_subscribed = subscriber.status != Subscriber.Status.UNSUBSCRIBED
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.frequency = Subscriber.Frequency.NONE
    subscriber.confirm_nonce = ""  # a confirmation link sent earlier must not undo this
    subscriber.save()
    subscriber.lists.clear()
    subscriber.themes.clear()
    subscriber.series.clear()
    Delivery.objects.filter(subscriber=subscriber, status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.UNSUBSCRIBED
    )
    record_consent(subscriber, "unsubscribe", source=source, ip=ip)
    return was_subscribed


@transaction.atomic
def forget(subscriber: Subscriber) -> None:
    """Erase a person: their row, consent records and digest history go; campaign reports
    keep a count but no longer say who (the delivery rows lose the address)."""
    Delivery.objects.filter(subscriber=subscriber).update(email="", subscriber=None)
    subscriber.delete()
