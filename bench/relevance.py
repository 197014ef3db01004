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
import json
import math
import sys
import time
from pathlib import Path

from _common import percentiles, run_child, setup_django_and_migrate, stop_on_sigterm

Qrels = dict[str, dict[str, int]]  # query id -> {document id: graded relevance}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--collection", required=True, type=Path, help="a BEIR-layout folder")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--limit-queries", type=int, help="only the first N judged queries")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds for the whole run")
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
    from peninsula.search import engine, indexing
    from peninsula.search.documents import Entry
    from peninsula.search.models import DocumentKind, SearchDocument

    backend = options.backend
    already = SearchDocument.objects.count()
    if already:
        print(f"note: the migrated database held {already} index documents; cleared")
    indexing.clear()

    entries = [
        Entry(
            key=doc["_id"],
            kind=DocumentKind.PUBLICATION,
            title=doc.get("title") or "",
            fields={"title": doc.get("title") or "", "body": doc.get("text") or ""},
        )
        for doc in read_jsonl(collection / "corpus.jsonl")
    ]
    started = time.perf_counter()
    indexing.write_entries(entries)
    seconds = time.perf_counter() - started
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

    scores = {"ndcg": [], "map": [], "recall": []}
    timings, empty, duplicated, slowest = [], [], 0, (0.0, "")
    engine.search(queries[0][1], page_size=100, facets=False)  # warm up: imports, caches
    for number, (query_id, text) in enumerate(queries, 1):
        started = time.perf_counter()
        results = engine.search(text, page_size=100, facets=False)
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
        if number % 500 == 0:
            print(f"  {number} of {len(queries)} queries", flush=True)

    def mean(values):
        return sum(values) / len(values)

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
