"""The header and footer menus, set per site under Settings → Menus."""

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from peninsula.navigation.blocks import LinkBlock, MenuItemBlock


@register_setting(icon="list-ul")
class MenuSettings(BaseSiteSetting):
    header = StreamField(
        [("item", MenuItemBlock())],
        blank=True,
        help_text="The header's menu, in order. Leave empty for the automatic menu: "
        "Publications, the home page's children marked 'Show in menus', Themes and Regions.",
    )
    footer = StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text="Links in the footer, e.g. About, Contact, Careers.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked as 'Privacy policy' at the foot of every page.",
    )

    panels = [
        HelpPanel(
            content="Menus change for readers within a minute of saving (page titles and "
            "addresses follow the pages when they are published or moved)."
        ),
        FieldPanel("header"),
        FieldPanel("footer"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = "menus"

    def __str__(self):
        return "Menus"
