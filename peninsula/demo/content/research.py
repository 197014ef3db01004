"""Hand-written reports and briefs. Original text, written for the demo."""

from peninsula.demo.content.base import Piece

REPORTS = [
    Piece(
        kind="report",
        title="Deterrence in the Second Nuclear Age",
        subtitle="Options for the US–ROK alliance",
        summary="North Korea can now threaten the United States directly. This report sets out "
        "four ways the alliance could adapt its deterrence posture, and the costs of each.",
        authors=["eleanor-whitcombe", "marcus-delaney", "yoon-hee-kwak"],
        themes=["nuclear", "alliances"],
        regions=["south-korea", "north-korea", "united-states"],
        topics=["us-rok-alliance"],
        featured=True,
        hero=17,
        days_ago=6,
        extra={"pages_hint": "report"},
        body=[
            "## Summary",
            "For most of the alliance's history, deterrence on the Korean Peninsula rested on a "
            "simple asymmetry: the United States could strike North Korea, and North Korea "
            "could not strike the United States. That asymmetry is gone. This report asks what "
            "should replace it.",
            "We examine four options: strengthening consultation within the existing "
            "framework; a regular visible presence of US strategic forces; a NATO-style "
            "nuclear sharing arrangement; and an independent South Korean deterrent. We assess "
            "each against three tests: credibility in Pyongyang, reassurance in Seoul, and "
            "stability in a crisis.",
            "## The problem",
            "A North Korea able to hold American cities at risk can, in principle, try to split "
            "the allies in a crisis by asking whether Washington would trade Los Angeles for "
            "Seoul. The question is old, familiar from Cold War Europe, but it is new on the "
            "peninsula.[1]",
            "Deterrence does not require certainty that the United States would respond. It "
            "requires that an adversary cannot be confident it would not. The challenge is to "
            "keep that uncertainty working for the alliance rather than against it.",
            "## Four options",
            "### Deeper consultation",
            "The least costly option builds on the Nuclear Consultative Group: joint planning, "
            "tabletop exercises, and Korean officers in nuclear planning cells. Its weakness is "
            "that it is invisible to publics, who judge reassurance by what they can see.",
            "### Visible presence",
            "Regular port calls by ballistic-missile submarines and rotations of bombers are "
            "visible, but they can become routine and lose their signal, or provoke responses "
            "that raise tension without adding security.",
            "### Nuclear sharing",
            "Stationing US weapons in Korea under dual-key arrangements would be the largest "
            "change. It would reassure, but it would also create targets, complicate crisis "
            "management and unsettle China and Japan.",
            "### An independent deterrent",
            "We judge this the most costly option by a wide margin: withdrawal from the "
            "Non-Proliferation Treaty, likely sanctions, and damage to the alliance itself.",
            "> The best deterrence posture is the one both allies can explain to their own "
            "voters. -- From the report",
            "## Recommendations",
            "We recommend that the alliance pursue the first two options together, set clear "
            "benchmarks for their implementation, and review them publicly every two years. The "
            "third and fourth options should be studied, not adopted, so that neither ally is "
            "surprised if circumstances change.[2]",
        ],
        notes=[
            "The debate over extended deterrence in Europe in the 1960s turned on the same "
            "question, and produced NATO's Nuclear Planning Group.",
            "The authors thank the participants in two closed workshops held in Seoul and "
            "Washington for their comments on earlier drafts.",
        ],
    ),
    Piece(
        kind="report",
        title="Ageing Before Rich?",
        subtitle="Fiscal pressures in a shrinking Korea",
        summary="Korea is ageing faster than any other advanced economy. This paper projects "
        "the fiscal cost of that shift and compares four ways to pay for it.",
        authors=["min-seo-ryu", "ji-yeon-seo"],
        themes=["demography", "economy"],
        regions=["south-korea", "japan"],
        topics=["low-fertility"],
        hero=21,
        days_ago=45,
        body=[
            "## Summary",
            "By the mid-2040s, more than a third of South Koreans will be 65 or older. The "
            "country's pension fund, health insurance system and tax base were designed for a "
            "young, growing population. This paper estimates the gap between what the state "
            "has promised and what current rules will raise.",
            "## A fast transition",
            "Japan took about a quarter of a century to go from an ageing society to a "
            "super-aged one. Korea is making the same transition in well under twenty years.[1] "
            "Speed matters because it leaves less time to adjust rules gradually.",
            "## The fiscal gap",
            "Under current rules, the National Pension Fund's reserves will be exhausted within "
            "a few decades. Health spending will grow with the number of older people, and the "
            "working-age population that pays most taxes is already shrinking.",
            "> Korea still has a window to adjust gradually. It will not have it for long. "
            "-- From the paper",
            "## Four ways to pay",
            "We compare four approaches: raising contributions; raising the retirement age; "
            "increasing immigration of working-age people; and raising productivity through "
            "investment in automation and skills. None is sufficient alone. A combination of "
            "all four, phased in over a decade, closes most of the gap in our central "
            "projection.[2]",
            "## Lessons from Japan",
            "Japan's experience, which Japanese economists describe under the heading of "
            "*shōshi kōreika* (少子高齢化), suggests that working longer and bringing more women "
            "and older people into work can offset much of the demographic drag, but only with "
            "workplaces that are built to accommodate them.",
        ],
        notes=[
            "The usual definitions: an ageing society has more than 7 per cent of its people "
            "aged 65 or over, an aged society more than 14 per cent, and a super-aged society "
            "more than 20 per cent.",
            "Projections are the authors' own and rest on stated assumptions about fertility, "
            "migration and growth; they are not forecasts.",
        ],
    ),
    Piece(
        kind="report",
        title="Critical Minerals and the Korean Battery Industry",
        summary="Korean firms are among the world's leading battery makers, but their raw "
        "materials come overwhelmingly from a few countries. This report maps the "
        "dependencies and the options for reducing them.",
        authors=["ji-yeon-seo", "priya-raman", "daniel-okonkwo-lee"],
        themes=["trade", "technology", "climate"],
        regions=["south-korea", "china", "southeast-asia", "united-states"],
        hero=22,
        days_ago=88,
        body=[
            "## Summary",
            "Korean companies supply batteries for a large share of the world's electric "
            "vehicles. Their supply chains run through a small number of countries for "
            "lithium, nickel, cobalt and graphite, and through China for most refining.",
            "## Mapping the dependencies",
            "The dependency is sharpest not in mining but in processing. Even minerals mined in "
            "Australia, Indonesia or South America are often refined in China before reaching "
            "Korean cathode and anode plants.[1]",
            "## The options",
            "Korean firms are investing in refining in Indonesia and North America, in "
            "recycling, and in chemistries that use less of the scarcest minerals. Each reduces "
            "exposure, but each takes years and depends on partners' rules on investment and "
            "subsidies.",
            "> Supply chains are diversified one refinery at a time. -- From the report",
            "## Recommendations",
            "We recommend a joint stockpiling arrangement among allied importers, common "
            "standards for recycled content, and a financing facility for refining projects in "
            "third countries with credible environmental safeguards.",
        ],
        notes=["Shares of refining capacity change quickly; we describe the broad picture."],
    ),
    Piece(
        kind="report",
        title="Ships in the Night",
        subtitle="Illicit maritime transfers and how to spot them",
        summary="A practical guide to how sanctioned goods reach North Korea by sea, and what "
        "open data can and cannot reveal about it.",
        authors=["soo-ah-chung", "kenji-arakawa"],
        themes=["sanctions"],
        regions=["north-korea", "china", "russia"],
        topics=["maritime-security"],
        hero=19,
        days_ago=120,
        body=[
            "## Summary",
            "Most of the oil and coal that crosses North Korea's borders in breach of UN "
            "sanctions moves by sea. This paper explains the common methods, and shows how "
            "researchers can use public ship-tracking data and satellite imagery to detect "
            "them.",
            "## The methods",
            "### Ship-to-ship transfers",
            "A tanker meets a North Korean vessel at sea, often at night and with transponders "
            "switched off, and transfers its cargo through hoses. The meeting points move, but "
            "they cluster in a few areas.[1]",
            "### Identity laundering",
            "Vessels change names, flags and owners, sometimes several times a year, and some "
            "broadcast the identity of a different ship altogether.",
            "## What open data shows",
            "Gaps in a ship's transponder record, matched with satellite images of ships side "
            "by side, can identify likely transfers. The evidence is circumstantial, and we "
            "set out the standards we apply before naming a vessel.",
            "> Open data does not prove a transfer. It tells you where to look. -- Soo-ah Chung",
        ],
        notes=["Our dataset and methods are described in an annex available on request."],
    ),
    Piece(
        kind="report",
        title="Memory, Apology and the Limits of Legal Settlements",
        summary="Why treaties and court rulings have not settled the history disputes between "
        "Japan and Korea, and what might help instead.",
        authors=["haruka-mizutani", "hyun-woo-baek"],
        themes=["history"],
        regions=["japan", "south-korea"],
        hero=12,
        days_ago=150,
        body=[
            "## Summary",
            "Japan and South Korea normalised relations in 1965 with a treaty and a claims "
            "agreement that Japan regards as a final settlement. Korean courts and many Korean "
            "citizens do not. This paper examines why legal settlements have repeatedly failed "
            "to close the question.",
            "## Two kinds of settlement",
            "A legal settlement ends claims between states. A social settlement changes how "
            "people on each side understand the past. The 1965 agreements achieved the first "
            "and were never designed for the second.[1]",
            "## What has helped",
            "Joint history research, exchanges among teachers, and local partnerships between "
            "cities have built understanding where national agreements could not. They are "
            "slow, unglamorous and easy to cut when budgets tighten.",
            "> A settlement that only governments believe in is not yet a settlement. "
            "-- From the paper",
            "## Recommendations",
            "We suggest a standing bilateral commission on history education, with members "
            "from both countries serving fixed terms, and modest funding for civil-society "
            "exchanges that does not depend on the state of relations between governments.",
        ],
        notes=["On the 1965 claims agreement, see the treaty text in both official languages."],
    ),
]

BRIEFS = [
    Piece(
        kind="brief",
        title="Budget Season in Seoul",
        summary="The defence budget, a new trade envoy, fishing-season tensions and a quiet "
        "week in Pyongyang.",
        authors=["yoon-hee-kwak"],
        themes=["alliances", "economy"],
        regions=["south-korea", "north-korea", "china"],
        hero=None,
        days_ago=2,
        body=[
            "## Seoul",
            "The National Assembly opens debate on next year's budget. Defence spending is set "
            "to rise faster than the overall budget, with most of the increase going to "
            "surveillance satellites and munitions. Expect the opposition to question the "
            "procurement timelines rather than the totals.",
            "## Pyongyang",
            "A quieter week than usual. State media focused on the autumn harvest and a "
            "campaign to repair flood damage, which often signals that the leadership wants "
            "attention on the economy.",
            "## Beijing",
            "The fishing season in the Yellow Sea has opened, and with it the annual round of "
            "coast guard encounters. Watch for whether the two coast guards' hotline is used.",
            "## What we're reading",
            "Our fellow Min-seo Ryu on why cash incentives for births have disappointed, and a "
            "new paper from the Institute on critical minerals.",
        ],
    ),
    Piece(
        kind="brief",
        title="Chuseok Week",
        summary="The harvest holiday slows Seoul down, while Tokyo and Washington prepare "
        "for a trilateral meeting.",
        authors=["sarah-pomeroy", "yoon-hee-kwak"],
        themes=["alliances", "history"],
        regions=["south-korea", "japan", "united-states"],
        hero=None,
        days_ago=16,
        body=[
            "## Seoul",
            "Much of Korea is on the road for *Chuseok* (추석), the autumn harvest festival, "
            "when families gather at ancestral homes. Politicians use the holiday to test "
            "messages at the family table, so listen for what party leaders say on their "
            "return.",
            "## Tokyo",
            "Preparations continue for a trilateral meeting of defence ministers. The agenda "
            "includes real-time sharing of missile-warning data, which began last year.",
            "## Washington",
            "Congressional hearings on shipbuilding cooperation with allies have put Korean "
            "yards in the spotlight.",
            "## What we're reading",
            "Haruka Mizutani and Chang-ho Nam on making the Seoul–Tokyo thaw survive elections.",
        ],
    ),
    Piece(
        kind="brief",
        title="Export Controls, Again",
        summary="New chip rules, a Korean exemption, a satellite launch warning and a "
        "Mongolian delegation in Seoul.",
        authors=["daniel-okonkwo-lee"],
        themes=["technology", "trade"],
        regions=["south-korea", "china", "united-states", "mongolia"],
        topics=["semiconductors"],
        hero=None,
        days_ago=30,
        body=[
            "## Washington",
            "Another revision of export rules for advanced chips and chipmaking tools. Korean "
            "plants in China keep their waiver for now, but renewals are becoming shorter.",
            "## Pyongyang",
            "North Korea notified maritime authorities of a launch window for a satellite. "
            "Past launches have used the same window to test technology that overlaps with "
            "long-range missiles.",
            "## Seoul",
            "A trade delegation from Ulaanbaatar is in town, focused on rare earths and "
            "logistics through Chinese ports.",
            "## What we're reading",
            "Our report on critical minerals, and Tomasz Wierzbicki on what Mongolia's "
            "'third neighbour' policy teaches about balancing.",
        ],
    ),
]
