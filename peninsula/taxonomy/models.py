"""Themes, regions and topics: three ways to classify publications, on one abstract base."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class BaseTaxonomy(index.Indexed, models.Model):
    name = models.CharField(max_length=255, unique=True)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True, blank=True)
    description = models.TextField(blank=True)
    sort_order = models.IntegerField(
        default=0, help_text="Lower numbers come first in menus and filters."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
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


TAXONOMIES = {"themes": Theme, "regions": Region, "topics": Topic}
