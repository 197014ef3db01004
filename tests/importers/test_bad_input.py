"""Broken and hostile files: a clear error naming the place, and nothing left behind."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from peninsula.importers.actions import import_file
from peninsula.importers.models import ImportedItem
from peninsula.importers.sources.base import SourceError
from peninsula.publications.models import PublicationPage
from tests.importers.conftest import HEADER, item

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title></channel></rss>
"""


def _nothing_imported(pages_before):
    assert Page.objects.count() == pages_before
    assert not PublicationPage.objects.exists()
    assert not ImportedItem.objects.exists()


def test_truncated_file_names_the_line_and_imports_nothing(export):
    """Cut off in the middle of the third post: the first two are not kept either."""
    full = Path(export(item(1), item(2), item(3, body="<p>Long text</p>" * 50))).read_text()
    path = export(name="cut.xml", header=full[: len(full) - 400], footer="")
    pages_before = Page.objects.count()
    with pytest.raises(SourceError) as error:
        import_file(path)
    assert "line" in str(error.value) and "truncated" in str(error.value)
    assert error.value.line
    _nothing_imported(pages_before)


def test_malformed_xml_names_the_line(export):
    path = export(item(1), "<item><title>Broken</wrong></item>\n", item(2))
    pages_before = Page.objects.count()
    with pytest.raises(SourceError) as error:
        import_file(path)
    assert error.value.line == HEADER.count("\n") + 2
    assert "not well-formed" in str(error.value)
    _nothing_imported(pages_before)


def test_billion_laughs_is_refused_before_expansion(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BILLION_LAUGHS)
    with pytest.raises(SourceError) as error:
        import_file(str(path))
    assert "billion laughs" in str(error.value)
    assert error.value.line == 2
    assert not ImportedItem.objects.exists()


def test_external_entity_is_refused_and_never_read(tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text(XXE)
    with pytest.raises(SourceError) as error:
        import_file(str(path))
    assert "external-entity" in str(error.value)
    assert "root:" not in str(error.value)


def test_a_file_that_is_not_an_export_says_so(tmp_path):
    path = tmp_path / "page.xml"
    path.write_text("<html><body>Not an export</body></html>")
    with pytest.raises(SourceError, match="not a WordPress export"):
        import_file(str(path))


def test_post_with_broken_html_imports_repaired(export):
    broken = (
        "<p>Open <b>bold <i>both</p><h2>Heading<p>after<script>alert(1)</script><table><tr><td>x"
    )
    import_file(export(item(1, "Broken", body=broken)))
    page = PublicationPage.objects.get().specific
    kinds = [block.block_type for block in page.body]
    assert kinds[:2] == ["paragraph", "heading"]
    html = str(page.body[0].value.source)
    assert "<b>bold <i>both</i></b>" in html
    assert "alert" not in str(page.body.raw_data)
    assert "table" in kinds


def test_unknown_post_type_is_skipped_and_reported(export):
    report = import_file(export(item(1), item(2, "A product", post_type="product")))
    assert PublicationPage.objects.count() == 1
    assert report.skipped["unknown post type 'product'"] == 1
    assert "line" in report.examples["unknown post type 'product'"][0]


def test_error_halfway_through_rolls_back_everything(export, monkeypatch):
    """A failure while writing the second post undoes the first, the people and the terms."""
    from peninsula.importers import loader

    original = loader.Loader.import_entry
    calls = []

    def failing(self, entry, relink=False):
        calls.append(entry.key)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, entry, relink)

    monkeypatch.setattr(loader.Loader, "import_entry", failing)
    pages_before = Page.objects.count()
    with pytest.raises(RuntimeError):
        import_file(export(item(1), item(2)))
    _nothing_imported(pages_before)


def test_command_turns_errors_into_actionable_messages(export, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BILLION_LAUGHS)
    with pytest.raises(CommandError, match="Nothing was imported.*line 2"):
        call_command("import_wordpress", str(path), verbosity=0)
    with pytest.raises(CommandError, match="is not a file"):
        call_command("import_wordpress", str(tmp_path / "missing.xml"), verbosity=0)
    bad_map = tmp_path / "map.toml"
    bad_map.write_text('[categories]\nsecurity = "colour"\n')
    with pytest.raises(CommandError, match=r"\[categories\] security is 'colour'"):
        call_command("import_wordpress", export(item(1)), "--map", str(bad_map), verbosity=0)
