"""Experts and authors: one page per person, listing their publications."""

from django.db import models
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from peninsula.core.privacy import ViewRestrictionsMixin
from peninsula.people.directory import Directory


class Department(models.Model):
    """A programme, centre or team people belong to ('Security Studies', 'Communications')."""

    name = models.CharField(max_length=255, unique=True)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True, blank=True)
    sort_order = models.IntegerField(default=0, help_text="Lower numbers come first.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:255]
        super().save(*args, **kwargs)


class ExpertiseTag(TagBase):
    """An area of expertise ('nuclear policy', 'sanctions'): the Experts page filters by it."""

    free_tagging = True

    class Meta:
        verbose_name = "area of expertise"
        verbose_name_plural = "areas of expertise"
        ordering = ["name"]


class PersonExpertise(ItemBase):
    tag = models.ForeignKey(ExpertiseTag, on_delete=models.CASCADE, related_name="tagged_people")
    content_object = ParentalKey(
        "people.PersonPage", on_delete=models.CASCADE, related_name="expertise_items"
    )


class PeopleIndexPage(ViewRestrictionsMixin, Page):
    """The 'Experts' page: everyone the institute lists as staff or a fellow."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["people.PersonPage"]
    max_count = 1
    template = "people/people_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = (
            PersonPage.objects.live()
            .child_of(self)
            .filter(is_expert=True)
            .select_related("photo", "department")
            .order_by("sort_name", "title")
        )
        context["directory"] = directory = Directory(request.GET, people)
        context["people"] = directory.people()
        return context


class PersonPage(ViewRestrictionsMixin, Page):
    """A person who writes for, speaks for or works at the institute.

    The page title is the person's name as shown ("Jane Park").
    """

    job_title = models.CharField(
        max_length=255, blank=True, help_text="e.g. 'Non-Resident Fellow' or 'Director of Studies'."
    )
    affiliation = models.CharField(
        max_length=255,
        blank=True,
        help_text="Where the title is held. Leave empty when it is at this institute.",
    )
    sort_name = models.CharField(
        max_length=255,
        blank=True,
        db_index=True,
        help_text="e.g. 'Park, Jane'. Defaults to the name.",
    )
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="The programme or team; the Experts page can be filtered by it.",
    )
    expertise = ClusterTaggableManager(
        "areas of expertise",
        through=PersonExpertise,
        blank=True,
        help_text="Subjects this person speaks on, e.g. 'sanctions', 'nuclear policy'. "
        "The Experts page can be filtered by each.",
    )
    photo = models.ForeignKey(
        "assets.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown square. Set the image's focal point on the face (Images → the "
        "image) and every crop keeps it.",
    )
    summary = models.CharField(
        max_length=500, blank=True, help_text="One or two sentences for cards and listings."
    )
    bio = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    bio_line = models.CharField(
        max_length=500,
        blank=True,
        help_text="Printed under each publication. Leave empty to build it from the title and "
        "affiliation.",
    )
    email = models.EmailField(blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)
    media_contact = models.BooleanField(
        "available to the media",
        default=False,
        help_text="Show 'Available for media interviews' and the media contact details.",
    )
    media_phone = models.CharField(
        "phone for media enquiries",
        max_length=64,
        blank=True,
        help_text="Shown only when the person is available to the media.",
    )
    is_expert = models.BooleanField(default=True, help_text="List this person on the Experts page.")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("job_title"),
                FieldPanel("affiliation"),
                FieldPanel("department"),
                FieldPanel("sort_name"),
            ],
            heading="Role",
        ),
        FieldPanel("expertise"),
        FieldPanel("photo"),
        FieldPanel("summary"),
        FieldPanel("bio"),
        FieldPanel("bio_line"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("x_url")], heading="Contact"),
        MultiFieldPanel([FieldPanel("media_contact"), FieldPanel("media_phone")], heading="Media"),
        FieldPanel("is_expert"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("job_title"),
        index.SearchField("summary"),
        index.SearchField("bio"),
    ]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    template = "people/person_page.html"

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"

    def save(self, *args, **kwargs):
        if not self.sort_name:
            *given, family = self.title.split() or [""]
            self.sort_name = f"{family}, {' '.join(given)}".strip(", ")
        super().save(*args, **kwargs)

    def role_line(self, institute_name: str) -> str:
        """'Non-Resident Fellow, Peninsula Institute' for cards."""
        if not self.job_title:
            return self.affiliation
        return f"{self.job_title}, {self.affiliation or institute_name}"

    def full_bio_line(self, institute_name: str) -> str:
        """'Jane Park is a Non-Resident Fellow at the Peninsula Institute.'"""
        if self.bio_line:
            return self.bio_line
        if not self.job_title:
            return ""
        article = "an" if self.job_title[:1].lower() in "aeiou" else "a"
        return (
            f"{self.title} is {article} {self.job_title} at {self.affiliation or institute_name}."
        )

    def get_context(self, request, *args, **kwargs):
        from peninsula.publications.listing import ListingFilter

        context = super().get_context(request, *args, **kwargs)
        listing = ListingFilter(request.GET, base=self.publications_queryset())
        context["listing"] = listing
        context["page_obj"] = listing.page(request.GET.get("page"))
        return context

    def publications_queryset(self):
        from peninsula.publications.models import PublicationPage

        return PublicationPage.objects.listed().filter(authors__person=self)
