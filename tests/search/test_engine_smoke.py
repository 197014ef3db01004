import pytest

from peninsula.search import engine, indexing
from peninsula.search.documents import Entry

pytestmark = pytest.mark.django_db


def test_smoke():
    indexing.write_entries(
        [
            Entry(
                key="a",
                kind="publication",
                title="Sanctions on North Korea",
                fields={
                    "title": "Sanctions on North Korea",
                    "body": "The sanctions regime tightened.",
                },
            ),
            Entry(
                key="b",
                kind="publication",
                title="Trilateralism in Asia",
                fields={
                    "title": "Trilateralism in Asia",
                    "body": "Japan, Korea and the United States.",
                },
            ),
            Entry(
                key="c",
                kind="publication",
                title="북한 비핵화 협상",
                fields={"title": "북한 비핵화 협상", "body": "日本の外交政策について"},
            ),
        ]
    )
    for q in [
        "sanction",
        "korea",
        '"north korea"',
        "korea -sanctions",
        "trilaterlism",
        "sanctoins",
        "비핵화",
        "外交",
        "tri*",
        "北",
        "x" * 10000,
    ]:
        r = engine.search(q)
        print(
            q[:20], r.total, [(h.key, round(h.score, 3)) for h in r.hits], r.corrections, r.facets
        )
