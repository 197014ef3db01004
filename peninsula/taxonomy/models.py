"""Themes, regions and topics: three ways to classify publications, on one abstract base.

A term's page content (chosen publications, experts, blocks) is home's (home/models.py,
ThemePageContent and its siblings, related to the term as "page_content"): the term is a
cluster so its edit form shows it inline, named by string, and taxonomy imports no app above
it."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index


class BaseTaxonomy(index.Indexed, ClusterableModel):
    name = models.CharField(max_length=255, unique=True)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True, blank=True)
    description = models.TextField(
        blank=True, help_text="The introduction on its page, and the text of its card."
    )
    sort_order = models.IntegerField(
        default=0, help_text="Lower numbers come first in menus and filters."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        InlinePanel("page_content", max_num=1, heading="Its page", label="page content"),
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
