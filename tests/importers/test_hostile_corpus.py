"""The hostile-import corpus (tests/importers/hostile_corpus.py): every file either imports
correctly or is refused in one line naming the file, the item and the line, with nothing
written. Run on both backends like every test; the memory side is bench/hostile_import.py."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peninsula import cli
from peninsula.importers.actions import create_import_run, import_file, run_import
from peninsula.importers.forms import ImportForm
from peninsula.importers.models import ImportRun
from peninsula.importers.sources.base import SourceError
from peninsula.publications.models import PublicationPage
from tests.importers import hostile_corpus
from tests.importers.conftest import item

pytestmark = pytest.mark.django_db

ITEM_LIMIT_MB = 0.25  # small, so that files over it stay small too
ITEM_LIMIT = int(ITEM_LIMIT_MB * 1024 * 1024)
CORPUS = hostile_corpus.cases(item_limit=ITEM_LIMIT)
# The row counts compared before and after a refusal: every table an import writes to.
APPS = ("wagtailcore", "importers", "publications", "people", "taxonomy", "assets")
APPS += ("wagtailredirects", "site_search", "users")


@pytest.fixture(autouse=True)
def _small_item_limit(settings):
    settings.PENINSULA_IMPORT_MAX_ITEM_MB = ITEM_LIMIT_MB


# Cached figures recomputed after any import, failed or not: no content of their own.
DERIVED = {"site_search.SearchStats"}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label not in DERIVED
    }


def assert_refused(path, must_contain: str = "") -> SourceError:
    """Import `path`, expecting a one-line refusal naming the file and nothing written."""
    before = row_counts()
    with pytest.raises(SourceError) as raised:
        import_file(str(path))
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}, line ") and raised.value.line, message
    assert must_contain in message
    assert row_counts() == before
    return raised.value


@pytest.mark.parametrize("case", CORPUS, ids=[case.name for case in CORPUS])
def test_hostile_file_imports_or_is_refused_with_nothing_written(case, tmp_path):
    path = tmp_path / f"{case.name.replace(' ', '-')}.xml"
    case.write(path)
    if case.outcome == "refused":
        assert_refused(path, case.refusal)
        return
    report = import_file(str(path))
    assert PublicationPage.objects.filter(title=case.title).count() == 1
    if case.name.startswith("deep nesting"):
        page = PublicationPage.objects.get(title=case.title)
        assert "Deep text" in str(page.body.raw_data)
        assert any("flattened" in warning for warning in report.warnings)


def test_duplicate_ids_keep_the_first_and_report_the_second(export):
    path = export(item(5, "The first"), item(6, "Other"), item(5, "The second"))
    report = import_file(path)
    assert sorted(PublicationPage.objects.values_list("title", flat=True)) == [
        "Other",
        "The first",
    ]
    [(reason, count)] = [(r, n) for r, n in report.skipped.items() if "duplicate" in r]
    assert count == 1
    [example] = report.examples[reason]
    assert "post 5 'The second'" in example and "first at line" in example
    assert any("duplicate item id" in line for line in report.lines())


def test_a_refused_item_is_named_by_id_title_and_line(tmp_path):
    path = tmp_path / "big.xml"
    hostile_corpus._large_body(path, ITEM_LIMIT * 3)
    error = assert_refused(path, "post 1 'Huge' is larger than the 0.2 MB one item may hold")
    assert "PENINSULA_IMPORT_MAX_ITEM_MB" in str(error)
    assert error.line == hostile_corpus.HEADER.count("\n") + 1


def test_every_declared_encoding_imports_or_is_refused_cleanly(tmp_path):
    """Each codec Python knows (about 120), declared by a one-post file written in it: the
    post imports with its title intact, or the file is refused cleanly."""
    imported, refused = [], []
    for encoding in hostile_corpus.declared_encodings():
        case = hostile_corpus.encoding_case(encoding)
        path = tmp_path / "encoded.xml"
        case.write(path)
        before = row_counts()
        try:
            import_file(str(path))
        except SourceError as error:
            assert "\n" not in str(error) and str(error).startswith("encoded.xml, line ")
            assert row_counts() == before, encoding
            refused.append(encoding)
            continue
        titles = list(PublicationPage.objects.values_list("title", flat=True))
        assert len(titles) == 1, encoding
        if case.title:
            assert titles == [case.title], encoding
        imported.append(encoding)
        PublicationPage.objects.all().delete()
        apps.get_model("importers", "ImportedItem").objects.all().delete()
    common = {"shift_jis", "euc_jp", "euc_kr", "gb18030", "big5", "utf_16", "utf_32", "cp037"}
    common |= {"cp1252", "koi8_r", "latin_1", "utf_8", "UTF-8", "utf_8_sig", "iso2022_jp"}
    assert common <= set(imported)
    assert {"x-no-such-encoding", "base64_codec", "zlib_codec"} <= set(refused)
    assert len(imported) > 100


def test_unknown_encoding_keeps_the_nothing_imported_wording(tmp_path, capsys):
    """`peninsula import wordpress FILE` prints one line, no traceback, and exits 1."""
    path = tmp_path / "odd.xml"
    hostile_corpus.encoding_case("x-no-such-encoding").write(path)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["import", "wordpress", str(path)])
    assert exit_.value.code == 1
    error = capsys.readouterr().err
    assert error.startswith("Error: Nothing was imported. odd.xml, line 1: the file declares")
    assert error.count("\n") == 1 and "Traceback" not in error


def test_errors_found_after_parsing_name_the_file(export):
    """Found while reading an item rather than by the parser: still named by file and item."""
    path = export(item(3, "Dated", date="2021-13-45 99:00:00"), name="dates.xml")
    with pytest.raises(SourceError) as raised:
        import_file(path)
    assert str(raised.value).startswith("dates.xml, line ")
    assert "post 3 'Dated'" in str(raised.value)


def test_admin_import_shows_the_same_message(admin_client):
    upload = SimpleUploadedFile(
        "mine.xml", hostile_corpus.BILLION_LAUGHS.encode(), content_type="text/xml"
    )
    admin_client.post(reverse("importers:index"), {"export": upload})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    assert run.error.startswith("Nothing was imported. mine.xml, line 2: ")
    page = admin_client.get(reverse("importers:run", args=[run.pk])).content.decode()
    assert "Nothing was imported. mine.xml, line 2:" in page


def test_file_over_the_file_limit_is_refused_in_the_admin_and_the_reader(settings, export):
    settings.PENINSULA_IMPORT_MAX_FILE_MB = 0.001
    path = export(item(1, body="<p>x</p>" * 200), name="large.xml")
    with pytest.raises(SourceError, match="^large.xml: the file is .*PENINSULA_IMPORT_MAX_FILE"):
        import_file(path)
    assert not PublicationPage.objects.exists()
    content = Path(path).read_bytes()
    form = ImportForm(data={}, files={"export": SimpleUploadedFile("large.xml", content)})
    assert not form.is_valid() and "PENINSULA_IMPORT_MAX_FILE_MB" in str(form.errors)
    run = create_import_run(SimpleUploadedFile("large.xml", content))
    assert run_import(run).error.startswith("Nothing was imported. large.xml: the file is")


# The peak of this process alone: VmHWM, since ru_maxrss would also count the forking
# pytest process (Linux carries it across exec).
READ_AND_MEASURE = """
import re, sys
import django
django.setup()
from peninsula.importers.sources.base import SourceError
from peninsula.importers.sources.wordpress import WordPressSource
try:
    WordPressSource(sys.argv[1]).scan()
    print("read")
except SourceError as error:
    print("refused:", error)
status = open("/proc/self/status").read()
print(int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) // 1024)
"""


def test_reading_a_60_mb_post_holds_no_more_than_the_item_limit(tmp_path):
    """In a process of its own, for its peak memory: the text past the item limit is dropped
    as it streams in, so the reader refuses a 60 MB post holding about 5 MB of it."""
    path = tmp_path / "huge.xml"
    hostile_corpus._large_body(path, 60 * 1024 * 1024)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "peninsula.settings.test"}
    env.pop("PENINSULA_IMPORT_MAX_ITEM_MB", None)
    done = subprocess.run(
        [sys.executable, "-c", READ_AND_MEASURE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=True,
    )
    outcome, peak_mb = done.stdout.strip().splitlines()
    assert outcome.startswith("refused: huge.xml, line ") and "post 1 'Huge'" in outcome
    assert int(peak_mb) < 200, peak_mb
