"""The pages editors shape in the demo: departments and expertise, news, a landing page, the
privacy policy and the menus. All fictional."""

DEPARTMENTS = [
    ("office-of-the-president", "Office of the President"),
    ("security-studies", "Security Studies"),
    ("economy-and-technology", "Economy and Technology"),
    ("society-and-region", "Society and Region"),
    ("communications", "Communications"),
]

# person slug: (department slug, areas of expertise, available to the media, media phone)
PEOPLE_PROFILES = {
    "hyun-woo-baek": (
        "office-of-the-president",
        ["alliances", "economic security", "trade negotiations"],
        True,
        "+1 202 555 0150",
    ),
    "eleanor-whitcombe": (
        "security-studies",
        ["nuclear deterrence", "arms control", "crisis communication"],
        True,
        "+1 202 555 0151",
    ),
    "ji-yeon-seo": (
        "economy-and-technology",
        ["trade", "supply chains", "export controls"],
        True,
        "",
    ),
    "marcus-delaney": (
        "security-studies",
        ["force posture", "alliances", "missile defense"],
        True,
        "+1 202 555 0153",
    ),
    "haruka-mizutani": ("society-and-region", ["Japan", "history and memory"], False, ""),
    "daniel-okonkwo-lee": (
        "economy-and-technology",
        ["semiconductors", "export controls", "technology policy"],
        True,
        "",
    ),
    "soo-ah-chung": ("security-studies", ["sanctions", "maritime security"], False, ""),
    "tomasz-wierzbicki": ("society-and-region", ["Russia", "Mongolia", "Europe"], False, ""),
    "min-seo-ryu": ("society-and-region", ["demography", "labour markets"], True, ""),
    "grace-halvorsen": ("economy-and-technology", ["energy security", "climate"], False, ""),
    "kenji-arakawa": ("security-studies", ["maritime security", "Japan"], False, ""),
    "yoon-hee-kwak": ("society-and-region", ["soft power", "Southeast Asia"], True, ""),
    "priya-raman": ("society-and-region", ["Southeast Asia", "trade"], False, ""),
    "chang-ho-nam": (
        "security-studies",
        ["North Korea", "inter-Korean relations", "nuclear deterrence"],
        True,
        "",
    ),
    "weiyi-lin": ("society-and-region", ["China", "North Korea", "sanctions"], False, ""),
    "sarah-pomeroy": ("communications", ["media enquiries"], True, "+1 202 555 0160"),
}

PRESS_CONTACT = "sarah-pomeroy"

NEWS_INDEX = {
    "title": "News",
    "slug": "news",
    "introduction": "Press releases, statements and news from the Institute. Journalists: our "
    "experts are available for interviews; write or call our press office.",
}

# (slug, kind, days ago, location, title, summary, body paragraphs in the demo markup)
NEWS = [
    (
        "new-director-seoul-office",
        "press-release",
        6,
        "Washington",
        "Haneul Policy Institute names Yoon-hee Kwak Director of its Seoul Office",
        "The Institute's Seoul office, opened in 2019, will expand its programme on "
        "society and soft power under its new director.",
        [
            "The Haneul Policy Institute today named Yoon-hee Kwak Director of its Seoul "
            "Office. She succeeds the office's founding director, who returns to research.",
            "Dr Kwak joined the Institute in 2021 and leads its work on Korean soft power and "
            "Southeast Asia. In Seoul she will expand the office's programme of public "
            "seminars and its exchanges with universities in the region.",
            "> The Seoul office is where our research meets the people it is about. -- "
            "Hyun-woo Baek",
        ],
    ),
    (
        "statement-missile-launch",
        "statement",
        11,
        "Washington",
        "Statement on North Korea's latest missile launch",
        "Eleanor Whitcombe, Director of Research, on what the launch does and does not "
        "change for extended deterrence.",
        [
            "The launch was the third this year of a solid-fuel missile of this class. It "
            "confirms a trend rather than a breakthrough.",
            "What it changes is the warning time. Allies that once had hours now have minutes, "
            "and that argues for the consultation mechanisms built since 2023 to be exercised "
            "often, not only in crises.",
        ],
    ),
    (
        "annual-report-published",
        "news",
        30,
        "",
        "Our annual report is out",
        "A year of research, events and the Institute's finances, with the names of every funder.",
        [
            "The Institute's annual report for the past year is now available. It lists every "
            "funder who gave more than $5,000, the share each programme received, and the "
            "publications and events of the year.",
            "## Transparency",
            "We publish our funders because readers should be able to judge our independence "
            "for themselves.",
        ],
    ),
]

PRIVACY = {
    "title": "Privacy policy",
    "slug": "privacy",
    "introduction": "What the Institute's website records about you, and what it does not.",
    "body": [
        "## What we record",
        "Reading this website sets no cookies and runs no third-party trackers. Page views "
        "are counted by the site itself, without cookies or personal data.",
        "When you subscribe to a mailing list, we keep your email address, name, "
        "organisation, the lists you chose and the date you confirmed. You can change or "
        "delete these from the link in every email.",
        "## Videos and embeds",
        "Our own videos play from this site. Videos from YouTube play through its "
        "no-cookie player, and nothing is fetched from YouTube until the player loads.",
        "## Contact",
        "Questions about this policy: hello@haneul-institute.example.",
    ],
}

LANDING = {
    "title": "Deterrence in the 2020s",
    "slug": "deterrence-programme",
    "introduction": "A three-year programme on how the United States, South Korea and Japan "
    "keep deterrence credible as North Korea's arsenal grows.",
    "hero": 2,
    "theme": "nuclear",
    "text": [
        "## About the programme",
        "North Korea now fields missiles that can reach every allied capital and the "
        "American mainland. The programme asks what that means for the promises allies make "
        "to each other, and how to keep those promises believable without a new arms race.",
        "It publishes commentary and reports, convenes an annual Seoul–Washington "
        "dialogue, and briefs legislators in both capitals.",
    ],
    "experts": ["eleanor-whitcombe", "marcus-delaney", "chang-ho-nam"],
    "call_to_action": {
        "heading": "Get the programme's findings first",
        "text": "New reports and invitations to the programme's briefings, by email. "
        "We send nothing until you confirm.",
        "button_label": "Subscribe",
        "url": "/subscribe/",
    },
}
