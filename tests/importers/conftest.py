import io
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
THEME_EXPORT = REPO.parent / "shared" / "data" / "wordpress" / "themeunittestdata.wordpress.xml"
SITE = "https://old.example.org"

HEADER = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
    f"<title>Old Institute</title><link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version>"
    f"<wp:base_site_url>{SITE}</wp:base_site_url><wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
    "<wp:author><wp:author_login>jpark</wp:author_login>"
    "<wp:author_email>jpark@example.org</wp:author_email>"
    "<wp:author_display_name><![CDATA[Jane Park]]></wp:author_display_name></wp:author>\n"
    "<wp:category><wp:category_nicename>security</wp:category_nicename>"
    "<wp:cat_name><![CDATA[Security]]></wp:cat_name></wp:category>\n"
)
FOOTER = "</channel>\n</rss>\n"


def item(
    post_id,
    title="A post",
    *,
    body="<p>Text.</p>",
    post_type="post",
    status="publish",
    slug=None,
    date="2021-03-04 10:00:00",
    author="jpark",
    terms="",
    extra="",
    parent=0,
    password="",
):
    slug = slug if slug is not None else f"post-{post_id}"
    link = f"{SITE}/2021/03/{slug}/" if post_type == "post" else f"{SITE}/{slug}/"
    return (
        f"<item><title>{escape(title)}</title><link>{link}</link>"
        f"<dc:creator><![CDATA[{author}]]></dc:creator>"
        f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>'
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date}</wp:post_date>"
        f"<wp:post_date_gmt>{date}</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>"
        f"<wp:status>{status}</wp:status><wp:post_parent>{parent}</wp:post_parent>"
        f"<wp:post_type>{post_type}</wp:post_type><wp:post_password>{password}"
        f"</wp:post_password>{terms}{extra}</item>\n"
    )


def attachment(post_id, relative, parent=0, caption=""):
    return item(
        post_id,
        f"Attachment {post_id}",
        body="",
        post_type="attachment",
        status="inherit",
        slug=f"attachment-{post_id}",
        parent=parent,
        extra=f"<wp:attachment_url>{SITE}/wp-content/uploads/{relative}</wp:attachment_url>"
        "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
        f"<wp:meta_value>{relative}</wp:meta_value></wp:postmeta>",
    ).replace("<excerpt:encoded><![CDATA[]]>", f"<excerpt:encoded><![CDATA[{caption}]]>")


CATEGORY = '<category domain="category" nicename="security"><![CDATA[Security]]></category>'


def tag(slug, name):
    return f'<category domain="post_tag" nicename="{slug}"><![CDATA[{name}]]></category>'


@pytest.fixture
def export(tmp_path):
    """A function writing a WXR file from items; returns its path."""

    def write(*items, name="export.xml", header=HEADER, footer=FOOTER):
        path = tmp_path / name
        path.write_text(header + "".join(items) + footer, encoding="utf-8")
        return str(path)

    return write


@pytest.fixture
def uploads(tmp_path):
    """An uploads folder with two different PNGs and one PDF."""
    folder = tmp_path / "uploads"
    for name, colour in (("2021/03/chart.png", (10, 20, 30)), ("2021/03/map.png", (200, 0, 0))):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        Image.new("RGB", (80, 60), colour).save(buffer, "PNG")
        path.write_bytes(buffer.getvalue())
    (folder / "2021/03/paper.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return str(folder)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
