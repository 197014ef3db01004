"""Original building blocks for the generated publications, grouped by theme.

Each paragraph stands on its own, so any few from one theme read sensibly together.
"""

THEME_TEXT = {
    "alliances": {
        "focus": "the alliance",
        "experts": ["marcus-delaney", "yoon-hee-kwak", "hyun-woo-baek", "tomasz-wierzbicki"],
        "regions": ["south-korea", "united-states", "japan"],
        "topics": ["us-rok-alliance"],
        "subjects": [
            "cost-sharing talks",
            "wartime operational control",
            "combined exercises",
            "trilateral defence cooperation",
            "shipbuilding cooperation",
            "the combined command",
        ],
        "paragraphs": [
            "Alliances are easiest to sustain when they are boring. The US–ROK alliance has "
            "rarely had that luxury: each change of government in either capital reopens "
            "questions that planners had assumed were settled.",
            "The combined forces command remains unusual among American alliances. A single "
            "structure plans for war on the peninsula, and officers from both countries work "
            "side by side every day. That integration is an asset that is easy to take for "
            "granted and hard to rebuild once lost.",
            "Public support for the alliance in South Korea is high and remarkably stable, "
            "across age groups and party lines. What varies is not whether Koreans want the "
            "alliance but what they expect from it, and how much autonomy they think Seoul "
            "should have within it.",
            "Japan is now part of almost every conversation about Korean security, whether "
            "or not it has a seat at the table. Shared missile-warning data, trilateral "
            "exercises and regular ministerial meetings have made the triangle more than a "
            "diagram.",
            "Defence industry is the alliance's new frontier. Korean firms build tanks, "
            "howitzers and ships on time and at scale, and allies that once bought only from "
            "American suppliers are taking notice. Co-production could strengthen both "
            "countries' industrial bases, if export rules allow it.",
            "Readiness is a habit, not a state. Large combined exercises were scaled back "
            "during periods of diplomacy and restored afterwards; each swing cost something in "
            "training and trust that is hard to measure and easy to underrate.",
        ],
        "quotes": [
            "The alliance does not need to be reinvented. It needs to be maintained, which is "
            "harder.",
            "Integration is the alliance's quiet advantage, and the one most easily lost.",
        ],
    },
    "nuclear": {
        "focus": "deterrence on the peninsula",
        "experts": ["eleanor-whitcombe", "marcus-delaney", "chang-ho-nam"],
        "regions": ["north-korea", "south-korea", "united-states"],
        "topics": [],
        "subjects": [
            "extended deterrence",
            "the Nuclear Consultative Group",
            "North Korea's tactical nuclear weapons",
            "missile defence",
            "arms control with Pyongyang",
            "crisis communication",
        ],
        "paragraphs": [
            "North Korea's nuclear programme is no longer a bargaining chip, if it ever was. "
            "Its leadership has written nuclear status into the constitution and describes "
            "the arsenal as permanent. Policies premised on trading it away need an honest "
            "second look.",
            "Extended deterrence rests on a promise, and promises are judged by behaviour. "
            "Consultation, joint planning and visible signals all help, but none can remove "
            "the underlying question of how much risk one country will accept for another.",
            "Smaller, so-called tactical nuclear weapons change the problem. They suggest a "
            "doctrine that contemplates early use in a conventional conflict, which raises the "
            "stakes of any clash along the border or at sea.",
            "Missile defence can blunt a limited attack, but it cannot stop a large salvo, and "
            "every new interceptor invites a new missile. It works best as one layer in a "
            "posture that also relies on the threat of retaliation.",
            "Risk reduction does not require trust. Hotlines, notifications of launches and "
            "agreed rules for incidents at sea were negotiated between Cold War adversaries "
            "who trusted each other very little.",
            "Deterrence also depends on what each side believes about the other's resolve. "
            "Mixed signals, such as public talk of troop withdrawals, can undermine years of "
            "careful planning in an afternoon.",
        ],
        "quotes": [
            "Reassurance is a practice, not a press release.",
            "The most dangerous moment in a crisis is when each side thinks the other will "
            "back down.",
        ],
    },
    "sanctions": {
        "focus": "the sanctions regime",
        "experts": ["soo-ah-chung", "weiyi-lin", "kenji-arakawa"],
        "regions": ["north-korea", "china", "russia"],
        "topics": ["maritime-security"],
        "subjects": [
            "ship-to-ship transfers",
            "cyber theft and crypto laundering",
            "overseas labour",
            "sanctions monitoring after the UN panel",
            "secondary sanctions",
            "coal and oil smuggling",
        ],
        "paragraphs": [
            "Sanctions on North Korea were built in layers, each UN resolution adding new "
            "restrictions after a nuclear or missile test. The result is one of the most "
            "comprehensive regimes ever imposed on a state, and one of the most unevenly "
            "enforced.",
            "Cyber theft has become one of Pyongyang's most important sources of foreign "
            "currency. Stolen cryptocurrency is laundered through mixers and exchanges in a "
            "matter of hours, far faster than regulators can respond.",
            "Enforcement depends on states with long coastlines and busy ports. Where customs "
            "officials lack the resources or the political backing to inspect suspicious "
            "cargoes, sanctions exist mainly on paper.",
            "Open-source research has changed the field. Satellite imagery, ship-tracking data "
            "and corporate registries let independent researchers document evasion that once "
            "only intelligence services could see.",
            "Sanctions work best as part of a strategy, not as a substitute for one. Their aim "
            "should be clear: to slow the programme, to raise its costs, and to preserve "
            "leverage for a negotiation.",
            "Every sanctions regime faces a legitimacy problem when ordinary people suffer. "
            "Humanitarian exemptions exist, but aid groups report that approvals are slow and "
            "banks are often unwilling to process even permitted payments.",
        ],
        "quotes": [
            "Sanctions rarely change minds. They can change the price of a decision.",
            "Evasion is a business, and businesses respond to costs.",
        ],
    },
    "trade": {
        "focus": "Korea's trade",
        "experts": ["ji-yeon-seo", "priya-raman", "hyun-woo-baek", "tomasz-wierzbicki"],
        "regions": ["south-korea", "united-states", "china", "southeast-asia", "europe"],
        "topics": [],
        "subjects": [
            "tariff threats",
            "the Korea–US free trade agreement",
            "supply-chain resilience",
            "economic coercion",
            "Korean investment in America",
            "trade with Southeast Asia",
        ],
        "paragraphs": [
            "Korea trades more, relative to the size of its economy, than almost any other "
            "large country. That openness made it rich, and it makes it vulnerable when its "
            "partners turn to tariffs and controls.",
            "China remains Korea's largest trading partner, but the composition of trade has "
            "changed. Korea now imports more intermediate goods from China than it once did, "
            "and exports fewer finished goods there, as Chinese firms climb the value chain.",
            "Korean companies have become some of the largest foreign investors in American "
            "manufacturing, especially in batteries, cars and chips. That investment is both a "
            "bargaining asset for Seoul and a hostage to American politics.",
            "Southeast Asia is where Korean supply chains are quietly diversifying. Vietnam in "
            "particular hosts Korean electronics plants that export around the world.",
            "Economic coercion works by making the cost of a political choice visible and "
            "immediate. The best defence is diversity: of suppliers, of markets, and of "
            "partners willing to respond together.",
            "Trade agreements do less than they once did to guarantee access, as governments "
            "invoke national security to justify new barriers. Their value increasingly lies "
            "in the forums they create for settling disputes before they escalate.",
        ],
        "quotes": [
            "Resilience is bought in peacetime and paid for in efficiency.",
            "Openness made Korea rich. Managing openness will keep it secure.",
        ],
    },
    "economy": {
        "focus": "the Korean economy",
        "experts": ["ji-yeon-seo", "hyun-woo-baek", "min-seo-ryu"],
        "regions": ["south-korea", "japan"],
        "topics": [],
        "subjects": [
            "the won",
            "productivity growth",
            "household debt",
            "chaebol governance",
            "the services sector",
            "the housing market",
        ],
        "paragraphs": [
            "Korea's growth model, built on exports by large conglomerates, has served it well "
            "for half a century. Its limits are now visible: slowing productivity, a services "
            "sector that lags manufacturing, and a labour market divided between secure and "
            "precarious jobs.",
            "Household debt is among the highest in the developed world relative to income, "
            "much of it tied to housing. That leaves the central bank with difficult choices "
            "whenever inflation and house prices move in different directions.",
            "The large business groups, the *jaebeol* (재벌), remain central to the economy. "
            "Governance has improved, but family control through complex shareholdings still "
            "worries minority investors and keeps Korean shares cheaper than their peers.",
            "Services employ most Korean workers but produce far less per hour than "
            "manufacturing. Raising productivity in retail, logistics and care work matters as "
            "much as another breakthrough in chips.",
            "Regional imbalance is an economic problem as well as a social one. The capital "
            "region's pull on young workers leaves other cities ageing faster and struggling "
            "to keep their industries.",
            "Japan's experience offers both warnings and reassurance: a shrinking, ageing "
            "economy can remain prosperous, but only if it invests heavily in productivity and "
            "keeps more people in work.",
        ],
        "quotes": [
            "The next stage of growth will come from the parts of the economy that exports "
            "never reached.",
            "A miracle economy has to learn to be an ordinary one.",
        ],
    },
    "technology": {
        "focus": "technology competition",
        "experts": ["daniel-okonkwo-lee", "ji-yeon-seo", "tomasz-wierzbicki"],
        "regions": ["south-korea", "united-states", "china", "taiwan", "japan"],
        "topics": ["semiconductors"],
        "subjects": [
            "chip export controls",
            "AI governance",
            "high-bandwidth memory",
            "battery technology",
            "research security",
            "6G standards",
        ],
        "paragraphs": [
            "Semiconductors are Korea's largest export and its strongest card in the "
            "technology competition. Memory chips, once a commodity, have become strategic as "
            "artificial-intelligence systems demand ever more of them.",
            "Export controls are a blunt instrument used for precise purposes. They can slow "
            "a rival's access to advanced tools, but they also push that rival to build its "
            "own, and they impose costs on allied firms that sell to it.",
            "Taiwan, Korea, Japan and the United States each hold a piece of the chip supply "
            "chain, and none can build leading-edge chips alone. That interdependence is a "
            "source of both leverage and anxiety.",
            "Artificial intelligence raises new questions about standards, data and safety. "
            "Korea has positioned itself as a bridge between large and small countries in "
            "global discussions of AI rules.",
            "Research security is becoming a condition of scientific cooperation. "
            "Universities and laboratories face new rules on who may work on what, and on "
            "which partners they may accept funding from.",
            "Talent is the scarcest input of all. Korea's shrinking cohorts of young engineers "
            "make it more dependent on attracting and keeping researchers from abroad.",
        ],
        "quotes": [
            "In the chip business, a year's delay is a generation lost.",
            "Technology policy is now foreign policy by other means.",
        ],
    },
    "demography": {
        "focus": "Korea's demographic transition",
        "experts": ["min-seo-ryu", "ji-yeon-seo", "yoon-hee-kwak"],
        "regions": ["south-korea", "japan"],
        "topics": ["low-fertility"],
        "subjects": [
            "low fertility",
            "immigration policy",
            "the pension system",
            "care for older people",
            "regional depopulation",
            "work and family",
        ],
        "paragraphs": [
            "Korea's fertility rate is the lowest in the world, and the population has begun "
            "to shrink. The consequences will unfold over decades, but the choices that shape "
            "them are being made now.",
            "Cash incentives for births have had little lasting effect. Research points to "
            "deeper causes: housing costs, the burden of private education, long working hours "
            "and unequal sharing of care at home.",
            "Immigration is no longer a taboo subject in Seoul. Foreign workers already staff "
            "farms, factories and fishing boats, and the question is shifting from whether to "
            "admit them to how to help them settle.",
            "Rural counties are emptying. Some have more residents over eighty than under "
            "ten, and schools, clinics and bus routes are closing as a result.",
            "Older Koreans face high rates of poverty, a legacy of a pension system that is "
            "still young. Many keep working well into their seventies, often in low-paid jobs.",
            "Young Koreans describe a sense of competition that begins in kindergarten and "
            "never ends. Reducing that pressure may do more for family formation than any "
            "subsidy.",
        ],
        "quotes": [
            "Demography is destiny only for countries that refuse to adapt.",
            "The birth rate is the sum of a thousand private calculations about the future.",
        ],
    },
    "climate": {
        "focus": "energy and climate policy",
        "experts": ["grace-halvorsen", "kenji-arakawa", "priya-raman"],
        "regions": ["south-korea", "japan", "china"],
        "topics": [],
        "subjects": [
            "offshore wind",
            "the coal phase-out",
            "nuclear power",
            "LNG security",
            "climate adaptation",
            "green steel",
        ],
        "paragraphs": [
            "Korea imports almost all of its energy, which makes climate policy and energy "
            "security two sides of the same coin. Every new source of domestic power reduces "
            "exposure to shocks in distant markets.",
            "Nuclear power supplies around a third of Korea's electricity, and governments of "
            "different parties have alternately scaled it back and expanded it. That "
            "uncertainty has cost the industry more than any single decision.",
            "Offshore wind could supply a large share of Korea's power, but permitting is "
            "slow, fishing communities are wary, and the grid connections do not yet exist.",
            "Heavy industry is the hardest part of the transition. Steel, petrochemicals and "
            "cement account for a large share of emissions and a large share of exports.",
            "Climate adaptation is becoming urgent. Summer floods, heatwaves and warming seas "
            "are already affecting cities, farms and fisheries across the region.",
            "Japan and Korea face similar constraints and could do more together: joint "
            "purchasing of fuel, shared standards for hydrogen, and coordinated research on "
            "next-generation reactors.",
        ],
        "quotes": [
            "For an importer, every domestic megawatt is a small declaration of independence.",
            "The transition will be decided in ports and permitting offices, not summits.",
        ],
    },
    "history": {
        "focus": "the politics of memory",
        "experts": ["haruka-mizutani", "chang-ho-nam", "hyun-woo-baek"],
        "regions": ["japan", "south-korea", "china"],
        "topics": [],
        "subjects": [
            "history textbooks",
            "the 1965 normalisation treaty",
            "wartime labour rulings",
            "the legacy of the Korean War",
            "museums and memorials",
            "the colonial period in popular memory",
        ],
        "paragraphs": [
            "History in Northeast Asia is not past. Disputes over the colonial period and the "
            "war still shape elections, trade relations and military cooperation.",
            "Governments can sign agreements, but they cannot legislate how people remember. "
            "Settlements that ignore public sentiment tend not to last.",
            "Younger Koreans and Japanese consume each other's films, music and food with "
            "enthusiasm. Surveys suggest they are less attached to historical grievances, "
            "though not indifferent to them.",
            "Museums and memorials are where national stories are told to the next "
            "generation. The choices curators make, about what to show and what to leave out, "
            "are political choices.",
            "The Korean War is remembered very differently in Seoul, Pyongyang, Beijing and "
            "Washington. Each version serves present purposes, which is why none is likely to "
            "change soon.",
            "Historians on both sides of the Korea Strait have worked together for decades. "
            "Their joint research rarely makes headlines, but it has narrowed the range of "
            "facts in dispute.",
        ],
        "quotes": [
            "The past is argued about because the present depends on it.",
            "Apology is a process, not an event.",
        ],
    },
    "inter-korean": {
        "focus": "inter-Korean relations",
        "experts": ["chang-ho-nam", "weiyi-lin", "yoon-hee-kwak"],
        "regions": ["north-korea", "south-korea", "china"],
        "topics": [],
        "subjects": [
            "inter-Korean dialogue",
            "the two-state line in Pyongyang",
            "separated families",
            "North Korean defectors",
            "unification policy",
            "the border economy with China",
        ],
        "paragraphs": [
            "Pyongyang has abandoned the language of unification and now describes the South "
            "as a separate, hostile state. The shift is rhetorical and institutional, and it "
            "closes doors that had been open, at least in principle, for decades.",
            "Dialogue between the two Koreas has always moved in cycles: a burst of summits and "
            "agreements, followed by years of silence. Each cycle leaves behind some "
            "institutions, and each collapse removes more of them.",
            "Tens of thousands of North Koreans have resettled in the South. Their experience "
            "of adjustment, often difficult, is one of the best guides to what integration "
            "might one day involve.",
            "Separated families are a humanitarian issue with a deadline. Most of those who "
            "remember relatives across the border are now in their eighties or nineties.",
            "China's trade with North Korea, much of it across the Yalu River, is a lifeline "
            "for the northern economy and a window into it for researchers.",
            "South Korean public opinion on unification has shifted. Younger people are more "
            "likely to see the North as a foreign country and unification as a cost rather "
            "than a goal.",
        ],
        "quotes": [
            "Every cycle of dialogue begins with fewer tools than the last.",
            "Unification used to be a dream. For many young Koreans it is now a question.",
        ],
    },
}

# Which other theme a piece on one theme may also touch.
RELATED = {
    "alliances": ["nuclear", "inter-korean", "technology"],
    "nuclear": ["alliances", "inter-korean"],
    "sanctions": ["inter-korean", "trade"],
    "trade": ["economy", "technology"],
    "economy": ["trade", "demography"],
    "technology": ["trade", "economy"],
    "demography": ["economy"],
    "climate": ["economy", "trade"],
    "history": ["inter-korean", "alliances"],
    "inter-korean": ["history", "nuclear"],
}

OPENERS = [
    "Few questions in Seoul's policy debate move as slowly, or matter as much, as {s}.",
    "It is easy to lose sight of {s} amid the week's headlines. That would be a mistake.",
    "The debate over {s} has changed more in the last two years than in the previous ten.",
    "Ask five officials in Seoul about {s} and you will hear at least three different "
    "answers. The disagreement is itself revealing.",
    "For anyone following {focus}, {s} is a useful test of whether stated priorities "
    "match actual choices.",
    "Much of what is written about {s} treats the subject as a technical matter. It is also "
    "a political one.",
    "There is a familiar story about {s}, and it is only half right.",
    "Policymakers rarely get to choose when to turn their attention to {s}. This may be one "
    "of those moments.",
]

CLOSERS = [
    "None of this calls for grand gestures. It calls for steady attention to {s}, and for "
    "patience when progress is slow.",
    "The choices on {s} will not make headlines, but they will shape {focus} for years.",
    "Getting {s} right will take more than one government's term. That is an argument for "
    "starting now.",
    "The test will be whether today's attention to {s} survives the next change of government.",
    "There is no perfect answer on {s}, only better and worse ways of managing it. The "
    "better ones start with candour about the trade-offs.",
    "If there is a lesson, it is that on {s}, preparation before a crisis counts for more "
    "than improvisation during one.",
]

HEADINGS = [
    ("Where things stand", "What has changed", "What to do next"),
    ("The background", "The view from Seoul", "Looking ahead"),
    ("Why it matters", "The regional picture", "Recommendations"),
    ("The familiar story", "What it misses", "A better approach"),
    ("First principles", "The trade-offs", "What to watch"),
    ("The context", "Risks and opportunities", "The longer view"),
]

NOTES = [
    "Figures in this piece are rounded; the trends, not the decimals, carry the argument.",
    "The author thanks colleagues at the Institute for comments on an earlier draft.",
    "Quotations from officials are paraphrased from conversations held under the Chatham "
    "House rule.",
    "Survey results cited here come from the Institute's own polling with a Seoul partner "
    "and carry a margin of error of about three points.",
    "Romanised Korean follows the Revised Romanisation system except for personal names.",
    "Opinions expressed here do not necessarily reflect the views of the Institute's funders.",
]

TITLE_FRAMES = [
    "{S}: what to watch next",
    "Five questions about {s}",
    "The quiet shift in {s}",
    "What we get wrong about {s}",
    "Getting {s} right",
    "A practical agenda for {s}",
    "Reading the signals on {s}",
    "Three myths about {s}",
    "{S} and the limits of ambition",
    "The case for patience on {s}",
]
REPORT_FRAMES = [
    "{S}: options for policymakers",
    "Rethinking {s}",
    "{S} in a changing region",
    "A new framework for {s}",
]
EVENT_FRAMES = ["Panel: {S}", "Roundtable: {S}", "Seminar: {S}", "Workshop: {S}", "Briefing: {S}"]
VIDEO_FRAMES = ["Explainer: {S}", "In Five Minutes: {S}", "Ask a Fellow: {S}"]
PODCAST_FRAMES = ["Inside {s}", "{S}, explained", "Arguing about {s}", "The long view on {s}"]

PODCAST_QUESTIONS = [
    "Let's start with the basics. Why should listeners care about {s}?",
    "What do people most often get wrong about {s}?",
    "If you were advising the government tomorrow, what would you tell them?",
    "What will you be watching over the next year?",
]

REGION_ITEMS = {
    "Seoul": [
        "The National Assembly's committees return to work this week. Watch the defence and "
        "trade committees, where budget lines often reveal priorities before speeches do.",
        "A new poll shows support for the alliance holding steady, while views of Japan have "
        "warmed slightly among voters under forty.",
        "The finance ministry is expected to publish revised growth forecasts. Exports are "
        "recovering; domestic consumption is not.",
        "Ruling and opposition parties are sparring over housing supply in the capital region, "
        "an issue that shapes elections more than foreign policy ever does.",
    ],
    "Pyongyang": [
        "State media devoted most of the week to agriculture and flood repairs, a sign that "
        "the leadership wants the public focused on domestic work.",
        "A round of short-range missile tests off the east coast. The pattern, rather than any "
        "single launch, is what deserves attention.",
        "Senior officials appeared at a factory inauguration, part of a regional development "
        "campaign now in its second year.",
        "A new slogan appeared in party newspapers. New slogans usually precede a campaign; "
        "watch for it at the next plenum.",
    ],
    "Tokyo": [
        "The cabinet approved a new round of defence procurement, including long-range "
        "missiles that could strike bases in an attack.",
        "Japanese and Korean business federations held their regular meeting, with supply "
        "chains and hydrogen on the agenda.",
        "Public debate continues over Japan's own low birth rate, *shōshika* (少子化), and the "
        "cost of new child allowances.",
    ],
    "Beijing": [
        "Chinese customs data show trade with North Korea steady at pre-pandemic levels, with "
        "processed goods and wigs leading exports from the North.",
        "A senior Chinese diplomat visited Seoul, the latest sign that both sides want to keep "
        "channels open despite differences.",
        "New rules on rare-earth exports have Korean manufacturers checking their inventories.",
    ],
    "Washington": [
        "Congressional hearings touched on shipbuilding cooperation with Korea and Japan.",
        "The administration announced new export-control guidance affecting chip equipment.",
        "A bipartisan group of senators introduced a resolution reaffirming the alliance.",
    ],
}
