"""The blocks every publication body is built from."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from peninsula.core.embeds import player_url

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(
        required=False, max_length=255, help_text="Leave empty to use the image's own credit."
    )

    class Meta:
        icon = "image"
        template = "core/blocks/figure.html"


class EmbedBlock(blocks.StructBlock):
    """A YouTube or Vimeo video (played in place) or any other link, shown as a card."""

    url = blocks.URLBlock(help_text="A YouTube, Vimeo or other page address.")
    title = blocks.CharBlock(required=False, max_length=255, help_text="Describes the embed.")

    class Meta:
        icon = "media"
        template = "core/blocks/embed.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["player_url"] = player_url(value["url"])
        return context


class FootnotesBlock(blocks.StructBlock):
    """Numbered notes; write [1], [2]... in the text to link to them."""

    notes = blocks.ListBlock(blocks.RichTextBlock(features=RICH_TEXT_FEATURES))

    class Meta:
        icon = "list-ol"
        template = "core/blocks/footnotes.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedBlock()
    table = TableBlock()
    footnotes = FootnotesBlock()

    class Meta:
        template = "core/blocks/body.html"
