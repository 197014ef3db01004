"""The editors' path through the Wagtail admin: write, submit, review, publish, preview."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from peninsula.core.roles import AUTHORS, EDITORS
from peninsula.publications.models import ArticlePage
from peninsula.search.counts import published_count
from tests import factories

pytestmark = pytest.mark.django_db


def staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def add_article_form(client, series, **fields):
    url = reverse("wagtailadmin_pages:add", args=["publications", "articlepage", series.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["title"] = fields.pop("title")
    data["slug"] = fields.pop("slug")
    data["summary"] = "A short summary."
    data["body-count"] = "1"
    data["body-0-type"] = "paragraph"
    data["body-0-value"] = rich_text("<p>The body of the piece.</p>")
    data["body-0-deleted"] = ""
    data["body-0-order"] = "0"
    data["body-0-id"] = ""
    for key, value in fields.items():
        data[key] = value
    return url, data


def test_roles_exist_with_the_right_rights():
    authors = Group.objects.get(name=AUTHORS)
    editors = Group.objects.get(name=EDITORS)
    root = Page.get_first_root_node()
    author_rights = set(
        authors.page_permissions.filter(page=root).values_list("permission__codename", flat=True)
    )
    editor_rights = set(
        editors.page_permissions.filter(page=root).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page"} <= author_rights and "publish_page" not in author_rights
    assert {"add_page", "change_page", "publish_page"} <= editor_rights


def test_author_writes_and_submits_editor_approves_and_it_goes_live(
    client, django_user_model, series
):
    author = staff(django_user_model, "author", AUTHORS)
    editor = staff(django_user_model, "editor", EDITORS)

    client.force_login(author)
    url, data = add_article_form(
        client, series, title="Reunification costs", slug="reunification-costs"
    )
    data["action-submit"] = "Submit for review"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.get(slug="reunification-costs")
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    assert client.get(f"{series.url}reunification-costs/").status_code == 404

    # The author may not publish.
    url, data = add_article_form(client, series, title="Another", slug="another")
    data["action-publish"] = "Publish"
    client.post(url, data)
    assert not ArticlePage.objects.get(slug="another").live

    client.force_login(editor)
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(approve, {"comment": "Good to go."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert published_count() == 1


def test_editor_publishes_directly_and_edits_make_a_new_revision(client, django_user_model, series):
    editor = staff(django_user_model, "editor", EDITORS)
    client.force_login(editor)
    url, data = add_article_form(client, series, title="Sanctions and shipping", slug="sanctions")
    data["action-publish"] = "Publish"
    assert client.post(url, data).status_code == 302
    page = ArticlePage.objects.get(slug="sanctions")
    assert page.live
    assert page.revisions.count() == 1
    assert b"The body of the piece." in client.get(page.url).content


def test_preview_shows_the_unsaved_draft(client, django_user_model, series):
    editor = staff(django_user_model, "editor", EDITORS)
    client.force_login(editor)
    url, data = add_article_form(client, series, title="Preview me", slug="preview-me")
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["publications", "articlepage", series.pk]
    )
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url)
    assert response.status_code == 200
    assert b"Preview me" in response.content
    assert not ArticlePage.objects.filter(slug="preview-me").exists()


def test_admin_edit_pages_open_for_every_type(client, admin_user, series):
    client.force_login(admin_user)
    pages = [
        factories.ArticlePageFactory(series=series),
        factories.BriefPageFactory(series=series),
        factories.ReportPageFactory(series=series),
        factories.PodcastEpisodePageFactory(series=series),
        factories.EventPageFactory(series=series),
        factories.VideoPageFactory(series=series),
        factories.PersonPageFactory(),
        series,
    ]
    for page in pages:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    assert client.get(
        reverse("wagtailsettings:edit", args=["core", "institutesettings"])
    ).status_code in (200, 302)
    assert client.get("/admin/snippets/taxonomy/theme/").status_code == 200


def test_preview_of_an_edit_shows_the_authors_being_edited(client, admin_user, series):
    """The page's own authors are fetched with the related cards' bylines on the live site;
    a preview must still show the authors in the form, not those saved."""
    saved = factories.PersonPageFactory(title="Saved Author")
    edited = factories.PersonPageFactory(title="Edited Author")
    page = factories.ArticlePageFactory(series=series, title="Bylined", authors=[saved])
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert data["authors-0-person"] == str(saved.pk)
    data["authors-0-person"] = str(edited.pk)
    data["body-count"] = "0"  # the body editor is drawn by JavaScript: no fields in the HTML
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(preview_url, data).json()["is_valid"]
    preview = client.get(preview_url).content.decode()
    assert "Edited Author" in preview and "Saved Author" not in preview
    live = client.get(page.url).content.decode()
    assert "Saved Author" in live and "Edited Author" not in live
