"""Importing small exports: redirects, re-runs, media, mapping, statuses, the admin page."""

from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from peninsula.assets.models import CustomDocument, CustomImage
from peninsula.importers.actions import import_file
from peninsula.importers.models import ImportedItem, ImportRun
from peninsula.publications.models import PublicationPage, ReportPage, SeriesPage
from peninsula.taxonomy.models import Theme, Topic
from tests.importers.conftest import CATEGORY, SITE, attachment, item, tag

pytestmark = pytest.mark.django_db


def _page(post_id):
    item_ = ImportedItem.objects.get(kind__in=["post", "page"], source_id=str(post_id))
    return PublicationPage.objects.filter(pk=item_.object_id).first() or item_


def test_default_mapping_series_themes_topics_and_people(export):
    import_file(export(item(1, "Deterrence", terms=CATEGORY + tag("nk", "North Korea"))))
    page = PublicationPage.objects.get().specific
    assert page.get_parent().title == "Imported posts"
    assert [t.name for t in page.themes.all()] == ["Security"]
    assert [t.name for t in page.topics.all()] == ["North Korea"]
    person = page.authors.get().person
    assert person.title == "Jane Park" and person.email == "" and not person.is_expert
    assert page.date.isoformat() == "2021-03-04" and page.live
    assert page.first_published_at.year == 2021


def test_mapping_file_sends_a_category_to_a_series_of_reports(export):
    mapping = '[categories]\nsecurity = { as = "series", name = "Papers", type = "report" }\n'
    import_file(export(item(1, terms=CATEGORY + tag("nk", "North Korea"))), mapping_text=mapping)
    page = PublicationPage.objects.get().specific
    assert isinstance(page, ReportPage)
    assert page.get_parent().title == "Papers"
    assert not Theme.objects.exists()


def test_old_addresses_redirect_permanently(client, export, uploads):
    path = export(
        attachment(10, "2021/03/chart.png", parent=1),
        item(
            1, "First", slug="first", body=f'<p>See <a href="{SITE}/2021/03/second/">next</a>.</p>'
        ),
        item(2, "Second", slug="second"),
    )
    import_file(path, uploads_dir=uploads)
    first, second = _page(1), _page(2)
    response = client.get("/2021/03/second/")
    assert response.status_code == 301 and response["Location"] == second.url
    response = client.get("/?p=1")
    assert response.status_code == 301 and response["Location"] == first.url
    response = client.get("/?page_id=2")
    assert response.status_code == 301 and response["Location"] == second.url
    image = CustomImage.objects.get()
    response = client.get("/wp-content/uploads/2021/03/chart.png")
    assert response.status_code == 301 and response["Location"] == image.file.url
    response = client.get("/?attachment_id=10")
    assert response.status_code == 301 and response["Location"] == image.file.url
    assert client.get("/").status_code == 200  # no ?p=: the home page as usual
    # The forward link in the first post became a page link once the second existed.
    assert f'id="{second.pk}"' in str(first.specific.body.raw_data)
    assert 'linktype="page"' in str(first.specific.body.raw_data)


def test_reimport_updates_in_place_and_a_larger_export_adds_only_what_is_new(export, uploads):
    items = [attachment(10, "2021/03/chart.png"), item(1, "One"), item(2, "Two", status="draft")]
    first = import_file(export(*items), uploads_dir=uploads)
    assert first.created["publications"] == 2
    counts = (
        PublicationPage.objects.count(),
        CustomImage.objects.count(),
        Redirect.objects.count(),
    )

    again = import_file(export(*items), uploads_dir=uploads)
    assert again.unchanged["publications"] == 2 and not again.created
    assert (PublicationPage.objects.count(), CustomImage.objects.count(),
            Redirect.objects.count()) == counts  # fmt: skip

    changed = [items[0], item(1, "One, revised"), items[2], item(3, "Three")]
    later = import_file(export(*changed), uploads_dir=uploads)
    assert later.created["publications"] == 1 and later.updated["publications"] == 1
    assert PublicationPage.objects.count() == 3
    assert _page(1).title == "One, revised"
    assert not _page(2).live  # drafts stay drafts


def test_pages_edited_in_peninsula_are_left_alone(export, admin_user):
    path = export(item(1, "Original"))
    import_file(path)
    page = PublicationPage.objects.get().specific
    page.title = "Edited by an editor"
    page.save_revision(user=admin_user).publish()
    report = import_file(export(item(1, "Original, changed at the source"), name="later.xml"))
    assert PublicationPage.objects.get().title == "Edited by an editor"
    assert report.skipped["edited in Peninsula since it was imported; left as it is"] == 1


def test_attachments_dedupe_by_content_and_missing_files_are_reported(export, uploads, tmp_path):
    import shutil

    shutil.copy(f"{uploads}/2021/03/chart.png", f"{uploads}/2021/03/chart-copy.png")
    report = import_file(
        export(
            attachment(10, "2021/03/chart.png", caption="Defence spending"),
            attachment(11, "2021/03/chart-copy.png"),
            attachment(12, "2021/03/paper.pdf"),
            attachment(13, "2021/03/gone.png"),
            item(
                1,
                body='[caption id="attachment_10"]<img src="x" class="wp-image-10"/> Spending'
                '[/caption]<p>Text</p>[gallery ids="10,11"][contact-form id="4"]',
                extra="<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                "<wp:meta_value>10</wp:meta_value></wp:postmeta>",
            ),
        ),
        uploads_dir=uploads,
    )
    assert CustomImage.objects.count() == 1  # the copy is the same file
    assert CustomDocument.objects.count() == 1
    assert report.skipped["attachment file missing from --uploads"] == 1
    assert report.warnings["unknown shortcode [contact-form] kept as text"] == 1
    page = PublicationPage.objects.get().specific
    assert page.hero_image == CustomImage.objects.get()
    assert page.hero_caption == "Defence spending"
    kinds = [block.block_type for block in page.body]
    assert kinds == ["image", "paragraph", "image", "image", "paragraph"]
    assert page.body[0].value["caption"] == "Spending"
    assert "[contact-form id" in str(page.body[4].value.source)


def test_statuses_private_scheduled_and_dry_run(export):
    path = export(
        item(1, "Private", status="private"),
        item(2, "Later", status="future", date="2031-01-01 09:00:00"),
    )
    report = import_file(path, dry_run=True)
    assert report.created["publications"] == 2 and report.dry_run
    assert not PublicationPage.objects.exists() and not SeriesPage.objects.exists()
    import_file(path)
    private = _page(1)
    assert private.live and private.view_restrictions.get().restriction_type == "login"
    later = _page(2)
    assert not later.live and later.go_live_at.year == 2031


def test_admin_upload_runs_in_the_background_and_shows_the_report(admin_client, export):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = Path(export(item(1, "From the admin"))).read_bytes()
    response = admin_client.post(
        reverse("importers:index"),
        {"export": SimpleUploadedFile("site.xml", content, content_type="text/xml")},
    )
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "importers:run", args=[run.pk]
    )
    assert run.status == ImportRun.Status.SUCCEEDED  # the test task backend runs it at once
    assert run.report["created"]["publications"] == 1
    page = admin_client.get(response["Location"])
    assert "Created: 1 people, 1 publications, 1 series, 1 themes" in page.content.decode() or (
        "1 publications" in page.content.decode()
    )
    status = admin_client.get(reverse("importers:run_status", args=[run.pk])).json()
    assert status["finished"] is True
    assert Topic.objects.count() == 0


def test_admin_reports_a_broken_file(admin_client, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    admin_client.post(
        reverse("importers:index"),
        {"export": SimpleUploadedFile("bad.xml", b"<rss><channel><item>", content_type="text/xml")},
    )
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and "truncated" in run.error
    assert (
        "Nothing from this file was saved"
        in admin_client.get(reverse("importers:run", args=[run.pk])).content.decode()
    )


def test_peninsula_import_wordpress_runs_the_command(export, monkeypatch):
    from peninsula import cli

    calls = []
    monkeypatch.setattr(cli, "_django", lambda: None)
    monkeypatch.setattr(cli, "_call", lambda *args: calls.append(args))
    cli.main(["import", "wordpress", "site.xml", "--uploads", "up", "--map", "m.toml", "--dry-run"])
    assert calls == [
        ("import_wordpress", "site.xml", "--uploads", "up", "--map", "m.toml", "--dry-run")
    ]
