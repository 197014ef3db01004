"""The search index: documents, their terms, and the postings that join them.

Ranking runs on these ordinary tables with the same SQL on SQLite and PostgreSQL, so both
backends order results identically. Each engine's own full-text index (an FTS5 table on
SQLite, a tsvector column on PostgreSQL; see backends/) holds the term positions and
answers the one thing postings can't: does a document contain this exact phrase?
"""

from django.db import models


class DocumentKind(models.TextChoices):
    PUBLICATION = "publication", "Publication"
    PERSON = "person", "Person"
    SERIES = "series", "Series"
    THEME = "theme", "Theme"
    REGION = "region", "Region"
    TOPIC = "topic", "Topic"
    PAGE = "page", "Page"


class SearchDocument(models.Model):
    """One findable thing: what is shown in a result and what the filters read."""

    key = models.CharField(max_length=64, unique=True)  # "page:12", "theme:3", "beir:abc"
    kind = models.CharField(max_length=16, choices=DocumentKind.choices)
    publication_type = models.CharField(max_length=16, blank=True)
    series_id = models.IntegerField(null=True)
    year = models.SmallIntegerField(null=True)
    day = models.IntegerField(null=True)  # days since 1970-01-01: recency in portable SQL
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    meta = models.CharField(max_length=500, blank=True)  # "Commentary · The Peninsula · ..."
    text = models.TextField(blank=True)  # plain text for snippets
    # "theme:3 region:7 author:12": the many-valued facets, read with the row when counting.
    facet_values = models.TextField(blank=True)
    length = models.FloatField(default=0)  # field-weighted length, for BM25F
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "day"], name="search_doc_kind_day"),
            models.Index(fields=["publication_type"], name="search_doc_type"),
        ]

    def __str__(self):
        return self.title


class SearchFacetValue(models.Model):
    """A many-valued facet of a document: a theme, region, topic or author it carries."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    facet = models.CharField(max_length=8)
    value = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="search_facet_lookup"),
            models.Index(fields=["document"], name="search_facet_document"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchTerm(models.Model):
    """An index term and how many documents hold it (its document frequency)."""

    text = models.CharField(max_length=64, unique=True)
    documents = models.IntegerField(default=0)

    def __str__(self):
        return self.text


class SearchPosting(models.Model):
    """A term in a document: its field-weighted frequency and the document's length
    (copied here so scoring reads this table's index alone)."""

    # No database constraints: postings are derived rows that indexing.py writes and removes
    # together with their document, and checking two foreign keys for each of millions of
    # rows at every commit was most of a bulk rebuild's time on PostgreSQL.
    term = models.ForeignKey(
        SearchTerm, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    document = models.ForeignKey(
        SearchDocument,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    weight = models.FloatField()
    length = models.FloatField()

    class Meta:
        indexes = [
            models.Index(
                fields=["term", "document", "weight", "length"], name="search_posting_score"
            ),
            models.Index(fields=["document"], name="search_posting_document"),
        ]

    def __str__(self):
        return f"term {self.term_id} in document {self.document_id}"


class SearchStats(models.Model):
    """One row: the documents in the index and their summed length (for average length),
    and the generation: a new random number at every write, so each process knows when its
    in-memory snapshot (snapshot.py) is out of date. Random, not a counter, so a rolled-back
    write can never bring back a number that meant other contents."""

    documents = models.IntegerField(default=0)
    total_length = models.FloatField(default=0)
    publications = models.IntegerField(default=0)
    generation = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.documents} documents"
