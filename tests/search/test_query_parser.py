"""The query parser is pure: text in, terms out, and it never raises."""

import pytest

from peninsula.search.query import MAX_CLAUSES, MAX_QUERY_CHARS, parse


def test_plain_words_are_alternatives():
    query = parse("North Korea sanctions")
    assert [word.terms for word in query.words] == [("north",), ("korea",), ("sanction",)]
    assert query.should_terms == ["north", "korea", "sanction"]
    assert query.sequence == ("north", "korea", "sanction")
    assert not query.phrases and not query.excluded_terms


def test_quoted_phrase_is_required_and_scored():
    query = parse('"nuclear deterrence" Japan')
    assert query.phrases == [("nuclear", "deterr")]
    assert query.should_terms == ["nuclear", "deterr", "japan"]


def test_exclusions_of_words_and_phrases():
    query = parse('alliance -china -"trade war"')
    assert query.should_terms == ["allianc"]
    assert query.excluded_terms == ["china"]
    assert query.excluded_phrases == [("trade", "war")]


def test_or_is_accepted_and_means_either():
    assert parse("alliance OR partnership").should_terms == ["allianc", "partnership"]
    assert parse("or").should_terms == []  # lower-case "or" is a stop word, not an operator


def test_prefixes_explicit_and_while_typing():
    assert parse("denuc*").prefixes == ["denuc"]
    assert parse("north denuc", prefix_last=True).prefixes == ["denuc"]
    assert parse("north denuc", prefix_last=True).should_terms == ["north"]
    assert parse("north denuc").prefixes == []


def test_one_cjk_character_is_a_prefix_of_bigrams():
    assert parse("북").prefixes == ["북"]


def test_one_cjk_character_within_a_query_is_a_term_not_a_prefix():
    """A character cut off by digits (2019년) or standing as a word (몇 년) is the
    one-character term the index holds for it: as the start of thirty bigrams it made long
    Korean questions lose to plain bigram BM25."""
    assert parse("2019년 예산").prefixes == []
    assert parse("2019년 예산").should_terms == ["2019", "년", "예산"]
    assert parse("몇 년 전에").should_terms == ["몇", "년", "전에"]
    assert parse("2019년").should_terms == ["2019", "년"]
    assert parse("북 핵", prefix_last=True).prefixes == ["핵"]  # still a prefix while typing


@pytest.mark.parametrize(
    "raw",
    [
        '"unbalanced',
        'a "b c',
        '""',
        "-",
        "--",
        "***",
        "NEAR(a b) AND c^2 :col",
        "'; DROP TABLE wagtailcore_page; --",
        "title:foo {bar} [baz] (qux)",
        "\x00\x01\x1b[31m",
        "\u202e\u200b\ufeff",
        "🙂" * 50,
        "x" * 10_000,
        " ".join(["word"] * 500),
    ],
)
def test_hostile_input_parses_to_letters_and_digits_only(raw):
    query = parse(raw)
    assert len(query.text) <= MAX_QUERY_CHARS
    terms = [*query.should_terms, *query.prefixes, *query.excluded_terms]
    terms += [term for phrase in query.phrases + query.excluded_phrases for term in phrase]
    assert all(term.isalnum() for term in terms), terms
    assert len(query.words) + len(query.phrases) <= MAX_CLAUSES * 2


def test_unbalanced_quote_reads_to_the_end_as_a_phrase():
    assert parse('"north korea').phrases == [("north", "korea")]
