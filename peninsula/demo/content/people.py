"""The Institute's experts. All fictional."""

# (name, job title, outside affiliation, summary, bio paragraphs, is_expert)
PEOPLE = [
    (
        "Hyun-woo Baek",
        "President",
        "",
        "Leads the Institute; a former trade negotiator who writes on alliances and economic security.",
        [
            "Hyun-woo Baek spent two decades negotiating trade agreements before founding the "
            "Institute. His work links economic security to the alliance system.",
            "He grew up in Daejeon and studied economics in Seoul and Ann Arbor.",
        ],
        True,
    ),
    (
        "Eleanor Whitcombe",
        "Director of Research",
        "",
        "Oversees the research programme and writes on deterrence and arms control.",
        [
            "Eleanor Whitcombe directs the Institute's research and chairs its review board.",
            "Her own work covers nuclear deterrence, crisis communication and arms control "
            "verification in Northeast Asia.",
        ],
        True,
    ),
    (
        "Ji-yeon Seo",
        "Senior Fellow",
        "",
        "Economist covering trade, supply chains and Korea's export model.",
        [
            "Ji-yeon Seo studies how Korea's export model is adapting to export controls and "
            "supply-chain politics. She previously worked as a researcher at a Seoul brokerage."
        ],
        True,
    ),
    (
        "Marcus Delaney",
        "Senior Fellow for Defense Studies",
        "",
        "Retired US Army officer who writes on force posture and alliance planning.",
        [
            "Marcus Delaney served thirty years in the US Army, including three tours in Korea.",
            "He writes on combined command, readiness and the politics of force posture.",
        ],
        True,
    ),
    (
        "Haruka Mizutani",
        "Non-Resident Fellow",
        "Kansai Graduate School of Global Affairs",
        "Political scientist working on Japan–Korea relations and historical reconciliation.",
        [
            "Haruka Mizutani teaches international relations and researches how Japan and Korea "
            "negotiate questions of history and apology."
        ],
        True,
    ),
    (
        "Daniel Okonkwo-Lee",
        "Fellow for Technology Policy",
        "",
        "Covers semiconductors, AI governance and export controls.",
        [
            "Daniel Okonkwo-Lee follows the technology competition reshaping Northeast Asia, from "
            "chip fabrication to AI standards. He trained as an electrical engineer."
        ],
        True,
    ),
    (
        "Soo-ah Chung",
        "Research Associate",
        "",
        "Supports the sanctions and maritime programme and maintains the Institute's datasets.",
        [
            "Soo-ah Chung tracks sanctions enforcement and ship movements, and maintains several "
            "of the Institute's open datasets."
        ],
        True,
    ),
    (
        "Tomasz Wierzbicki",
        "Non-Resident Fellow",
        "Vistula Centre for Asian Studies",
        "Writes on Europe's role in Northeast Asian security and trade.",
        [
            "Tomasz Wierzbicki studies Europe's growing ties with Korea and Japan, from defence "
            "industry partnerships to trade rules."
        ],
        True,
    ),
    (
        "Min-seo Ryu",
        "Senior Fellow for Society and Demography",
        "",
        "Sociologist studying low fertility, ageing and work in Korea.",
        [
            "Min-seo Ryu researches the social roots of Korea's low birth rate, including housing, "
            "education costs and workplace culture."
        ],
        True,
    ),
    (
        "Grace Halvorsen",
        "Senior Fellow for Climate and Energy",
        "",
        "Follows energy security and decarbonisation in Korea and Japan.",
        [
            "Grace Halvorsen works on energy transitions in import-dependent economies. Before "
            "joining the Institute she advised utilities on grid planning."
        ],
        True,
    ),
    (
        "Kenji Arakawa",
        "Visiting Fellow",
        "Tohoku Institute of Maritime Affairs",
        "Specialist in maritime law and security in the seas around Japan and Korea.",
        [
            "Kenji Arakawa studies maritime boundaries, coast guard cooperation and fisheries "
            "disputes in Northeast Asia."
        ],
        True,
    ),
    (
        "Yoon-hee Kwak",
        "Director, Seoul Office",
        "",
        "Runs the Seoul office and its dialogue programme; writes on Korean domestic politics.",
        [
            "Yoon-hee Kwak leads the Institute's Seoul office. She writes on elections, party "
            "politics and public opinion about the alliance."
        ],
        True,
    ),
    (
        "Priya Raman",
        "Non-Resident Fellow",
        "Westbrook University",
        "Studies Southeast Asia's economic ties with Korea and Japan.",
        [
            "Priya Raman researches investment and production networks linking Korea, Japan and "
            "Southeast Asia."
        ],
        True,
    ),
    (
        "Chang-ho Nam",
        "Distinguished Fellow",
        "",
        "A retired diplomat with long experience of inter-Korean talks.",
        [
            "Chang-ho Nam spent thirty-five years in the diplomatic service, including several "
            "rounds of inter-Korean and multilateral negotiations."
        ],
        True,
    ),
    (
        "Weiyi Lin",
        "Non-Resident Fellow",
        "Lakeshore University",
        "Writes on China's policy toward the two Koreas.",
        [
            "Weiyi Lin studies Chinese foreign policy toward the Korean Peninsula and the "
            "economics of the China–North Korea border."
        ],
        True,
    ),
    (
        "Sarah Pomeroy",
        "Managing Editor",
        "",
        "Edits the Institute's publications and hosts The Long Table podcast.",
        ["Sarah Pomeroy edits the Institute's publications and hosts its podcast."],
        False,
    ),
]
