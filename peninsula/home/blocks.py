"""The blocks editors arrange on the home page, landing pages and theme, region and topic
pages: chosen publications, the latest of a kind, people, text, pictures, calls to action."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from peninsula.audience.blocks import MostReadBlock
from peninsula.core.blocks import RICH_TEXT_FEATURES, EmbedBlock, FigureBlock, QuoteBlock
from peninsula.home import curation
from peninsula.navigation.blocks import AddressBlock


class PublicationsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    publications = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="publications.PublicationPage"), min_num=1, max_num=6
    )

    class Meta:
        icon = "doc-full"
        label = "Chosen publications"
        template = "home/blocks/publications.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = curation.publication_cards(page.pk for page in value["publications"])
        return context


def publication_types():
    # Read when the form is built: the taxonomy models use these blocks, and the
    # publication models import the taxonomy models.
    from peninsula.publications.models import PublicationType

    return PublicationType.choices


class LatestPublicationsBlock(blocks.StructBlock):
    """The newest publications of one type and/or theme, kept up to date by themselves."""

    heading = blocks.CharBlock(max_length=120, required=False)
    publication_type = blocks.ChoiceBlock(
        choices=publication_types, required=False, help_text="Leave empty for every type."
    )
    theme = SnippetChooserBlock("taxonomy.Theme", required=False)
    count = blocks.IntegerBlock(default=4, min_value=1, max_value=12)

    class Meta:
        icon = "date"
        label = "Latest publications"
        template = "home/blocks/publications.html"

    def get_context(self, value, parent_context=None):
        from peninsula.publications.listing import cards, with_bylines
        from peninsula.publications.models import PublicationPage

        context = super().get_context(value, parent_context)
        items = PublicationPage.objects.listed()
        if value["publication_type"]:
            items = items.filter(publication_type=value["publication_type"])
        if value["theme"]:
            items = items.filter(themes=value["theme"])
        items = cards(items.order_by("-date", "-pk")[: value["count"]])
        context["items"] = with_bylines(list(items))
        return context


class PeopleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    people = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="people.PersonPage"), min_num=1, max_num=12
    )

    class Meta:
        icon = "group"
        label = "People"
        template = "home/blocks/people.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["people"] = curation.people(person.pk for person in value["people"])
        return context


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = AddressBlock(required=False, label="or address")

    class Meta:
        icon = "pick"
        label = "Call to action"
        template = "home/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or give an address (one).")}
            )
        return value


class PageBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=["h2", "h3", *RICH_TEXT_FEATURES], template="core/blocks/paragraph.html"
    )
    publications = PublicationsBlock()
    latest = LatestPublicationsBlock()
    people = PeopleBlock()
    call_to_action = CallToActionBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()
    most_read = MostReadBlock()

    class Meta:
        template = "home/blocks/page_blocks.html"


def chosen_publications_field(**kwargs):
    """A StreamField of up to `max_num` chosen publications, in order."""
    from wagtail.fields import StreamField

    return StreamField(
        [("publication", blocks.PageChooserBlock(page_type="publications.PublicationPage"))],
        blank=True,
        **kwargs,
    )


def chosen_people_field(**kwargs):
    from wagtail.fields import StreamField

    return StreamField(
        [("person", blocks.PageChooserBlock(page_type="people.PersonPage"))], blank=True, **kwargs
    )
