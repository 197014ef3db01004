"""The blocks every publication body is built from."""

from collections.abc import Iterator

from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from peninsula.core.embeds import player_url
from peninsula.core.text import indexable_text

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

    def get_searchable_content(self, value):
        """Read from the stored JSON (see stored_text): Wagtail's own way converts the body
        first, loading every image in it, only to skip the images."""
        if not isinstance(value, StreamValue):
            return super().get_searchable_content(value)
        return [part for part in stored_text(self, value.raw_data) if part]


def stored_text(block, raw) -> Iterator[str]:
    """The words a reader sees in a block, from its stored (JSON) value, without turning it
    into Python values: no query for the images or pages it points to, which carry no words
    of their own. Choices (a heading's level) are settings, not text."""
    if raw is None or isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
        return
    if not getattr(block, "search_index", True):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = (
                block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
            )
            if child_block is not None:
                yield from stored_text(child_block, child.get("value"))
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child_block in block.child_blocks.items():
                yield from stored_text(child_block, raw.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # Stored as {"type": "item", "value": ..., "id": ...}, or bare in older data.
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from stored_text(block.child_block, item["value"] if is_wrapped else item)
    elif isinstance(block, blocks.RichTextBlock | blocks.CharBlock | blocks.TextBlock):
        yield indexable_text(str(raw))
    elif isinstance(block, blocks.ChooserBlock):
        return  # an id: the chosen image or page has no words here
    else:  # anything else (a table): Wagtail's own reading, which is cheap for these
        for part in block.get_searchable_content(block.to_python(raw)):
            yield indexable_text(str(part))
