"""A brief in Korean, with an English subtitle. The search examples in the README and
docs/search.md (비핵화, THAAD 배치, denuc*) are found in it;
tests/search/test_documented_examples.py checks that every documented example finds
something in the demo."""

from peninsula.demo.content.base import Piece

KOREAN = [
    Piece(
        kind="brief",
        slug="denuclearization-talks-ko",
        title="비핵화 협상, 다시 시작할 수 있을까",
        subtitle="Can denuclearization talks start again? (in Korean)",
        summary="북한의 핵무력 법제화 이후 비핵화 협상의 문턱은 높아졌다. 단계적 접근과 "
        "위험 감소 대화가 현실적인 출발점이다.",
        authors=["chang-ho-nam"],
        themes=["nuclear", "inter-korean"],
        regions=["north-korea", "south-korea"],
        days_ago=9,
        body=[
            "북한은 2022년 핵무력 정책을 법으로 정하고 비핵화는 협상 대상이 아니라고 "
            "선언했다. 그 뒤로 비핵화라는 말 자체가 대화의 걸림돌이 되었다.",
            "## 무엇이 달라졌나",
            "2017년 성주의 THAAD 배치를 둘러싼 갈등은 한반도 안보 문제가 곧 동북아 전체의 "
            "문제라는 점을 보여 주었다. 지금은 미사일 방어와 확장억제, 그리고 북러 협력이 "
            "함께 얽혀 있다.",
            "> 목표를 포기하지 않으면서도 첫걸음은 작게 내딛어야 한다. -- 남창호",
            "## 현실적인 출발점",
            "핵실험과 장거리 미사일 시험의 유예, 군사 채널의 복원, 우발적 충돌을 막는 "
            "위험 감소 조치는 비핵화라는 최종 목표와 모순되지 않는다. 오히려 그 목표로 "
            "돌아가는 길을 열어 둔다.",
        ],
    ),
]
