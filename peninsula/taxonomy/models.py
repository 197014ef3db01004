"""Themes, regions and topics: three ways to classify publications, on one abstract base."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from peninsula.home.blocks import PageBlock, chosen_people_field, chosen_publications_field


class BaseTaxonomy(index.Indexed, models.Model):
    name = models.CharField(max_length=255, unique=True)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True, blank=True)
    description = models.TextField(
        blank=True, help_text="The introduction on its page, and the text of its card."
    )
    sort_order = models.IntegerField(
        default=0, help_text="Lower numbers come first in menus and filters."
    )
    featured_publications = chosen_publications_field(
        max_num=3, help_text="Up to three, shown above the list. Leave empty to show none."
    )
    experts = chosen_people_field(
        max_num=8,
        help_text="The experts who work on it. Leave empty to show those who have written "
        "most on it.",
    )
    body = StreamField(
        PageBlock(), blank=True, help_text="Sections shown above the list of publications."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [FieldPanel("featured_publications"), FieldPanel("experts"), FieldPanel("body")],
            heading="Its page",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # Set on each subclass: the URL name of its landing page and the PublicationPage field.
    url_name = ""
    publication_field = ""

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:255]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})


class Theme(BaseTaxonomy):
    url_name = "taxonomy:theme"
    publication_field = "themes"

    class Meta(BaseTaxonomy.Meta):
        verbose_name = "theme"


class Region(BaseTaxonomy):
    url_name = "taxonomy:region"
    publication_field = "regions"

    class Meta(BaseTaxonomy.Meta):
        verbose_name = "region"


class Topic(BaseTaxonomy):
    url_name = "taxonomy:topic"
    publication_field = "topics"

    class Meta(BaseTaxonomy.Meta):
        verbose_name = "topic"


# The one list of taxonomies, by the PublicationPage field that holds each (also the feed, API
# and URL segment that names it). Publications, search, feeds, the API and the importer
# read it from here.
TAXONOMIES = {"themes": Theme, "regions": Region, "topics": Topic}


def taxonomy_named(name: str) -> type[BaseTaxonomy]:
    """The taxonomy called `name`: singular as a model is named ("theme", an importer mapping
    target, a search document kind) or plural as its publication field ("themes")."""
    for field, model in TAXONOMIES.items():
        if name in (field, model._meta.model_name):
            return model
    raise KeyError(name)
