"""The Newsletters menu: lists, subscribers and campaigns as snippets, plus the pages to
send and report on campaigns and to import and export subscribers."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from peninsula.newsletters import admin_views
from peninsula.newsletters.models import Campaign, MailingList, Subscriber

urlpatterns = [
    path("campaigns/", admin_views.campaign_index, name="campaigns"),
    path("campaigns/<int:pk>/", admin_views.campaign_detail, name="campaign"),
    path("campaigns/<int:pk>/preview/", admin_views.campaign_preview, name="preview"),
    path("campaigns/recipients/", admin_views.recipient_count, name="recipient_count"),
    path("subscribers/import/", admin_views.import_subscribers, name="import_form"),
    path("subscribers/import/<int:pk>/", admin_views.import_detail, name="import"),
    path("subscribers/import/<int:pk>/status/", admin_views.import_status, name="import_status"),
    path("subscribers/export/", admin_views.export_subscribers, name="export"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "newsletters/",
            include((urlpatterns, "newsletters_admin"), namespace="newsletters_admin"),
        )
    ]


class MailingListViewSet(SnippetViewSet):
    model = MailingList
    icon = "list-ul"
    menu_label = "Mailing lists"
    list_display = ["name", "public", "sort_order"]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    list_display = ["email", "name", "organisation", "status", "confirmed_at"]
    list_filter = ["status", "lists", "frequency"]
    search_fields = ["email", "name", "organisation"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "name",
        "organisation",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounce_count",
        "complaint_count",
        "suppressed_reason",
        "consent_history",
    ]


class _ToSendPage:
    """After saving a campaign, go to its page: preview, test, send and report live there."""

    def get_success_url(self):
        return reverse("newsletters_admin:campaign", args=[self.object.pk])


class CampaignCreateView(_ToSendPage, CreateView):
    pass


class CampaignEditView(_ToSendPage, EditView):
    pass


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "mail"
    list_display = ["subject", "template", "status", "send_at", "created_at"]
    list_filter = ["status", "template"]
    add_view_class = CampaignCreateView
    edit_view_class = CampaignEditView


for viewset in (MailingListViewSet, SubscriberViewSet, CampaignViewSet):
    register_snippet(viewset)


class _PermMenuItem(MenuItem):
    def __init__(self, *args, perm, **kwargs):
        super().__init__(*args, **kwargs)
        self.perm = perm

    def is_shown(self, request):
        return request.user.has_perm(f"newsletters.{self.perm}")


@hooks.register("register_admin_menu_item")
def register_newsletters_menu():
    snippet = "wagtailsnippets_newsletters_{}:list".format
    items = [
        _PermMenuItem(
            "Compose campaigns",
            reverse(snippet("campaign")),
            icon_name="edit",
            order=10,
            perm="change_campaign",
        ),
        _PermMenuItem(
            "Send and reports",
            reverse("newsletters_admin:campaigns"),
            icon_name="mail",
            order=20,
            perm="change_campaign",
        ),
        _PermMenuItem(
            "Subscribers",
            reverse(snippet("subscriber")),
            icon_name="user",
            order=30,
            perm="view_subscriber",
        ),
        _PermMenuItem(
            "Import subscribers",
            reverse("newsletters_admin:import_form"),
            icon_name="upload",
            order=40,
            perm="add_subscriber",
        ),
        _PermMenuItem(
            "Export subscribers",
            reverse("newsletters_admin:export"),
            icon_name="download",
            order=50,
            perm="view_subscriber",
        ),
        _PermMenuItem(
            "Mailing lists",
            reverse(snippet("mailinglist")),
            icon_name="list-ul",
            order=60,
            perm="change_mailinglist",
        ),
    ]
    return SubmenuMenuItem("Newsletters", Menu(items=items), icon_name="mail", order=350)
