from django.db import models


class PublishedCounter(models.Model):
    """The number of live publications, kept up to date on every publish and unpublish.

    Every page shows "Total Index: N publications"; a COUNT over a million rows on every
    request would cost more than the rest of the page, so the figure is stored here.
    """

    key = models.CharField(max_length=32, primary_key=True)
    value = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.key}: {self.value}"
