"""A harder Korean collection made from korquad-ko-dev: long documents with tables of
figures, mixed script and dates, and only the long questions.

    .venv/bin/python bench/korean_long.py [--source ../shared/data/korquad-ko-dev] --out DIR

The issue's outside collection (text extracted from long public and business documents,
with numbers, tables and mixed scripts, and long natural questions) is not in the project;
this one imitates its shape from the KorQuAD paragraphs, deterministically (seed 7):

- documents: each article's paragraphs, in corpus order, joined in groups of one to six
  (each group's size drawn in turn; a blank line between paragraphs; the last group of an
  article may hold fewer), titled with the article's title (underscores as spaces): about
  350 documents from 400 to 4,000 characters, so length normalisation matters;
- each document ends with a table of figures as PDF extraction gives it: a caption
  ("표 N. <title> 주요 지표 (단위: 백만 원, %)"), a header row of years and a few rows drawn from
  business labels, some in Latin script ("R&D 투자", "ESG 등급", "GDP 대비"), with numbers
  like "12,345", "-3.2" and "A+" separated by " | ";
- each document has a date between 2010 and 2025 (the "date" field, which
  bench/relevance.py passes to the index, so the recency prior has something to act on);
- queries: the questions of 35 characters or more (long natural questions); a question's
  one relevant document is the group holding its paragraph.
"""

import argparse
import datetime
import json
import random
from itertools import groupby
from pathlib import Path

MAX_GROUP = 6
MIN_QUESTION_CHARS = 35
ROWS = [
    "매출액",
    "영업이익",
    "당기순이익",
    "자산총계",
    "부채비율",
    "R&D 투자",
    "ESG 등급",
    "GDP 대비 비중",
    "수출액",
    "고용 인원",
    "예산 집행률",
    "CO2 배출량",
]


def table(number: int, title: str, chance: random.Random) -> str:
    years = sorted(chance.sample(range(2012, 2025), 3))
    lines = [
        f"표 {number}. {title} 주요 지표 (단위: 백만 원, %)",
        " | ".join(["구분", *(f"{year}년" for year in years), "증감률"]),
    ]
    for label in chance.sample(ROWS, 4):
        if label == "ESG 등급":
            cells = [chance.choice(["A+", "A", "B+", "B"]) for _ in years]
        else:
            cells = [f"{chance.randint(100, 99_999):,}" for _ in years]
        lines.append(" | ".join([label, *cells, f"{chance.uniform(-20, 20):.1f}"]))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=Path("../shared/data/korquad-ko-dev"))
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args(argv)
    chance = random.Random(7)
    source = [
        json.loads(line)
        for line in (options.source / "corpus.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    group_of: dict[str, str] = {}
    documents = []
    for title, paragraphs in groupby(source, key=lambda doc: doc["title"]):
        paragraphs = list(paragraphs)
        start = 0
        while start < len(paragraphs):
            size = chance.randint(1, MAX_GROUP)
            members = paragraphs[start : start + size]
            start += size
            key = f"{members[0]['_id']}-{len(members)}"
            shown = title.replace("_", " ")
            body = "\n\n".join(member["text"] for member in members)
            body += "\n\n" + table(len(documents) + 1, shown, chance)
            day = datetime.date(2010, 1, 1) + datetime.timedelta(chance.randrange(16 * 365))
            documents.append({"_id": key, "title": shown, "text": body, "date": str(day)})
            group_of.update((member["_id"], key) for member in members)

    qrels = {}
    with (options.source / "qrels" / "test.tsv").open(encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            query, doc, score = line.rstrip("\n").split("\t")
            qrels[query] = (group_of[doc], score)
    queries = [
        json.loads(line)
        for line in (options.source / "queries.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    queries = [query for query in queries if len(query["text"]) >= MIN_QUESTION_CHARS]

    (options.out / "qrels").mkdir(parents=True, exist_ok=True)
    with (options.out / "corpus.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(doc, ensure_ascii=False) + "\n" for doc in documents)
    with (options.out / "queries.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(query, ensure_ascii=False) + "\n" for query in queries)
    with (options.out / "qrels" / "test.tsv").open("w", encoding="utf-8") as out:
        out.write("query-id\tcorpus-id\tscore\n")
        out.writelines(f"{q['_id']}\t{qrels[q['_id']][0]}\t{qrels[q['_id']][1]}\n" for q in queries)
    print(f"{len(documents)} documents, {len(queries)} queries in {options.out}")


if __name__ == "__main__":
    main()
