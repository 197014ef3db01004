"""Images and documents, custom from the first migration so they can carry institute fields."""

from django.db import models
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class CustomImage(AbstractImage):
    """Wagtail's image with the credit, caption and alt text every figure needs."""

    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(
        max_length=255, blank=True, help_text="Shown under the image, e.g. 'Photo: Jane Park'."
    )
    alt_text = models.CharField(
        max_length=500, blank=True, help_text="Describes the image for people who cannot see it."
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "alt_text", "caption", "credit")

    @property
    def default_alt_text(self):
        return self.alt_text or super().default_alt_text


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    description = models.TextField(blank=True)

    admin_form_fields = (*WagtailDocument.admin_form_fields, "description")
