"""Ranking on a small fixed corpus where the right order is known, through the index."""

import datetime
import math

import pytest

from peninsula.search import engine, indexing
from peninsula.search.documents import Entry
from peninsula.search.query import parse as query_parse

pytestmark = pytest.mark.django_db

FILLER = "Officials met again this month to review the situation and agree on next steps. "


def entry(key, title, body="", summary="", tags="", date=None, kind="publication", **extra):
    return Entry(
        key=key,
        kind=kind,
        title=title,
        date=date,
        fields={"title": title, "summary": summary, "tags": tags, "body": body},
        **extra,
    )


def keys(text, **options):
    return [hit.key for hit in engine.search(text, facets=False, **options).hits]


@pytest.fixture
def corpus(settings):
    settings.PENINSULA_SEARCH_RECENCY_WEIGHT = 0
    indexing.write_entries(
        [
            entry("title", "Sanctions and the nuclear programme", body=FILLER * 3),
            entry(
                "body", "A quiet week in Seoul", body=FILLER + "Sanctions were mentioned. " + FILLER
            ),
            entry("summary", "Trade in review", summary="Why sanctions matter now.", body=FILLER),
            entry("tags", "Notes from the region", tags="Sanctions and Enforcement", body=FILLER),
            entry("none", "Climate finance", body=FILLER * 2),
            entry(
                "phrase", "Deterrence", body="Extended nuclear deterrence is the core. " + FILLER
            ),
            entry(
                "scattered",
                "Deterrence notes",
                body="Nuclear talks stalled. Deterrence held. " + FILLER,
            ),
            entry("korean", "동맹의 미래", body="한미 동맹과 비핵화 협상에 대한 분석"),
            entry("japanese", "日米同盟の将来", body="安全保障政策について議論する"),
            entry("mixed", "THAAD 배치 debate", body="The THAAD 배치 decision and China"),
        ]
    )


def test_title_beats_tags_beats_summary_beats_body(corpus):
    assert keys("sanctions") == ["title", "tags", "summary", "body"]


def test_all_words_rank_above_some_words(corpus):
    found = keys("nuclear sanctions")
    assert found[0] == "title"  # both words
    assert {"body", "summary", "tags", "phrase", "scattered"} <= set(found)  # one word still ranks


def test_exact_phrase_match_is_boosted(corpus):
    found = keys("nuclear deterrence")
    assert found.index("phrase") < found.index("scattered")


def test_quoted_phrase_is_required(corpus):
    assert keys('"nuclear deterrence"') == ["phrase"]


def test_exclusion_removes_documents(corpus):
    assert "title" not in keys("sanctions -nuclear")
    assert "phrase" not in keys('deterrence -"extended nuclear"')
    assert "scattered" in keys('deterrence -"extended nuclear"')


def test_or_finds_either(corpus):
    assert set(keys("climate OR thaad")) == {"none", "mixed"}


def test_prefix_matches_every_word_starting_so(corpus):
    assert set(keys("sanct*")) == {"title", "body", "summary", "tags"}
    assert set(keys("clim", prefix_last=True)) == {"none"}


def test_stemming_and_folding(corpus):
    assert keys("SANCTION") == keys("sanctions") == keys("Sánctioned")


def test_korean_query_of_two_or_more_characters(corpus):
    assert keys("비핵화") == ["korean"]
    assert keys("동맹") == ["korean"]
    assert keys("한미") == ["korean"]


def test_japanese_query_without_spaces(corpus):
    assert keys("安全保障") == ["japanese"]
    assert keys("日米同盟") == ["japanese"]


def test_mixed_english_and_korean(corpus):
    assert keys("thaad 배치") == ["mixed"]
    assert keys("배치") == ["mixed"]


def test_misspelled_word_is_corrected(corpus):
    results = engine.search("sanctoins")
    assert results.corrections == {"sanctoins": "sanction"}
    assert [hit.key for hit in results.hits][:1] == ["title"]


def test_recency_prior_prefers_newer_equal_matches(settings):
    old, new = datetime.date(2005, 1, 1), datetime.date.today()
    indexing.write_entries(
        [
            entry("old", "Alliance politics", date=old),
            entry("new", "Alliance politics", date=new),
        ]
    )
    settings.PENINSULA_SEARCH_RECENCY_WEIGHT = 0.1
    assert keys("alliance") == ["new", "old"]
    settings.PENINSULA_SEARCH_RECENCY_WEIGHT = 0
    scores = {hit.key: hit.score for hit in engine.search("alliance").hits}
    assert scores["old"] == pytest.approx(scores["new"])


def test_rare_words_weigh_more_than_common_ones():
    indexing.write_entries(
        [entry(f"common-{n}", f"Alliance review {n}") for n in range(20)]
        + [entry("rare", "Alliance uranium"), entry("common-only", "Alliance alliance")]
    )
    assert keys("alliance uranium")[0] == "rare"


def test_reindexing_an_entry_replaces_it_and_keeps_figures_exact():
    indexing.write_entries([entry("a", "Sanctions review"), entry("b", "Sanctions review")])
    indexing.write_entries([entry("a", "Climate review")])
    assert keys("sanctions") == ["b"] and keys("climate") == ["a"]
    from peninsula.search.models import SearchTerm

    assert SearchTerm.objects.get(text="sanction").documents == 1
    assert SearchTerm.objects.get(text="review").documents == 2
    indexing.remove_keys(["a", "b"])
    assert indexing.stats().documents == 0
    assert SearchTerm.objects.get(text="review").documents == 0


def _plain_bm25(texts: dict[str, str], query: str) -> dict[str, float]:
    """BM25 computed here, independently of the engine, over the analyzer's terms of one
    field (k1 and b as the engine's, Lucene's idf, each query term once)."""
    from collections import Counter

    from peninsula.search.analyzer import analyze
    from peninsula.search.snapshot import K1, B

    terms = {key: Counter(analyze(text)) for key, text in texts.items()}
    lengths = {key: sum(counts.values()) for key, counts in terms.items()}
    average = sum(lengths.values()) / len(lengths)
    scores = {}
    for key, counts in terms.items():
        score = 0.0
        for term in dict.fromkeys(analyze(query)):
            df = sum(term in other for other in terms.values())
            if not counts[term]:
                continue
            idf = math.log(1 + (len(terms) - df + 0.5) / (df + 0.5))
            tf = counts[term]
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[key] / average))
        if score:
            scores[key] = score
    return scores


def test_korean_query_with_numbers_scores_as_plain_bigram_bm25(settings):
    """A Korean question with a number and one-character words (2019년, 몇 년) scores
    each document exactly as plain BM25 over the same terms: no bigram starting with 년
    (년도, 년간) is counted for the 년 the reader typed."""
    settings.PENINSULA_SEARCH_RECENCY_WEIGHT = 0
    texts = {
        "budget-2019": "2019년 예산은 국회에서 확정되었다",
        "yearly": "년도별 년간 예산 보고서 년도 계획",
        "drafting": "예산 편성의 원칙과 기준",
        "accounts": "2018 회계 연도 결산",
        "other": "동맹과 외교 정책",
    }
    indexing.write_entries([entry(key, "", body=text) for key, text in texts.items()])
    query = "몇 년 전 2019년 예산 편성"
    expected = _plain_bm25(texts, query)
    hits = engine.search(query, facets=False).hits
    assert [hit.key for hit in hits] == sorted(expected, key=expected.get, reverse=True)
    assert {hit.key: hit.score for hit in hits} == pytest.approx(expected)


def test_the_rarest_terms_of_a_very_long_query_decide():
    """A Korean query of more bigrams than the engine scores keeps its rarest ones, wherever
    they stand (the first 64 used to be kept, so a rare word at the end was lost)."""
    run = "".join(chr(0xAC00 + 28 * n) for n in range(70))  # 가, 개, 갸, ...: 69 bigrams
    indexing.write_entries(
        [entry(f"common-{n}", "", body=run) for n in range(3)]
        + [entry("rare", "", body="협상 타결")]
    )
    assert len(set(query_parse(f"{run} 협상").should_terms)) > engine.MAX_TERMS
    assert "rare" in keys(f"{run} 협상")


def test_numbers_and_korean_words_are_not_spelling_corrected():
    indexing.write_entries(
        [entry("figures", "예산 12346 보고", body="budget 2019"), entry("plan", "사업 계획")]
    )
    results = engine.search("예산 12345")
    assert results.corrections == {}
    assert [hit.key for hit in results.hits] == ["figures"]
    assert engine.search("사업계획서를").corrections == {}
    assert engine.search("budgte 2018").corrections == {"budgte": "budget"}
    assert engine.search("budget 2019a").corrections == {"2019a": "2019"}  # a code is
