"""Hand-written podcast episodes, events and videos. Original text, written for the demo.

Events count `days_ago` from their start: a negative number is an event still to come.
"""

from peninsula.demo.content.base import Piece

DC_VENUE = (
    "Haneul Policy Institute, Sixth-Floor Conference Room",
    "1740 Larchmont Place NW, Suite 610\nWashington, DC 20036",
)
SEOUL_VENUE = (
    "Haneul Policy Institute Seoul Office",
    "12F, 88 Saemunan-ro (fictional address)\nJongno-gu, Seoul",
)

PODCASTS = [
    Piece(
        kind="podcast",
        title="Nunchi at the Negotiating Table",
        summary="A retired diplomat on 눈치 (nunchi), the art of reading the room, and what it "
        "taught him in thirty years of talks with Pyongyang and Beijing.",
        authors=["sarah-pomeroy", "chang-ho-nam"],
        themes=["inter-korean", "history"],
        regions=["north-korea", "south-korea", "china"],
        hero=4,
        days_ago=5,
        extra={
            "duration_seconds": 2290,
            "transcript": [
                (
                    "Sarah Pomeroy",
                    "Welcome to The Long Table. My guest is Chang-ho Nam, who "
                    "spent thirty-five years as a diplomat. Let's start with a word: nunchi.",
                ),
                (
                    "Chang-ho Nam",
                    "Nunchi is the sense of what the other people in a room are "
                    "thinking and feeling without their saying it. Every Korean child is told to "
                    "have more of it.",
                ),
                ("Sarah Pomeroy", "And in a negotiation?"),
                (
                    "Chang-ho Nam",
                    "In a negotiation it is everything that is not in the "
                    "transcript: who arrives early, who looks at whom before answering, which "
                    "topic makes the room go quiet.",
                ),
                ("Sarah Pomeroy", "Did it ever mislead you?"),
                (
                    "Chang-ho Nam",
                    "Often. You can read a room perfectly and still not know what "
                    "the people who are not in it have decided.",
                ),
            ],
        },
        body=[
            "In this episode Sarah Pomeroy talks with Distinguished Fellow Chang-ho Nam about "
            "the unwritten side of diplomacy.",
            "## In this episode",
            "What *nunchi* means and why Korean parents talk about it; how negotiating teams "
            "prepare for talks with North Korea; the role of banquets, toasts and breaks; and "
            "why the most important conversations often happen in corridors.",
            "> The agenda is what you agree to discuss. The corridor is where you find out what "
            "is possible. -- Chang-ho Nam",
        ],
    ),
    Piece(
        kind="podcast",
        title="Kimchi, Chips and Tariffs",
        summary="Two economists on what tariffs and export controls mean for Korea's export "
        "model, from fermented cabbage to memory chips.",
        authors=["sarah-pomeroy", "ji-yeon-seo", "daniel-okonkwo-lee"],
        themes=["trade", "technology"],
        regions=["south-korea", "united-states", "china"],
        topics=["semiconductors"],
        hero=7,
        days_ago=26,
        extra={
            "duration_seconds": 2715,
            "transcript": [
                (
                    "Sarah Pomeroy",
                    "Ji-yeon, Korea exports everything from kimchi to chips. "
                    "Which of them should worry about tariffs?",
                ),
                (
                    "Ji-yeon Seo",
                    "Kimchi will be fine. The exposure is in cars, steel and "
                    "anything that passes through a supply chain with a Chinese link.",
                ),
                (
                    "Daniel Okonkwo-Lee",
                    "And chips are a special case, because the rules are "
                    "not only about prices but about who is allowed to buy them at all.",
                ),
            ],
        },
        body=[
            "Managing Editor Sarah Pomeroy is joined by Ji-yeon Seo and Daniel Okonkwo-Lee.",
            "## In this episode",
            "How Korea's trade surplus is built; why tariffs hit some sectors far harder than "
            "others; what export controls on chips mean for Korean plants in China; and whether "
            "the free trade agreement with the United States still does its job.",
        ],
    ),
    Piece(
        kind="podcast",
        title="Shōshika and Jeochulsan",
        subtitle="少子化 and 저출산: a shared demographic puzzle",
        summary="Japan and Korea have the world's lowest birth rates. A Japanese and a Korean "
        "researcher compare notes on causes and cures.",
        authors=["sarah-pomeroy", "min-seo-ryu", "haruka-mizutani"],
        themes=["demography"],
        regions=["japan", "south-korea"],
        topics=["low-fertility"],
        hero=23,
        days_ago=60,
        extra={
            "duration_seconds": 3105,
            "transcript": [
                (
                    "Sarah Pomeroy",
                    "Japanese has a word, shōshika, and Korean has jeochulsan. "
                    "Do they mean the same thing?",
                ),
                (
                    "Haruka Mizutani",
                    "Both mean fewer children, but the Japanese word carries "
                    "thirty years of policy debate with it.",
                ),
                (
                    "Min-seo Ryu",
                    "In Korea the decline came later and faster, so the debate "
                    "feels more like an emergency.",
                ),
            ],
        },
        body=[
            "Min-seo Ryu and Haruka Mizutani join Sarah Pomeroy to compare the demographic "
            "debates in Seoul and Tokyo.",
            "## In this episode",
            "Why the two countries' fertility rates fell at different speeds; what Japan's "
            "three decades of family policy achieved; the role of housing, schooling and "
            "working hours; and what each country could learn from the other.",
        ],
    ),
]

EVENTS = [
    Piece(
        kind="event",
        title="Korea Outlook: The Year Ahead",
        summary="Our annual conference on the alliance, the economy and the politics of the "
        "peninsula, with panels in Washington and a live link to Seoul.",
        authors=["hyun-woo-baek", "eleanor-whitcombe"],
        themes=["alliances", "economy", "nuclear"],
        regions=["south-korea", "north-korea", "united-states"],
        featured=True,
        hero=0,
        days_ago=-12,
        extra={
            "start_time": (9, 0),
            "end_time": (16, 30),
            "time_zone": "America/New_York",
            "venue": DC_VENUE,
            "online": True,
            "registration": True,
            "speakers": [
                ("hyun-woo-baek", "Opening remarks"),
                ("eleanor-whitcombe", "Moderator"),
                ("marcus-delaney", "Panellist"),
                ("ji-yeon-seo", "Panellist"),
                ("yoon-hee-kwak", "Speaking from Seoul"),
            ],
        },
        body=[
            "Each year the Institute brings together scholars, officials and journalists to "
            "look at the year ahead on the Korean Peninsula.",
            "## Programme",
            "### Morning: security",
            "A panel on deterrence and force posture, followed by a conversation on the "
            "alliance's politics in both capitals.",
            "### Afternoon: economy and society",
            "Panels on trade and technology, and on the demographic transition, with a closing "
            "keynote from our President.",
            "## Attending",
            "The conference is free and open to the public. Seats in Washington are limited; "
            "all sessions are also streamed online.",
        ],
    ),
    Piece(
        kind="event",
        title="Book Talk: The Long Armistice",
        summary="A conversation on the seventy-year history of the armistice that stopped, but "
        "never ended, the Korean War.",
        authors=["chang-ho-nam"],
        themes=["history", "inter-korean"],
        regions=["north-korea", "south-korea"],
        hero=5,
        days_ago=-26,
        extra={
            "start_time": (18, 30),
            "end_time": (20, 0),
            "time_zone": "Asia/Seoul",
            "venue": SEOUL_VENUE,
            "online": False,
            # Registration on the site itself, for a small room, with a waiting list.
            "registration": "here",
            "capacity": 12,
            "questions": [
                ("Language you would like to follow the talk in", "radio", "Korean\nEnglish"),
                ("Anything we should know to make the event accessible for you?", "multiline", ""),
            ],
            "speakers": [("chang-ho-nam", "Speaker"), ("yoon-hee-kwak", "Moderator")],
        },
        body=[
            "Chang-ho Nam discusses the history of the 1953 armistice agreement, the "
            "institutions it created, and why seven decades later it remains the legal basis "
            "of peace on the peninsula.",
            "## Format",
            "A forty-minute conversation followed by questions from the audience. The event "
            "will be held in Korean and English, with interpretation.",
        ],
    ),
    Piece(
        kind="event",
        title="Roundtable: Export Controls and Korean Industry",
        summary="Industry, government and research voices on how chip export controls are "
        "reshaping Korean investment.",
        authors=["daniel-okonkwo-lee", "ji-yeon-seo"],
        themes=["technology", "trade"],
        regions=["south-korea", "united-states", "china"],
        topics=["semiconductors"],
        hero=14,
        days_ago=35,
        extra={
            "start_time": (10, 0),
            "end_time": (11, 30),
            "time_zone": "America/New_York",
            "venue": None,
            "online": True,
            "registration": False,
            "recording": True,
            "transcript": [
                (
                    "Daniel Okonkwo-Lee",
                    "Welcome, everyone. We have ninety minutes and three views of the same "
                    "problem: what export controls on chipmaking tools mean for Korean plants.",
                ),
                (
                    "Ji-yeon Seo",
                    "The rule itself is not the hardest part. The hardest part is that the "
                    "licence for a plant in China runs for one year, and a fab is planned for "
                    "twenty.",
                ),
                (
                    "Tomasz Wierzbicki",
                    "European toolmakers see the same thing. Multi-year licences for plants "
                    "that already exist would remove most of the uncertainty at little cost.",
                ),
                (
                    "Daniel Okonkwo-Lee",
                    "Let us take questions. The first is about memory chips, which the rules "
                    "treat differently from logic.",
                ),
            ],
            "speakers": [
                ("daniel-okonkwo-lee", "Moderator"),
                ("ji-yeon-seo", "Panellist"),
                ("tomasz-wierzbicki", "Panellist"),
            ],
        },
        body=[
            "An online roundtable on the practical effects of export controls on Korean "
            "companies and their plans.",
            "## Summary of the discussion",
            "Panellists agreed that uncertainty, more than any single rule, is the main cost. "
            "Several argued for multi-year licences for existing plants, and for closer "
            "coordination with European and Japanese toolmakers' governments.",
            "> Companies can adapt to almost any rule. What they cannot plan around is a rule "
            "that changes every six months. -- A participant",
        ],
    ),
    Piece(
        kind="event",
        title="Seminar: Climate Cooperation in Northeast Asian Seas",
        summary="How Korea, Japan and China could cooperate on fisheries, marine heatwaves and "
        "offshore wind despite their disputes.",
        authors=["grace-halvorsen", "kenji-arakawa"],
        themes=["climate"],
        regions=["south-korea", "japan", "china"],
        topics=["maritime-security"],
        hero=11,
        days_ago=90,
        extra={
            "start_time": (15, 0),
            "end_time": (17, 0),
            "time_zone": "Asia/Seoul",
            "venue": SEOUL_VENUE,
            "online": True,
            "registration": False,
            "speakers": [
                ("grace-halvorsen", "Speaker"),
                ("kenji-arakawa", "Speaker"),
                ("soo-ah-chung", "Moderator"),
            ],
        },
        body=[
            "Warming seas are moving fish stocks north and raising the risk of marine "
            "heatwaves. This seminar asked what cooperation is possible among countries that "
            "still dispute where their waters begin and end.",
            "## Key points",
            "Scientific cooperation, such as shared ocean monitoring, has survived diplomatic "
            "chills before and can again. Offshore wind needs agreed rules for surveys near "
            "disputed lines.",
        ],
    ),
]

VIDEOS = [
    Piece(
        kind="video",
        title="Explainer: How the Armistice Works",
        summary="In six minutes: what the 1953 armistice says, who enforces it, and why there "
        "is still no peace treaty.",
        authors=["chang-ho-nam"],
        themes=["history", "inter-korean"],
        regions=["north-korea", "south-korea"],
        featured=True,
        hero=2,
        days_ago=11,
        extra={"duration_seconds": 372},
        body=[
            "The Korean War stopped in July 1953 with an armistice signed by military "
            "commanders, not a peace treaty signed by governments. This short explainer "
            "covers what that means in practice.",
            "## Chapters",
            "The demilitarised zone and the military demarcation line; the Military Armistice "
            "Commission and the Neutral Nations Supervisory Commission; and the arguments for "
            "and against replacing the armistice with a peace treaty.",
        ],
    ),
    Piece(
        kind="video",
        title="Three Charts on Korea's Birth Rate",
        summary="Min-seo Ryu walks through three charts that explain why Korea's fertility "
        "rate is the lowest in the world.",
        authors=["min-seo-ryu"],
        themes=["demography"],
        regions=["south-korea"],
        topics=["low-fertility"],
        hero=13,
        days_ago=38,
        extra={"duration_seconds": 455},
        body=[
            "Three charts: the age of first marriage, the cost of housing in the capital "
            "region, and hours worked. Together they explain much of the decline.",
        ],
    ),
    Piece(
        kind="video",
        title="Interview: The Future of Extended Deterrence",
        summary="Eleanor Whitcombe answers readers' questions about the US nuclear umbrella "
        "over South Korea.",
        authors=["eleanor-whitcombe"],
        themes=["nuclear", "alliances"],
        regions=["south-korea", "united-states"],
        topics=["us-rok-alliance"],
        hero=18,
        days_ago=73,
        extra={"duration_seconds": 1140},
        body=[
            "Our Director of Research takes readers' questions on extended deterrence: what it "
            "promises, how it is tested, and whether it can survive political change in "
            "Washington and Seoul.",
        ],
    ),
]
