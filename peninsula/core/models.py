"""Institute-wide settings editors change in the admin (Settings → Institute)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

DEFAULT_DISCLAIMER = "The views expressed here are the author's alone."
DEFAULT_DISCLAIMER_SEVERAL = "The views expressed here are the authors' alone."


@register_setting(icon="site")
class InstituteSettings(BaseSiteSetting):
    name = models.CharField(max_length=255, default="Peninsula Institute")
    name_in_sentence = models.CharField(
        max_length=255,
        blank=True,
        help_text="The name as it reads inside a sentence, e.g. 'the Korea Institute' in "
        "'Jane Park is a Fellow at the Korea Institute.' Defaults to the name.",
    )
    short_name = models.CharField(
        max_length=64, blank=True, help_text="Used where space is short, e.g. 'PI'."
    )
    tagline = models.CharField(max_length=255, blank=True)
    postal_address = models.TextField(
        blank=True, help_text="Printed in the footer and in every newsletter."
    )
    disclosure_footer = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="The legal disclosure shown on every page, e.g. a foreign-agent registration "
        "statement.",
    )
    default_disclaimer = models.CharField(
        max_length=500,
        default=DEFAULT_DISCLAIMER,
        help_text="Shown at the end of each publication unless it has its own disclaimer.",
    )
    default_disclaimer_several = models.CharField(
        "default disclaimer for several authors",
        max_length=500,
        blank=True,
        default=DEFAULT_DISCLAIMER_SEVERAL,
        help_text="The same for a publication with more than one author (\"the authors' "
        'alone"). Leave empty to use the default disclaimer above.',
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=64, blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)
    bluesky_url = models.URLField("Bluesky", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_in_sentence"),
                FieldPanel("short_name"),
                FieldPanel("tagline"),
            ],
            heading="Institute",
        ),
        MultiFieldPanel(
            [FieldPanel("postal_address"), FieldPanel("email"), FieldPanel("phone")],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("disclosure_footer"),
                FieldPanel("default_disclaimer"),
                FieldPanel("default_disclaimer_several"),
            ],
            heading="Legal",
        ),
        MultiFieldPanel(
            [
                FieldPanel("x_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("instagram_url"),
            ],
            heading="Social links",
        ),
    ]

    class Meta:
        verbose_name = "institute settings"

    def __str__(self):
        return self.name

    @property
    def in_sentence(self) -> str:
        return self.name_in_sentence or self.name

    def disclaimer_for(self, author_count: int) -> str:
        """The default disclaimer in the grammar of the byline: several authors' views are
        "the authors'", one author's (or an unsigned piece's) "the author's"."""
        if author_count > 1 and self.default_disclaimer_several:
            return self.default_disclaimer_several
        return self.default_disclaimer

    @property
    def social_links(self):
        """(label, url) pairs for the links that are set, in display order."""
        candidates = [
            ("X", self.x_url),
            ("Bluesky", self.bluesky_url),
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Instagram", self.instagram_url),
        ]
        return [(label, url) for label, url in candidates if url]


class WorkerHeartbeat(models.Model):
    """The last time each running `peninsula worker` said it was alive.

    In the database, not the cache: `peninsula check` runs in another process and must see
    workers on other machines too. One row per worker process, refreshed in place."""

    name = models.CharField(max_length=255, unique=True, help_text="host:pid of the worker")
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "worker heartbeat"

    def __str__(self):
        return f"{self.name} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
