"""A "Most read this month" block editors can put on a page."""

from wagtail import blocks

from peninsula.audience.counting import cached_most_read


class MostReadBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Most read this month", max_length=100)
    number = blocks.IntegerBlock(
        default=5, min_value=1, max_value=10, help_text="How many publications to list."
    )

    class Meta:
        icon = "list-ol"
        label = "Most read this month"
        template = "audience/blocks/most_read.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["most_read"] = cached_most_read(days=30, limit=value["number"])
        return context
