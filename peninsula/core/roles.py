"""The editorial roles and the review workflow every installation starts with.

Authors write and submit for review; Editors review, publish and schedule; Administrators
are superusers. Run after every migrate, and idempotent, so an upgrade repairs what an
admin deleted by accident but never undoes changes made to an existing group's members.
"""

from django.contrib.auth.models import Group, Permission

AUTHORS = "Authors"
EDITORS = "Editors"
REVIEW_WORKFLOW = "Editorial review"

_ADMIN_ACCESS = ("wagtailadmin", "access_admin")
_ASSET_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        found.extend(
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    return found


def ensure_editorial_roles(app_config=None, **kwargs):
    """post_migrate receiver: acts once, after the last app, when every permission exists."""
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not None and app_config is not with_models[-1]:
        return
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return

    authors, _ = Group.objects.get_or_create(name=AUTHORS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    for group in (authors, editors):
        group.permissions.add(*_permissions([_ADMIN_ACCESS]))

    page_rights = {
        authors: ["add_page", "change_page"],
        editors: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    for group, codenames in page_rights.items():
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )

    for group in (authors, editors):
        for app_label, codename in _ASSET_PERMISSIONS:
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    # Editors also look after the taxonomies, institute settings and event registrations.
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["taxonomy", "core", "registrations"],
            codename__regex=r"^(add|change|delete|view)_",
        )
    )

    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if created:
        task, _ = GroupApprovalTask.objects.get_or_create(name="Editor approval")
        task.groups.set([editors])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        # Replaces Wagtail's stock "Moderators approval" on the whole site, once.
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
