from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from peninsula.people.models import Department, ExpertiseTag


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class ExpertiseViewSet(SnippetViewSet):
    """Areas are added from a person's page as tags; here they can be renamed or removed."""

    model = ExpertiseTag
    icon = "tag"
    menu_label = "Areas of expertise"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PeopleGroup(SnippetViewSetGroup):
    items = (DepartmentViewSet, ExpertiseViewSet)
    menu_icon = "group"
    menu_label = "People"
    menu_name = "people"


register_snippet(PeopleGroup)
