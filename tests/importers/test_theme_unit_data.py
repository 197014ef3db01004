"""The WordPress theme unit test export, imported and checked post by post.

Expectations are read from the file with the standard library's ElementTree, independently
of the importer's own reader.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from peninsula.home.models import StandardPage
from peninsula.importers.actions import import_file
from peninsula.importers.models import ImportedItem
from peninsula.publications.models import PublicationPage
from tests.importers.conftest import THEME_EXPORT

WP = "{https://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def _posts():
    channel = ET.parse(THEME_EXPORT).getroot().find("channel")
    authors = {
        a.findtext(f"{WP}author_login"): a.findtext(f"{WP}author_display_name")
        for a in channel.findall(f"{WP}author")
    }
    for element in channel.findall("item"):
        if element.findtext(f"{WP}post_type") == "post":
            yield element, authors


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """Imported once for the module, inside a transaction rolled back afterwards, so the
    migrated state (site, home page, groups) is there for the tests that run next."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield import_file(str(THEME_EXPORT))
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_every_post_arrived_with_title_date_authors_categories_and_tags(imported):
    pages = {item.source_id: item.object_id for item in ImportedItem.objects.filter(kind="post")}
    checked = 0
    for element, authors in _posts():
        post_id = element.findtext(f"{WP}post_id")
        page = PublicationPage.objects.get(pk=pages[post_id]).specific
        title = (element.findtext("title") or "").strip()
        assert page.title == (title or "(no title)"), post_id
        date = datetime.datetime.strptime(element.findtext(f"{WP}post_date"), "%Y-%m-%d %H:%M:%S")
        assert page.date == date.date(), post_id
        creator = element.findtext("{http://purl.org/dc/elements/1.1/}creator")
        assert [a.person.title for a in page.authors.all()] == [authors.get(creator, creator)], (
            post_id
        )
        categories = {
            unescape(c.text)
            for c in element.findall("category")
            if c.get("domain") == "category" and c.get("nicename") != "uncategorized"
        }
        tags = {
            unescape(c.text) for c in element.findall("category") if c.get("domain") == "post_tag"
        }
        # Names differing only in case share one slug, so they become one term.
        assert {t.name.lower() for t in page.themes.all()} == {c.lower() for c in categories}
        assert {t.name.lower() for t in page.topics.all()} == {t.lower() for t in tags}
        _check_body(element.findtext(CONTENT) or "", [b.block_type for b in page.body], post_id)
        status = element.findtext(f"{WP}status")
        assert page.live == (status in {"publish", "private"}), post_id
        checked += 1
    assert checked == 58


def _check_body(html, kinds, post_id):
    lowered = html.lower()
    if "<h2" in lowered or "<h3" in lowered:
        assert "heading" in kinds, post_id
    if "<table" in lowered:
        assert "table" in kinds, post_id
    if "<blockquote" in lowered:
        assert "quote" in kinds or "embed" in kinds, post_id
    if re.search(
        r"^\s*https?://(www\.)?(youtube\.com/watch|vimeo\.com/)|\[embed\]|wp:embed", html, re.M
    ):
        assert "embed" in kinds, post_id
    text = re.sub(r"<!--.*?-->|<[^>]+>|\[[^\]]*\]|&nbsp;", " ", html, flags=re.S)
    if len(text.split()) > 30:  # has prose, not only images or dynamic blocks
        assert "paragraph" in kinds, post_id


@pytest.mark.django_db
def test_edge_cases_of_the_theme_data(imported):
    assert imported.created["publications"] == 58
    assert imported.created["pages"] == 21
    assert StandardPage.objects.count() == 21
    scheduled = PublicationPage.objects.get(title="Scheduled")
    assert not scheduled.live and scheduled.go_live_at.year == 2030
    assert scheduled.latest_revision.approved_go_live_at is not None
    draft = PublicationPage.objects.get(title="Draft")
    assert not draft.live and draft.has_unpublished_changes
    protected = PublicationPage.objects.get(
        title='Template: Password Protected (the password is "enter")'
    )
    restriction = protected.view_restrictions.get()
    assert restriction.password == "enter"
    assert PublicationPage.objects.get(title="Template: Sticky").featured
    nested = StandardPage.objects.get(title="Level 3a")
    assert isinstance(nested.get_parent().specific, StandardPage)  # nested as in WordPress
    assert [nested.get_parent().title, nested.get_parent().get_parent().title] == [
        "Level 2",
        "Level 1",
    ]
    assert (
        imported.skipped["navigation menu item (menus are rebuilt in Peninsula, not imported)"]
        == 70
    )
    assert imported.warnings  # dynamic blocks and the unknown shortcode are reported
    embeds = PublicationPage.objects.get(title="Post Format: Video (YouTube)").specific
    assert [b.value["url"] for b in embeds.body if b.block_type == "embed"]
