"""Mailing lists, the people on them, what they agreed to, and campaigns with their deliveries.

Delivery rows are the record of who gets a campaign: one per (campaign, subscriber), created
before anything is sent, so a crash can never make the list of recipients forget anyone.
"""

import secrets

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from peninsula.newsletters.widgets import RecipientListsWidget


def new_key() -> str:
    return secrets.token_urlsafe(24)


class MailingList(models.Model):
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True, help_text="One or two sentences readers see.")
    public = models.BooleanField(
        default=True, help_text="Offered on the sign-up forms. Private lists are filled by editors."
    )
    sort_order = models.IntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("public"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        ACTIVE = "active", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        SUPPRESSED = "suppressed", "Stopped (bounces or complaints)"

    class Frequency(models.TextChoices):
        NONE = "none", "No digest"
        AS_PUBLISHED = "as_published", "As soon as something is published"
        WEEKLY = "weekly", "Once a week"

    email = models.EmailField(max_length=254, unique=True)
    name = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    # Part of every token: a forgotten person's links stop working, and a row that reuses
    # an id can never be reached by someone else's old link.
    # Links carry this random key, never the row id (which would count the subscribers).
    key = models.CharField(max_length=40, default=new_key, editable=False, unique=True)
    # The nonce of the one confirmation link that may still be used ("" once it is used,
    # the person unsubscribes, or none was sent): old links can never subscribe anyone.
    confirm_nonce = models.CharField(max_length=32, blank=True, editable=False)
    lists = models.ManyToManyField(MailingList, blank=True, related_name="subscribers")
    themes = models.ManyToManyField("taxonomy.Theme", blank=True, related_name="+")
    series = models.ManyToManyField("publications.SeriesPage", blank=True, related_name="+")
    frequency = models.CharField(max_length=16, choices=Frequency.choices, default=Frequency.NONE)
    created_at = models.DateTimeField(default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    bounce_count = models.PositiveIntegerField(default=0)
    complaint_count = models.PositiveIntegerField(default=0)
    suppressed_reason = models.CharField(max_length=255, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    panels = [
        FieldPanel("email"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("status"),
        FieldPanel("lists"),
        FieldPanel("frequency"),
    ]

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    def consent_history(self) -> str:
        """Every recorded agreement and change, for the admin's inspect view."""
        lines = [
            f"{c.at:%Y-%m-%d %H:%M} {c.action}"
            + (f" via {c.source}" if c.source else "")
            + (f" from {c.ip}" if c.ip else "")
            + (f" ({c.detail})" if c.detail else "")
            for c in self.consents.all()
        ]
        return "\n".join(lines) or "No records"

    consent_history.short_description = "Consent record"


class ConsentRecord(models.Model):
    """What a person agreed to, when, through which form and from which address."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(max_length=32)  # signup, confirm, preferences, import, unsubscribe
    source = models.CharField(max_length=200, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"


class Campaign(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        QUEUING = "queuing", "Queuing"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    class Template(models.TextChoices):
        NEWSLETTER = "newsletter", "Newsletter"
        ALERT = "alert", "Single-publication alert"
        INVITATION = "invitation", "Event invitation"

    template = models.CharField(
        "email template",
        max_length=16,
        choices=Template.choices,
        default=Template.NEWSLETTER,
        help_text="Newsletter: an introduction, then each publication. Alert: the first "
        "publication alone, large. Invitation: the first publication, which must be an "
        "event, with its date, place and how to register.",
    )
    subject = models.CharField(max_length=200)
    preheader = models.CharField(
        max_length=200, blank=True, help_text="The line mail programs show after the subject."
    )
    introduction = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    closing = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    lists = ParentalManyToManyField(MailingList, blank=True, related_name="campaigns")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    send_at = models.DateTimeField(null=True, blank=True)
    # Queuing walks subscribers by id; this is how far it got, so a crash resumes there.
    queued_up_to = models.BigIntegerField(default=0, editable=False)
    queue_lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    # The message as it was when sending began: later edits never reach half the list.
    rendered_text = models.TextField(blank=True, editable=False)
    rendered_html = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # How many times the open-counting image was loaded (only with
    # PENINSULA_NEWSLETTER_TRACK_OPENS): a total for the campaign, never per person.
    opens = models.PositiveIntegerField(default=0, editable=False)

    panels = [
        FieldPanel("template", widget=forms.RadioSelect),
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("lists", widget=RecipientListsWidget),
        FieldPanel("introduction"),
        MultiFieldPanel([InlinePanel("items", label="Publication")], heading="Publications"),
        FieldPanel("closing"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.SCHEDULED}


class CampaignItem(Orderable):
    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="items")
    publication = models.ForeignKey(
        "publications.PublicationPage", on_delete=models.CASCADE, related_name="+"
    )
    note = models.TextField(blank=True, help_text="Optional words of your own under the summary.")

    panels = [FieldPanel("publication"), FieldPanel("note")]


class CampaignLink(models.Model):
    """One link in a campaign and how many times it was followed: a total, never who."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="links")
    url = models.CharField(max_length=2000)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-clicks", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "url"], name="one_row_per_campaign_link")
        ]

    def __str__(self):
        return f"{self.url}: {self.clicks}"


@register_setting(icon="mail")
class NewsletterSettings(BaseSiteSetting):
    """How the institute's emails look and who they come from (Settings → Newsletter)."""

    sender_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="The name readers see as the sender. Defaults to the institute's name.",
    )
    logo = models.ForeignKey(
        "assets.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top of every email (a PNG or JPEG version is sent, as mail "
        "programs do not show SVG). Defaults to the site's logo.",
    )

    panels = [FieldPanel("sender_name"), FieldPanel("logo")]

    class Meta:
        verbose_name = "newsletter settings"


class Batch(models.Model):
    """A slice of a campaign's deliveries that one sender works through under a lease."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="batches")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    owner = models.CharField(max_length=40, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self):
        return f"Batch {self.pk} of campaign {self.campaign_id}: {self.status}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        # The whole message reached the server (its final dot was written); its answer is
        # awaited. If the lane dies now the sweeper makes it 'unconfirmed'.
        HANDED_OVER = "handed_over", "Handed to the server"
        SENT = "sent", "Sent"
        UNCONFIRMED = "unconfirmed", "Unconfirmed"
        FAILED = "failed", "Failed"
        BOUNCED = "bounced", "Bounced"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed before sending"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL)
    email = models.EmailField(max_length=254)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "subscriber"], name="one_delivery_each")
        ]
        indexes = [models.Index(fields=["batch", "status"])]

    def __str__(self):
        return f"{self.email}: {self.status}"


class DigestEntry(models.Model):
    """One publication sent to one subscriber in a digest: never sent to them again."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    publication = models.ForeignKey(
        "publications.PublicationPage", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "publication"], name="digest_once")
        ]

    def __str__(self):
        return f"{self.subscriber_id} got {self.publication_id}"


class SubscriberImport(models.Model):
    """One CSV upload: its progress while it runs, then its report of rejected rows."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    file_name = models.CharField(max_length=255)
    file_path = models.CharField(max_length=1000)
    lists = models.ManyToManyField(MailingList, related_name="+")
    consent_note = models.CharField(max_length=300)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}
