"""What an import run did, and which Peninsula object each imported source item became."""

from django.conf import settings
from django.db import models


class ImportRun(models.Model):
    """One import of one file: started from the admin or the command line."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    source = models.CharField(max_length=32, default="wordpress")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    file_name = models.CharField(max_length=255, help_text="The name the file was uploaded as.")
    file_path = models.CharField(max_length=1000, help_text="Where the file is on the server.")
    uploads_dir = models.CharField(max_length=1000, blank=True)
    mapping = models.TextField(blank=True, help_text="The mapping file's TOML, if any.")
    dry_run = models.BooleanField(default=False)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}


class ImportedItem(models.Model):
    """A source item (a WordPress post, page, attachment, user or term) and what it became.

    Looked up on every re-run so the same item updates the same object instead of adding a
    second one, and by the link rewriter and the ?p=ID redirect to find an item's new page.
    """

    class Kind(models.TextChoices):
        POST = "post", "Post"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"
        PERSON = "person", "Person"

    source = models.CharField(max_length=32, default="wordpress")
    origin = models.CharField(
        max_length=255, help_text="The site the item came from, e.g. 'example.org'."
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    source_id = models.CharField(max_length=255)
    # A page id for posts, pages and people; an image or document id for attachments.
    object_id = models.BigIntegerField()
    object_model = models.CharField(max_length=64, help_text="e.g. 'publications.articlepage'.")
    checksum = models.CharField(max_length=64, blank=True, help_text="Of the source item.")
    old_url = models.CharField(max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "origin", "kind", "source_id"], name="unique_imported_item"
            )
        ]
        indexes = [models.Index(fields=["kind", "source_id"], name="imported_kind_source_id")]

    def __str__(self):
        return f"{self.source} {self.kind} {self.source_id} → {self.object_model} {self.object_id}"
