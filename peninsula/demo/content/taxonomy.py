"""Themes, regions and topics: (slug, name, description)."""

THEMES = [
    (
        "alliances",
        "Alliances and Defense",
        "The US–ROK and US–Japan alliances, force posture and cost-sharing.",
    ),
    (
        "nuclear",
        "Nuclear Policy and Deterrence",
        "Extended deterrence, nonproliferation and North Korea's arsenal.",
    ),
    (
        "sanctions",
        "Sanctions and Enforcement",
        "How sanctions on North Korea are designed, enforced and evaded.",
    ),
    (
        "trade",
        "Trade and Supply Chains",
        "Trade agreements, export controls and the routes goods travel.",
    ),
    ("economy", "Economy and Finance", "Growth, productivity, the chaebol and the won."),
    (
        "technology",
        "Technology and Innovation",
        "Semiconductors, batteries, AI and the rules that govern them.",
    ),
    (
        "demography",
        "Demography and Society",
        "Low fertility, ageing, migration and the generation gap.",
    ),
    ("climate", "Climate and Energy", "Decarbonisation, energy security and climate adaptation."),
    (
        "history",
        "History and Memory",
        "How the past shapes politics in Seoul, Pyongyang, Tokyo and Beijing.",
    ),
    (
        "inter-korean",
        "Inter-Korean Relations",
        "Dialogue, deterrence and the long question of unification.",
    ),
]

REGIONS = [
    ("south-korea", "South Korea", "The Republic of Korea."),
    ("north-korea", "North Korea", "The Democratic People's Republic of Korea."),
    ("japan", "Japan", ""),
    ("china", "China", ""),
    ("united-states", "United States", ""),
    ("russia", "Russia", ""),
    ("taiwan", "Taiwan", ""),
    ("mongolia", "Mongolia", ""),
    ("southeast-asia", "Southeast Asia", "ASEAN and its members."),
    ("europe", "Europe", "The European Union and its member states."),
]

TOPICS = [
    ("us-rok-alliance", "US–ROK Alliance", ""),
    ("semiconductors", "Semiconductors", ""),
    ("low-fertility", "Low Fertility", ""),
    ("maritime-security", "Maritime Security", ""),
    ("hallyu", "Hallyu (한류)", "The Korean Wave: film, music, food and their reach abroad."),
    ("elections", "Elections", ""),
]
