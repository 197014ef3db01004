"""The WordPress source's second pass: entries by key, galleries from the post's attachments."""

from peninsula.importers.blocks import parse, plain_text, tree_text, tree_to_blocks
from peninsula.importers.sources.wordpress import WordPressSource
from tests.importers.conftest import attachment, item


def test_entries_only_reads_out_the_entries_asked_for(export):
    path = export(item(1, "One"), item(2, "Two"), item(3, "Three"))
    source = WordPressSource(path)
    index = source.scan()
    assert [entry.key for entry in source.entries(index)] == ["1", "2", "3"]
    assert [entry.key for entry in source.entries(index, only={"3", "1"})] == ["1", "3"]


def test_gallery_without_ids_shows_the_posts_own_attachments(export):
    path = export(
        attachment(10, "2021/03/chart.png", parent=2),
        attachment(11, "2021/03/map.png", parent=1),
        attachment(12, "2021/03/paper.png", parent=2),
        item(1, "One"),
        item(2, "Two", body="<p>Pictures:</p>[gallery]"),
    )
    source = WordPressSource(path)
    index = source.scan()
    two = next(source.entries(index, only={"2"}))
    assert "10" in two.html and "12" in two.html and "11" not in two.html


class _Resolver:
    def image(self, src, classes, media_key):
        return None

    def link(self, href):
        return f'href="{href}"'

    def note(self, message):
        pass


def test_one_parse_gives_the_blocks_and_text_of_two():
    """The loader parses a body once for its blocks and its summary: the same results."""
    html = (
        "<h2>Heading</h2><p>Some <b>text</b>.</p><blockquote><p>Quoted</p>"
        "<cite>Someone</cite></blockquote><figure><table><tr><td>1</td></tr></table>"
        "<figcaption>A table</figcaption></figure>"
    )
    tree = parse(html)
    text = tree_text(tree)
    blocks = tree_to_blocks(tree, _Resolver())
    assert text == plain_text(html)
    assert "Someone" in text and "A table" in text
    again = tree_to_blocks(parse(html), _Resolver())
    assert [(b["type"], b["value"]) for b in blocks] == [(b["type"], b["value"]) for b in again]
