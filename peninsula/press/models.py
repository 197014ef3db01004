"""The institute's own news: press releases, statements and announcements, apart from the
research publications, under one 'News' page with a media contact on each."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from peninsula.core.blocks import BodyBlock
from peninsula.core.privacy import ViewRestrictionsMixin


class NewsKind(models.TextChoices):
    PRESS_RELEASE = "press-release", "Press release"
    STATEMENT = "statement", "Statement"
    NEWS = "news", "Institute news"


class NewsIndexPage(ViewRestrictionsMixin, Page):
    """'News' (or 'Press room'): every news item, newest first, filterable by kind."""

    introduction = models.TextField(blank=True)
    media_contact = models.ForeignKey(
        "people.PersonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who journalists should contact; shown beside the list and on every item "
        "without a contact of its own.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("media_contact"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.NewsPage"]
    max_count = 1
    template = "press/news_index_page.html"

    class Meta:
        verbose_name = "news index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.live().child_of(self).order_by("-date", "-pk")
        kind = request.GET.get("kind", "")
        kind = kind if kind in NewsKind.values else ""
        if kind:
            items = items.filter(kind=kind)
        paginator = Paginator(items.select_related("image"), 12)
        context["news_kinds"] = NewsKind.choices
        context["news_kind"] = kind  # not "kind": the feed links read that as a publication type
        context["kind_label"] = NewsKind(kind).label if kind else ""
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        context["contact"] = self.media_contact if self.media_contact_id else None
        return context


class NewsPage(ViewRestrictionsMixin, Page):
    kind = models.CharField(max_length=20, choices=NewsKind.choices, default=NewsKind.PRESS_RELEASE)
    date = models.DateField(default=timezone.localdate, db_index=True)
    location = models.CharField(
        max_length=100, blank=True, help_text="The dateline of a press release, e.g. 'Washington'."
    )
    summary = models.TextField(blank=True, help_text="One or two sentences for the list.")
    image = models.ForeignKey(
        "assets.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True)
    media_contact = models.ForeignKey(
        "people.PersonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to use the News page's media contact.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), FieldPanel("location")], heading="Release"
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("media_contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["press.NewsIndexPage"]
    subpage_types = []
    template = "press/news_page.html"

    class Meta:
        verbose_name = "news item"
        verbose_name_plural = "news items"

    @property
    def kind_label(self) -> str:
        return NewsKind(self.kind).label

    def contact(self):
        """This item's media contact, or the News page's."""
        if self.media_contact_id:
            return self.media_contact
        parent = self.get_parent().specific
        return getattr(parent, "media_contact", None)
