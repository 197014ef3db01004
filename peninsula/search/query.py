"""The query language readers type, parsed without touching the database.

    plain words       any of them may match; more matches rank higher
    "exact phrase"    must appear as written (after analysis: case, accents, stems)
    -word -"phrase"   must not appear
    a OR b            accepted; words are alternatives already, so it reads as "a b"
    word*             prefix: every indexed word that starts so

Anything else (unbalanced quotes, FTS operators, brackets, control characters, SQL) is
read as plain words: the parser never raises, and its output holds only analyzed terms,
which are letters and digits, so nothing a reader types reaches SQL as syntax.
"""

import re
from dataclasses import dataclass, field

from peninsula.search.analyzer import analyze_word, fold, is_cjk, words

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 32

# A quoted phrase (closed or running to the end), or a run of non-space characters.
_PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Word:
    """A word as typed (folded) and the index terms it stands for."""

    text: str
    terms: tuple[str, ...]
    prefix: bool = False


@dataclass
class ParsedQuery:
    words: list[Word] = field(default_factory=list)  # should match
    phrases: list[tuple[str, ...]] = field(default_factory=list)  # must match, as terms
    excluded_terms: list[str] = field(default_factory=list)
    excluded_phrases: list[tuple[str, ...]] = field(default_factory=list)
    text: str = ""  # the cleaned query, as shown back to the reader

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases)

    @property
    def should_terms(self) -> list[str]:
        """Every positive term, phrase terms included (they score too), without repeats."""
        seen = dict.fromkeys(term for word in self.words if not word.prefix for term in word.terms)
        for phrase in self.phrases:
            seen.update(dict.fromkeys(phrase))
        return list(seen)

    @property
    def prefixes(self) -> list[str]:
        return [word.terms[0] for word in self.words if word.prefix and word.terms]

    @property
    def sequence(self) -> tuple[str, ...]:
        """The plain words' terms in order, for the exact-phrase boost."""
        return tuple(term for word in self.words if not word.prefix for term in word.terms)


def quoted(text: str) -> str:
    """The query as a sentence quotes it back: “sanctions”. A query with quotation marks of
    its own ("north korea") is shown as typed, since quotes around it would double them."""
    if any(mark in text for mark in '"“”'):
        return text
    return f"“{text}”"


def clean(raw: str) -> str:
    """Printable characters only, whitespace collapsed, length bounded."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw[: MAX_QUERY_CHARS * 4])
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def parse(raw: str, *, prefix_last: bool = False) -> ParsedQuery:
    """Parse what a reader typed. `prefix_last` reads the last word as a prefix (typing)."""
    text = clean(raw)
    query = ParsedQuery(text=text)
    clauses = 0
    pieces = list(_PIECE.finditer(text))
    for index, piece in enumerate(pieces):
        if clauses >= MAX_CLAUSES:
            break
        negated, phrase, bare = piece.group(1), piece.group(2), piece.group(3)
        if bare is None:  # a quoted phrase
            terms = tuple(term for word in words(phrase) for term in analyze_word(word))
            if not terms:
                continue
            clauses += 1
            if negated:
                query.excluded_phrases.append(terms)
            elif len(terms) == 1:
                query.words.append(Word(fold(phrase).strip(), terms))
            else:
                query.phrases.append(terms)
                query.words.extend(Word(w, tuple(analyze_word(w))) for w in words(phrase))
            continue
        if bare == "OR":
            continue
        negated = bare.startswith("-") and len(bare) > 1
        is_last = index == len(pieces) - 1
        explicit_prefix = bare.endswith("*")
        found = words(bare)
        alone = len(pieces) == 1 and len(found) == 1
        for word in found:
            clauses += 1
            if negated:
                query.excluded_terms.extend(analyze_word(word))
                continue
            prefix = (explicit_prefix or (prefix_last and is_last)) and word == found[-1]
            # One CJK character typed alone is not a bigram: find it as the start of one.
            # Within a longer query it is a word of its own (몇 년, 第 3 章) or one cut off
            # by digits or Latin letters (2019년, B2B사업), which the index holds as a
            # one-character term: as the start of any of thirty bigrams it would only
            # add noise to the query's other words.
            if prefix or (alone and is_cjk(word) and len(word) == 1):
                query.words.append(Word(word, (word,), prefix=True))
            else:
                terms = tuple(analyze_word(word))
                if terms:
                    query.words.append(Word(word, terms))
    return query
