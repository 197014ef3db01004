"""Experts and authors: one page per person, listing their publications."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from peninsula.core.privacy import ViewRestrictionsMixin


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
        context["people"] = (
            PersonPage.objects.live()
            .child_of(self)
            .filter(is_expert=True)
            .select_related("photo")
            .order_by("sort_name", "title")
        )
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
    photo = models.ForeignKey(
        "assets.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
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
    is_expert = models.BooleanField(default=True, help_text="List this person on the Experts page.")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("job_title"), FieldPanel("affiliation"), FieldPanel("sort_name")],
            heading="Role",
        ),
        FieldPanel("photo"),
        FieldPanel("summary"),
        FieldPanel("bio"),
        FieldPanel("bio_line"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("x_url")], heading="Contact"),
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
