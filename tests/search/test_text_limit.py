"""PENINSULA_SEARCH_MAX_TEXT_MB bounds what one page puts through analysis, so indexing a
page of any size holds a bounded amount of memory (issue 15: 6.1 GB for a 200 MB post)."""

from peninsula.search.documents import Entry
from peninsula.search.indexing import analyzed
from peninsula.search.limits import capped_values


def test_each_field_is_cut_at_the_limit_before_analysis(settings):
    settings.PENINSULA_SEARCH_MAX_TEXT_MB = 0.01  # 10,485 characters
    entry = Entry(
        key="page:1",
        kind="publication",
        title="Short",
        fields={"title": "Short", "body": "word " * 100_000},
    )
    assert len(entry.fields["body"]) == 10_485
    assert entry.fields["title"] == "Short"
    terms, _weights, _length = analyzed(entry)
    assert len(terms) <= 1 + 10_485 // 5 + 1


def test_admin_search_values_share_one_budget():
    values = capped_values(["abcd", 7, "efghij", "klm"], limit=8)
    assert values == ["abcd", 7, "efgh"]
