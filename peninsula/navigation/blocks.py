"""The blocks a menu is made of: a link (to a page of the site or any address), and a
header item that is a link, a dropdown of links, or both."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from wagtail import blocks


def validate_address(value: str) -> None:
    """A path on this site ('/subscribe/'), a full web address, or a mailto: link."""
    if value.startswith("/") and not value.startswith("//"):
        if any(ch.isspace() for ch in value):
            raise ValidationError("An address cannot contain spaces.")
        return
    if value.startswith("mailto:") and "@" in value:
        return
    URLValidator(schemes=["http", "https"])(value)


class AddressBlock(blocks.CharBlock):
    """An address to link to: '/subscribe/', 'https://...' or 'mailto:...'."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault(
            "help_text", "A path on this site (/subscribe/), a full address or mailto:."
        )
        super().__init__(validators=[validate_address], **kwargs)


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, help_text="A page of this site, or…")
    url = AddressBlock(required=False, label="or address")
    label = blocks.CharBlock(
        required=False, max_length=60, help_text="Leave empty to use the page's title."
    )

    class Meta:
        icon = "link"
        label = "Link"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or give an address (one).")}
            )
        if value.get("url") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError("A link to an address needs a label.")}
            )
        return value


class MenuItemBlock(blocks.StructBlock):
    """A top-level header entry. With links under it, it opens a dropdown; its own page (if
    any) becomes the dropdown's first link."""

    page = blocks.PageChooserBlock(required=False)
    url = AddressBlock(required=False, label="or address")
    label = blocks.CharBlock(
        required=False, max_length=40, help_text="Leave empty to use the page's title."
    )
    children = blocks.ListBlock(LinkBlock(), label="Dropdown links", default=[])

    class Meta:
        icon = "list-ul"
        label = "Menu item"

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or give an address, not both.")}
            )
        if not (value.get("page") or value.get("url") or value.get("children")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError("Choose a page, an address or dropdown links.")
                }
            )
        if not value.get("page") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError("This item needs a label.")}
            )
        return value
