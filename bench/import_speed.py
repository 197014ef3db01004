"""WordPress import speed and peak memory, on SQLite and PostgreSQL.

    .venv/bin/python bench/import_speed.py [--backend sqlite|postgres|both] [--posts 10000]

Builds a WXR export of --posts posts (20 authors, 15 categories, 60 tags, 200 image
attachments with their files in an uploads folder, a featured image, an inline image, a
heading, a list and a link to an earlier post in every body), then for each backend imports
it into a fresh database (a temporary SQLite file, or a throwaway PostgreSQL database that is
created and dropped again) in a child process, and prints posts/s and the child's peak
memory (max RSS, which includes Django itself). See docs/importing.md for the figures.
"""

import argparse
import io
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from _common import machine_speed, run_child

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://institute.example.org"
IMAGES = 200


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--export", help=argparse.SUPPRESS)
    parser.add_argument("--uploads", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        return measure(options)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    backends = ["sqlite", "postgres"] if options.backend == "both" else [options.backend]
    with tempfile.TemporaryDirectory(prefix="peninsula-wxr-") as folder:
        export, uploads = Path(folder) / "export.xml", Path(folder) / "uploads"
        started = time.monotonic()
        build_export(export, uploads, options.posts)
        size = export.stat().st_size / 1e6
        print(
            f"export: {options.posts} posts, {size:.1f} MB, built in "
            f"{time.monotonic() - started:.1f} s",
            flush=True,
        )
        failed = False
        for backend in backends:
            print(f"{backend}: {machine_speed()}", flush=True)
            failed |= not run_backend(backend, export, uploads, options)
    return 1 if failed else 0


def run_backend(backend, export, uploads, options) -> bool:
    """Import in a child process with a fresh database; True when it finished."""
    command = [
        __file__, "--child", backend, "--posts", str(options.posts),
        "--export", str(export), "--uploads", str(uploads),
    ]  # fmt: skip
    return run_child(backend, backend, command, seconds=None)


def measure(options):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from peninsula.importers.actions import import_file

    call_command("migrate", "--no-input", "--verbosity", "0")
    started = time.monotonic()
    report = import_file(options.export, uploads_dir=options.uploads)
    seconds = time.monotonic() - started
    posts = report.created["publications"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{options.child}: {posts} posts in {seconds:.1f} s = {posts / seconds:.0f} posts/s; "
        f"peak memory {peak:.0f} MB; {report.created['images']} images, "
        f"{report.created['people']} people, {report.redirects} redirects",
        flush=True,
    )
    started = time.monotonic()
    again = import_file(options.export, uploads_dir=options.uploads)
    print(
        f"{options.child}: re-import of the same file {time.monotonic() - started:.1f} s, "
        f"{again.unchanged['publications']} unchanged, {sum(again.created.values())} created",
        flush=True,
    )
    return 0


def build_export(path: Path, uploads: Path, posts: int):
    """Write a WXR file and its uploads folder, streaming (a 500 MB file is fine too)."""
    from PIL import Image

    uploads.mkdir(parents=True, exist_ok=True)
    for number in range(IMAGES):
        folder = uploads / "2020" / f"{number % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        Image.new("RGB", (96, 64), (number % 256, (number * 7) % 256, 120)).save(buffer, "PNG")
        (folder / f"figure-{number}.png").write_bytes(buffer.getvalue())
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Bench Institute</title><link>{SITE}</link>\n"
            f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>"
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for number in range(20):
            out.write(
                f"<wp:author><wp:author_login>author{number}</wp:author_login>"
                f"<wp:author_display_name><![CDATA[Author Number {number}]]>"
                "</wp:author_display_name></wp:author>\n"
            )
        for number in range(15):
            out.write(
                f"<wp:category><wp:category_nicename>category-{number}</wp:category_nicename>"
                f"<wp:cat_name>Category {number}</wp:cat_name></wp:category>\n"
            )
        for number in range(IMAGES):
            relative = f"2020/{number % 12 + 1:02d}/figure-{number}.png"
            out.write(
                item(
                    100_000 + number,
                    f"Figure {number}",
                    f"{SITE}/figure-{number}/",
                    "attachment",
                    "inherit",
                    "",
                    "",
                    extra=f"<wp:attachment_url>{SITE}/wp-content/uploads/{relative}"
                    "</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file"
                    f"</wp:meta_key><wp:meta_value>{relative}</wp:meta_value></wp:postmeta>",
                )
            )
        for number in range(1, posts + 1):
            image = 100_000 + number % IMAGES
            earlier = max(1, number - 1)
            body = (
                f"<!-- wp:paragraph --><p>Post {number} opens with <strong>a claim</strong> and "
                f'<a href="{SITE}/2020/01/post-{earlier}/">an earlier post</a>.</p>'
                "<!-- /wp:paragraph -->\n<!-- wp:heading --><h2>Background</h2>"
                "<!-- /wp:heading -->\n<!-- wp:list --><ul><li>one point</li><li>another</li>"
                "</ul><!-- /wp:list -->\n<!-- wp:image -->"
                f'<figure class="wp-block-image"><img src="{SITE}/wp-content/uploads/2020/01/'
                f'figure-{image - 100_000}.png" class="wp-image-{image}"/><figcaption>A figure'
                "</figcaption></figure><!-- /wp:image -->\n<!-- wp:paragraph --><p>"
                + "The argument continues at some length. " * 8
                + "</p><!-- /wp:paragraph -->"
            )
            terms = (
                f'<category domain="category" nicename="category-{number % 15}">'
                f"<![CDATA[Category {number % 15}]]></category>"
                f'<category domain="post_tag" nicename="tag-{number % 60}">'
                f"<![CDATA[Tag {number % 60}]]></category>"
            )
            out.write(
                item(
                    number, f"Post number {number}", f"{SITE}/2020/01/post-{number}/", "post",
                    "publish", body, f"author{number % 20}",
                    extra=terms + "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                    f"<wp:meta_value>{image}</wp:meta_value></wp:postmeta>",
                )
            )  # fmt: skip
        out.write("</channel>\n</rss>\n")


def item(post_id, title, link, post_type, status, body, author, extra=""):
    day = f"2020-01-{post_id % 28 + 1:02d} 09:00:00"
    return (
        f"<item><title>{escape(title)}</title><link>{link}</link>"
        f"<dc:creator><![CDATA[{author}]]></dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{day}</wp:post_date>"
        f"<wp:post_date_gmt>{day}</wp:post_date_gmt>"
        f"<wp:post_name>{link.rstrip('/').rsplit('/', 1)[-1]}</wp:post_name>"
        f"<wp:status>{status}</wp:status><wp:post_parent>0</wp:post_parent>"
        f"<wp:post_type>{post_type}</wp:post_type>{extra}</item>\n"
    )


if __name__ == "__main__":
    sys.exit(main())
