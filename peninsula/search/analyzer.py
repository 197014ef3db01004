"""One analyzer for documents and queries: text in, index terms out.

Latin-script words are case- and accent-folded, English stop words dropped and the rest
stemmed (Snowball). Korean, Japanese and Chinese are written without spaces between
words, and neither SQLite nor PostgreSQL can split them, so every run of those scripts
becomes overlapping character bigrams: a query of two or more characters then finds any
text containing it, whatever the word boundaries, with no 600 MB morphological analyser.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

MAX_TERM_LENGTH = 60

# Lucene's English stop set: frequent words that carry no topic.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)

_CJK = (
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul jamo, compatibility jamo, syllables
    "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"  # hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006\u30fc"  # kanji / hanzi, 々 〆 ー
)
# A CJK run, or a word of letters and digits (apostrophes inside words kept for "don't").
_TOKEN = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*)")


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("english")


def _latin_table() -> dict[int, str]:
    """Each accented Latin letter to its bare form (é → e, ł stays ł: no decomposition)."""
    table = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        bare = "".join(
            c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c)
        )
        if bare != chr(code):
            table[code] = bare
    return table


_LATIN_BARE = _latin_table()


def fold(text: str) -> str:
    """NFKC, case folding, and accents removed from Latin letters (not from Hangul or kana,
    whose decomposition would change the letter)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return text if text.isascii() else text.translate(_LATIN_BARE)


_CJK_RUN = re.compile(f"[{_CJK}]+")


def is_cjk(word: str) -> bool:
    return bool(word) and _CJK_RUN.fullmatch(word) is not None


def words(text: str) -> list[str]:
    """Folded words and CJK runs, in order, before stemming and bigrams."""
    return [match.group(0).replace("’", "'") for match in _TOKEN.finditer(fold(text))]


def cjk_bigrams(run: str) -> list[str]:
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def stem(word: str) -> str:
    return _stemmer().stemWord(word.replace("'", ""))


def analyze_word(word: str) -> list[str]:
    """The index terms of one word from `words()`: bigrams, nothing (a stop word), or a stem."""
    if is_cjk(word):
        return cjk_bigrams(word)
    if word in STOP_WORDS:
        return []
    term = stem(word) if word.isascii() and not word.isdigit() else word.replace("'", "")
    return [term[:MAX_TERM_LENGTH]] if term else []


# Each word's index term ("" for a stop word), memoised: an archive repeats the same few
# thousand words, and a dictionary lookup is several times cheaper than folding and
# stemming again. Bounded, so a hostile stream of new words cannot grow it forever.
_TERM_OF: dict[str, str] = {}
MAX_REMEMBERED = 200_000


def analyze(text: str) -> list[str]:
    """The index terms of a text, in order (positions matter for phrases): the same terms
    as `analyze_word` gives word by word."""
    terms: list[str] = []
    remembered = _TERM_OF
    for cjk, word in _TOKEN.findall(fold(text)):
        if cjk:
            terms.extend(cjk_bigrams(cjk))
            continue
        term = remembered.get(word)
        if term is None:
            term = "".join(analyze_word(word.replace("’", "'")))  # one term, or none
            if len(remembered) < MAX_REMEMBERED:
                remembered[word] = term
        if term:
            terms.append(term)
    return terms
