"""Page views counted by the site itself: one number per page per day, nothing about who."""

from django.db import models


class PageViewDay(models.Model):
    """How many times a page was read on one day (UTC). No reader, address or cookie is kept:
    the row holds the page, the day and a count, and nothing else."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="one_count_per_day")]
        indexes = [models.Index(fields=["day", "page"], name="audience_views_by_day")]
        verbose_name = "page views on a day"
        verbose_name_plural = "page views by day"

    def __str__(self):
        return f"page {self.page_id} on {self.day}: {self.views}"
