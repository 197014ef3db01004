from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from peninsula.taxonomy.models import Region, Theme, Topic


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, RegionViewSet, TopicViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomies"
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)
