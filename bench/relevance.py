"""Ranking quality of the site search on a test collection in BEIR layout.

    .venv/bin/python bench/relevance.py --collection DIR [--backend sqlite|postgres] \
        [--limit-queries N] [--timeout 1800]

DIR holds corpus.jsonl ({"_id", "title", "text"}), queries.jsonl ({"_id", "text"}) and
qrels/test.tsv (header, then query-id, corpus-id, score). In a child process with a fresh,
migrated database (see bench/_common.py), every document is written into the index through
`peninsula.search.indexing.write_entries` as a publication entry (key = _id, fields title and
body), every judged query runs through `peninsula.search.engine.search` with its defaults
(100 results, no facets, nothing tuned per collection), and the run is scored against the
qrels as BEIR does with pytrec_eval. Prints nDCG@10, MAP@100 and Recall@100, the document
count, the indexing time and rate, and query time p50/p95. See docs/benchmarks.md.
"""

import argparse
import datetime
import json
import math
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from _common import percentiles, run_child, setup_django_and_migrate, stop_on_sigterm

Qrels = dict[str, dict[str, int]]  # query id -> {document id: graded relevance}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--collection", required=True, type=Path, help="a BEIR-layout folder")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--limit-queries", type=int, help="only the first N judged queries")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds for the whole run")
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="also run with each part of the ranking switched off in turn",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    collection = options.collection.resolve()
    for name in ("corpus.jsonl", "queries.jsonl", "qrels/test.tsv"):
        if not (collection / name).is_file():
            parser.error(f"{collection / name} is missing")
    if options.child:
        return measure(collection, options)

    stop_on_sigterm()
    print(f"{collection.name} on {options.backend}", flush=True)
    command = [__file__, "--child", "--collection", str(collection), "--backend", options.backend]
    if options.limit_queries:
        command += ["--limit-queries", str(options.limit_queries)]
    if options.ablate:
        command.append("--ablate")
    label = f"{options.backend} {collection.name}"
    return 0 if run_child(label, options.backend, command, options.timeout) else 1


# --- the collection -------------------------------------------------------------------------


def read_jsonl(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def read_qrels(path: Path) -> Qrels:
    qrels: Qrels = {}
    with path.open(encoding="utf-8") as lines:
        next(lines)  # header: query-id, corpus-id, score
        for line in lines:
            if line.strip():
                query_id, doc_id, score = line.rstrip("\n").split("\t")
                qrels.setdefault(query_id, {})[doc_id] = int(score)
    return qrels


# --- the metrics (as pytrec_eval computes them for BEIR) ------------------------------------


def ndcg_at(ranking: list[str], judged: dict[str, int], k: int = 10) -> float:
    """nDCG@k = DCG@k / IDCG@k, DCG@k = sum over ranks i = 1..k of rel_i / log2(i + 1).

    rel_i is the graded qrels score of the document at rank i (0 when unjudged), used as the
    gain itself (trec_eval's ndcg_cut, not 2^rel - 1); IDCG@k is the same sum over the
    qrels' scores sorted from high to low.
    """
    dcg = sum(judged.get(doc, 0) / math.log2(rank + 1) for rank, doc in enumerate(ranking[:k], 1))
    ideal = sorted((score for score in judged.values() if score > 0), reverse=True)[:k]
    idcg = sum(score / math.log2(rank + 1) for rank, score in enumerate(ideal, 1))
    return dcg / idcg if idcg else 0.0


def average_precision_at(ranking: list[str], judged: dict[str, int], k: int = 100) -> float:
    """AP@k = (1 / R) * sum over ranks i <= k holding a relevant document of precision@i,
    where relevant means score >= 1 and R counts every relevant document in the qrels
    (trec_eval's map_cut, so a relevant document below rank k costs as much as a missing one).
    """
    relevant = {doc for doc, score in judged.items() if score > 0}
    found, total = 0, 0.0
    for rank, doc in enumerate(ranking[:k], 1):
        if doc in relevant:
            found += 1
            total += found / rank
    return total / len(relevant) if relevant else 0.0


def recall_at(ranking: list[str], judged: dict[str, int], k: int = 100) -> float:
    """Recall@k = |relevant documents in the top k| / |relevant documents in the qrels|."""
    relevant = {doc for doc, score in judged.items() if score > 0}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


# --- the run, in the child ------------------------------------------------------------------


def measure(collection: Path, options) -> int:
    setup_django_and_migrate()
    from peninsula.search.models import SearchDocument

    backend = options.backend
    already = SearchDocument.objects.count()
    if already:
        print(f"note: the migrated database held {already} index documents; cleared")
    corpus = list(read_jsonl(collection / "corpus.jsonl"))
    seconds = index_corpus(corpus)
    indexed = SearchDocument.objects.count()
    print(f"documents: {indexed}", flush=True)
    print(f"indexing: {seconds:.1f} s, {indexed / seconds:.0f} documents/s", flush=True)

    qrels = read_qrels(collection / "qrels" / "test.tsv")
    queries = [
        (query["_id"], query["text"])
        for query in read_jsonl(collection / "queries.jsonl")
        # As BEIR: a query with no relevant document in the qrels can't be scored.
        if any(score > 0 for score in qrels.get(query["_id"], {}).values())
    ]
    if options.limit_queries:
        queries = queries[: options.limit_queries]

    scores, timings, empty, duplicated, slowest = run_queries(queries, qrels, progress=True)
    cuts = percentiles(timings)
    print(f"{backend} {collection.name}: {len(queries)} queries scored", flush=True)
    print(f"nDCG@10: {mean(scores['ndcg']):.4f}")
    print(f"MAP@100: {mean(scores['map']):.4f}")
    print(f"Recall@100: {mean(scores['recall']):.4f}")
    print(f"query time: p50 {cuts[50]:.1f} ms, p95 {cuts[95]:.1f} ms, max {slowest[0]:.1f} ms")
    print(f"slowest query: {slowest[1]}")
    print(f"queries with no results: {len(empty)}")
    for example in empty[:5]:
        print(f"  e.g. {example}")
    if duplicated:
        print(f"queries whose results repeat a document: {duplicated}")
    plain = plain_bm25(corpus, queries, qrels)
    print(f"plain BM25 over the same terms (k1 {PLAIN_K1}, b {PLAIN_B}): nDCG@10 {plain:.4f}")
    if options.ablate:
        ablate(corpus, queries, qrels, mean(scores["ndcg"]))
    return 0


def mean(values):
    return sum(values) / len(values) if values else 0.0


def index_corpus(corpus: list[dict]) -> float:
    """Empty the index and write the corpus into it as publications; the seconds it took."""
    from peninsula.search import indexing
    from peninsula.search.documents import Entry
    from peninsula.search.models import DocumentKind

    indexing.clear()
    entries = [
        Entry(
            key=doc["_id"],
            kind=DocumentKind.PUBLICATION,
            title=doc.get("title") or "",
            # Collections made with bench/korean_long.py carry dates (BEIR ones do not).
            date=datetime.date.fromisoformat(doc["date"]) if doc.get("date") else None,
            fields={"title": doc.get("title") or "", "body": doc.get("text") or ""},
        )
        for doc in corpus
    ]
    started = time.perf_counter()
    indexing.write_entries(entries)
    return time.perf_counter() - started


def run_queries(queries, qrels: Qrels, progress: bool = False, **search_options):
    """Every query through engine.search as the results page runs it, scored."""
    from peninsula.search import engine

    scores = {"ndcg": [], "map": [], "recall": []}
    timings, empty, duplicated, slowest = [], [], 0, (0.0, "")
    engine.search(queries[0][1], page_size=100, facets=False)  # warm up: imports, caches
    for number, (query_id, text) in enumerate(queries, 1):
        started = time.perf_counter()
        results = engine.search(text, page_size=100, facets=False, **search_options)
        elapsed = (time.perf_counter() - started) * 1000
        timings.append(elapsed)
        slowest = max(slowest, (elapsed, query_id))
        ranking = [hit.key for hit in results.hits]
        if not ranking:
            empty.append(f"{query_id} {text!r}")
        duplicated += len(ranking) != len(set(ranking))
        judged = qrels[query_id]
        scores["ndcg"].append(ndcg_at(ranking, judged, 10))
        scores["map"].append(average_precision_at(ranking, judged, 100))
        scores["recall"].append(recall_at(ranking, judged, 100))
        if progress and number % 500 == 0:
            print(f"  {number} of {len(queries)} queries", flush=True)
    return scores, timings, empty, duplicated, slowest


# --- plain BM25 and ablations ---------------------------------------------------------------

PLAIN_K1, PLAIN_B = 0.9, 0.4


def plain_bm25(corpus: list[dict], queries, qrels: Qrels) -> float:
    """nDCG@10 of plain BM25 (k1 0.9, b 0.4, Lucene's idf) over the site analyzer's terms
    of title + text, one field, a query term counted once per time it occurs: no field
    weights, phrase boost, recency, spelling or prefixes. The analyzer makes Korean and
    Japanese character bigrams, so on those collections this is "plain bigram BM25"."""
    from peninsula.search.analyzer import analyze

    postings: dict[str, tuple[list[int], list[int]]] = {}
    lengths = []
    for row, doc in enumerate(corpus):
        terms = analyze(f"{doc.get('title') or ''} {doc.get('text') or ''}")
        lengths.append(len(terms))
        for term, count in Counter(terms).items():
            rows, counts = postings.setdefault(term, ([], []))
            rows.append(row)
            counts.append(count)
    lengths = np.array(lengths, dtype=np.float64)
    norm = PLAIN_K1 * (1 - PLAIN_B + PLAIN_B * lengths / max(lengths.mean(), 1.0))
    size, keys = len(corpus), [doc["_id"] for doc in corpus]
    found = []
    for query_id, text in queries:
        scores = np.zeros(size)
        for term in analyze(text):
            if term not in postings:
                continue
            rows, counts = (np.array(part) for part in postings[term])
            idf = math.log(1 + (size - len(rows) + 0.5) / (len(rows) + 0.5))
            scores[rows] += idf * counts * (PLAIN_K1 + 1) / (counts + norm[rows])
        order = np.lexsort((np.arange(size), -scores))[:100]
        ranking = [keys[row] for row in order if scores[row] > 0]
        found.append(ndcg_at(ranking, qrels[query_id], 10))
    return mean(found)


@contextmanager
def patched(module, **values):
    """Module constants set for the length of a block (the snapshot, whose postings hold
    BM25 parts computed with K1 and B, is dropped on the way in and out)."""
    from peninsula.search import snapshot

    before = {name: getattr(module, name) for name in values}
    snapshot._current.clear()
    for name, value in values.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(module, name, value)
        snapshot._current.clear()


def ablate(corpus: list[dict], queries, qrels: Qrels, full: float):
    """The site search's nDCG@10 with each part of its ranking switched off in turn."""
    from django.test import override_settings

    from peninsula.search import documents, engine, snapshot

    def row(label: str, **search_options):
        value = mean(run_queries(queries, qrels, **search_options)[0]["ndcg"])
        print(f"  {label:<34} {value:.4f} ({value - full:+.4f})", flush=True)

    print(f"ablation: nDCG@10 with one part off (all on: {full:.4f})", flush=True)
    with override_settings(PENINSULA_SEARCH_RECENCY_WEIGHT=0):
        row("no recency prior")
    row("no spelling correction", correct=False)
    with patched(engine, PHRASE_BOOST=1.0):
        row("no phrase boost")
    with patched(snapshot, K1=PLAIN_K1, B=PLAIN_B):
        row(f"k1 {PLAIN_K1}, b {PLAIN_B}")
    # indexing.py imported the weights' dict itself: change it in place, and back.
    weights = dict(documents.FIELD_WEIGHTS)
    documents.FIELD_WEIGHTS.update(dict.fromkeys(weights, 1.0))
    try:
        index_corpus(corpus)
        row("no field weights (reindexed)")
    finally:
        documents.FIELD_WEIGHTS.update(weights)
        index_corpus(corpus)
    with (
        override_settings(PENINSULA_SEARCH_RECENCY_WEIGHT=0),
        patched(engine, PHRASE_BOOST=1.0),
    ):
        row("no recency, spelling, phrase boost", correct=False)


if __name__ == "__main__":
    sys.exit(main())
