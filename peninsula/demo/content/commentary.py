"""Hand-written commentary for The Peninsula. Original text, written for the demo."""

from peninsula.demo.content.base import Piece

COMMENTARY = [
    Piece(
        kind="article",
        title="Burden-Sharing Without Resentment",
        subtitle="The alliance's cost debate needs a new vocabulary",
        summary="Arguments over who pays for US forces in Korea keep returning because both "
        "sides count the wrong things. A better ledger would count contributions, not cheques.",
        authors=["marcus-delaney", "yoon-hee-kwak"],
        themes=["alliances"],
        regions=["south-korea", "united-states"],
        topics=["us-rok-alliance"],
        featured=True,
        hero=1,
        days_ago=3,
        body=[
            "Every few years the United States and South Korea sit down to renegotiate how much "
            "Seoul pays toward the cost of stationing American troops on the peninsula. And "
            "every few years the talks turn into a proxy fight over whether the alliance is "
            "worth it. That is a strange outcome for a negotiation over a sum that amounts to a "
            "rounding error in either country's defence budget.",
            "## Counting the wrong things",
            "The special measures agreement covers labour, construction and logistics. It does "
            "not cover the land Korea provides rent-free, the tax exemptions, the roads and "
            "utilities, or the largest item of all: a South Korean military of roughly half a "
            "million active personnel whose plans are built around combined operations.[1]",
            "When Washington points to the cheque and Seoul points to everything else, both are "
            "right and neither is persuasive. Voters in each country hear only the half that "
            "flatters them.",
            "> An alliance that argues about invoices every five years is advertising a "
            "weakness it does not have. -- Marcus Delaney",
            "## A contributions ledger",
            "A better approach would publish a single, jointly audited account of what each "
            "ally contributes to combined defence, in cash and in kind, updated every year. "
            "It would not end the argument, but it would move it onto common ground.",
            "It would also make room for the contributions that matter most now: Korean "
            "shipyards that can repair American vessels, munitions production lines, and the "
            "space and cyber capabilities that did not exist when the first cost-sharing deal "
            "was signed in 1991.",
            "## Politics at home",
            "None of this removes the politics. In Seoul, progressive and conservative "
            "governments alike have found that appearing to give in on cost-sharing is "
            "expensive at the ballot box. In Washington, the number is a convenient symbol of "
            "allied free-riding. A shared ledger gives leaders in both capitals something more "
            "useful to point to than a percentage increase.[2]",
        ],
        notes=[
            "Personnel figures are rounded and vary by source and year; the point is the order "
            "of magnitude, not the exact count.",
            "The Institute's polling partner in Seoul found support for the alliance stable "
            "even in years when cost-sharing talks were most contentious.",
        ],
    ),
    Piece(
        kind="article",
        title="Why Seoul's Nuclear Debate Won't Go Away",
        summary="A majority of South Koreans tell pollsters they want their own nuclear weapons. "
        "Dismissing that as noise misreads both the public mood and the policy options.",
        authors=["eleanor-whitcombe"],
        themes=["nuclear", "alliances"],
        regions=["south-korea", "north-korea", "united-states"],
        topics=["us-rok-alliance"],
        featured=True,
        hero=18,
        days_ago=9,
        body=[
            "For a decade, survey after survey has found that most South Koreans favour "
            "developing an independent nuclear deterrent. Officials in Washington tend to treat "
            "the finding as a curiosity: strongly held in the abstract, weakly held once costs "
            "are explained. That reading is becoming harder to sustain.",
            "## What the polls measure",
            "Support for a Korean bomb is not, for most respondents, a vote against the "
            "alliance. It is a hedge. People who want nuclear weapons also overwhelmingly want "
            "American troops to stay.[1] They are expressing doubt that an ally's promise to "
            "risk its own cities for Seoul will hold in every future administration.",
            "That doubt has a history. The withdrawal of US tactical nuclear weapons from the "
            "peninsula in 1991, the periodic talk of troop reductions, and North Korea's "
            "steady progress toward missiles that can reach the American mainland have all "
            "fed it.",
            "## The costs are real",
            "A South Korean weapons programme would mean leaving the Non-Proliferation Treaty, "
            "risking sanctions on a nuclear power sector that depends on imported fuel, and "
            "straining the alliance that is supposed to be the reason the bomb is unnecessary. "
            "It might also push Japan to reconsider its own position.",
            "> Reassurance is not a communiqué. It is a habit, practised in peacetime, that "
            "allies can see. -- Eleanor Whitcombe",
            "## Taking the hedge seriously",
            "The answer is not to lecture Korean voters but to give the hedge less to feed on: "
            "deeper consultation on nuclear planning, regular visits by strategic assets, and "
            "Korean officers in the rooms where options are drawn up. The Nuclear Consultative "
            "Group was a start. Its value will be measured by whether it still meets, and still "
            "matters, after the next change of government in either capital.",
        ],
        notes=[
            "Question wording matters a great deal; support falls when respondents are "
            "reminded of possible sanctions, but it rarely falls below half.",
        ],
    ),
    Piece(
        kind="article",
        title="The Sampo Generation Grows Up",
        subtitle="삼포세대 (sampo sedae) and the politics of giving up",
        summary="The young Koreans who said they had given up on dating, marriage and children "
        "are now in their thirties. Their choices are reshaping the country's politics and "
        "its budget.",
        authors=["min-seo-ryu"],
        themes=["demography", "economy"],
        regions=["south-korea"],
        topics=["low-fertility"],
        featured=True,
        hero=13,
        days_ago=14,
        body=[
            "Around 2011, Korean newspapers began writing about the *sampo sedae* (삼포세대), "
            "the three-give-up generation: young people who said they could not afford to "
            "date, marry or have children. The label was half joke, half lament. Within a few "
            "years it had grown to the *opo* and *chilpo* generations, giving up five and then "
            "seven things, including home ownership and hope itself.",
            "## From slogan to statistic",
            "The people behind the slogan are now in their mid-thirties, and their choices "
            "show up in the numbers. Korea's total fertility rate has fallen below 0.8 children "
            "per woman, the lowest recorded anywhere in peacetime.[1] First marriages happen "
            "later, and fewer happen at all.",
            "It is tempting to read this as a change in values. Surveys suggest something "
            "different: most young Koreans still say they would like to marry and have "
            "children. What they describe is a set of costs that make it feel irrational.",
            "### Housing, schooling, hours",
            "Three costs come up again and again: housing in the capital region, where half the "
            "population lives; the private tutoring that has become close to mandatory for "
            "children who want a place at a good university; and working hours that leave "
            "little room for caring for anyone.",
            "> People did not stop wanting families. They stopped believing the arithmetic. "
            "-- Min-seo Ryu",
            "## What policy can do",
            "Governments have spent large sums on cash incentives for births, with little to "
            "show for it. The evidence from elsewhere points toward structural changes instead: "
            "affordable housing near jobs, limits on the tutoring arms race, and parental leave "
            "that men actually take.[2] None of these is quick, and all of them are expensive. "
            "The alternative, a rapidly shrinking workforce supporting a rapidly growing number "
            "of retirees, is more expensive still.",
        ],
        notes=[
            "The total fertility rate is the average number of children a woman would have "
            "over her lifetime at current age-specific birth rates.",
            "Take-up of paternity leave in Korea has risen quickly from a low base, which "
            "suggests that workplace norms, not entitlements, are the binding constraint.",
        ],
    ),
    Piece(
        kind="article",
        title="Chips, Chokepoints and the Chaebol",
        summary="Korea's memory-chip makers are caught between their biggest market and their "
        "most important ally. Their room to manoeuvre is shrinking, but it has not vanished.",
        authors=["daniel-okonkwo-lee", "ji-yeon-seo"],
        themes=["technology", "trade"],
        regions=["south-korea", "china", "united-states"],
        topics=["semiconductors"],
        hero=14,
        days_ago=21,
        body=[
            "Korea's two great memory-chip makers sit at the centre of the technology "
            "competition between the United States and China. They sell heavily into Chinese "
            "supply chains, they operate large fabrication plants in China, and they depend on "
            "American and allied tools to make their most advanced products.",
            "## Three chokepoints",
            "The first chokepoint is equipment. The machines that pattern the smallest circuits "
            "come from a handful of companies in the United States, the Netherlands and Japan, "
            "and export rules now limit what can be shipped to plants in China.",
            "The second is customers. Chinese smartphone and server makers buy a large share of "
            "Korean memory. Losing them would hurt; being seen to favour them could cost access "
            "to American subsidies and markets.",
            "The third is talent. Engineers move between Korean, Taiwanese, American and Chinese "
            "firms, and every government in the region is tightening rules on who can work on "
            "what.",
            "> The *jaebeol* (재벌) were built to move fast in open markets. They now have to "
            "move carefully in closed ones. -- Daniel Okonkwo-Lee",
            "## Room to manoeuvre",
            "The companies have options. They can shift advanced production to Korea and the "
            "United States while running older lines in China for as long as the rules allow. "
            "They can invest in the high-bandwidth memory that artificial-intelligence systems "
            "need, where their lead is large. And Seoul can bargain: Korean chips matter to "
            "American firms too.[1]",
            "What they cannot do is return to the old assumption that technology and geopolitics "
            "live in separate worlds.",
        ],
        notes=[
            "Export-control rules change often; this piece describes their direction rather "
            "than any particular rule's text.",
        ],
    ),
    Piece(
        kind="article",
        title="Shuttle Diplomacy Returns",
        subtitle="Seoul and Tokyo after the thaw",
        summary="Leaders' visits between Seoul and Tokyo are routine again. The harder task is "
        "making the improvement survive a change of government on either side.",
        authors=["haruka-mizutani", "chang-ho-nam"],
        themes=["history", "alliances"],
        regions=["japan", "south-korea"],
        hero=8,
        days_ago=27,
        body=[
            "For years, a Korean president and a Japanese prime minister meeting outside a "
            "multilateral summit was news. Now it is routine again. Officials in both capitals "
            "call it *shuttle diplomacy*, borrowing a phrase from the early 2000s, when leaders "
            "visited each other's countries informally and often.",
            "## What changed",
            "Three things moved at once: a shared reading of the threat from North Korea's "
            "missiles, a shared worry about economic coercion, and a decision in Seoul to "
            "settle the wartime labour dispute through a domestic foundation rather than wait "
            "for Japanese companies to pay.",
            "That decision remains contested in Korea. Critics argue it let Tokyo off lightly; "
            "supporters argue that the alternative was another decade of frozen relations.[1]",
            "## The Japanese side",
            "In Tokyo, officials speak of *kaizen* (改善), steady improvement, rather than a "
            "breakthrough. That caution is deliberate. Japanese politicians remember earlier "
            "agreements that unravelled when Korean governments changed.",
            "> Reconciliation is not a treaty you sign. It is a habit you keep. -- Haruka Mizutani",
            "## Making it stick",
            "The best insurance is to spread the relationship beyond leaders: regular meetings "
            "of defence and finance ministers, exchanges between legislators of all parties, "
            "and cooperation on issues where neither public sees the other as an adversary, "
            "such as supply chains and ageing societies.",
        ],
        notes=[
            "The 2018 rulings of Korea's Supreme Court on wartime labour remain in force; the "
            "foundation pays the compensation they ordered.",
        ],
    ),
    Piece(
        kind="article",
        title="Sanctions Fatigue Is Real. So Is the Cost of Giving Up",
        summary="Enforcement of UN sanctions on North Korea has weakened. Abandoning them "
        "would be worse.",
        authors=["soo-ah-chung", "weiyi-lin"],
        themes=["sanctions"],
        regions=["north-korea", "china", "russia"],
        topics=["maritime-security"],
        hero=3,
        days_ago=33,
        body=[
            "The United Nations panel that monitored sanctions on North Korea has been "
            "disbanded, Russia openly trades with Pyongyang, and ship-to-ship transfers of "
            "refined petroleum continue off the Chinese coast. It is fair to ask whether the "
            "sanctions regime still does anything at all.",
            "## What sanctions still do",
            "They raise costs. Every barrel of oil that reaches North Korea through a "
            "transfer at sea costs more than one bought openly. Every bank that handles North "
            "Korean money takes a risk. Every worker sent abroad has to be hidden.[1]",
            "They also keep a record. The evidence collected by investigators, journalists and "
            "open-source researchers is the basis for any future negotiation about what North "
            "Korea would have to give up for relief.",
            "> A leaky dam still holds back water. -- Soo-ah Chung",
            "## What to do now",
            "Without the UN panel, the work of monitoring falls to national governments and "
            "independent researchers. Like-minded states could fund a shared reporting "
            "mechanism, publish their findings together, and coordinate designations of ships "
            "and firms. It would lack the UN's authority, but it would keep the record going.",
            "The harder question is Russia. Its trade with Pyongyang is in plain view and "
            "unlikely to stop while the war in Ukraine continues. Sanctions will not change "
            "that calculation; they can make it more expensive.",
        ],
        notes=[
            "Estimates of the price premium on smuggled fuel come from comparing reported "
            "market prices in North Korea with regional benchmarks; they are indicative only.",
        ],
    ),
    Piece(
        kind="article",
        title="Korea's Coal Exit Is an Alliance Issue Too",
        summary="How fast South Korea closes its coal plants affects its grid, its industry and "
        "its partners. Energy security and climate policy are no longer separate files.",
        authors=["grace-halvorsen"],
        themes=["climate", "economy"],
        regions=["south-korea", "japan"],
        hero=9,
        days_ago=40,
        body=[
            "South Korea still burns coal for roughly a third of its electricity. The "
            "government has promised to phase it out, but the date keeps moving, and the plan "
            "for replacing it leans heavily on imported liquefied natural gas and on nuclear "
            "power.",
            "## An island grid",
            "Korea's grid is, in effect, an island: it has no connections to neighbours that "
            "could balance supply and demand. Every megawatt has to be generated at home or "
            "shipped in as fuel. That makes the choice of replacement for coal a question of "
            "security as much as of emissions.",
            "Japan faces the same problem, and the two countries compete for the same cargoes "
            "of gas when winters are cold.[1]",
            "> Energy security used to mean stockpiles. Now it also means supply chains for "
            "turbines, panels and transformers. -- Grace Halvorsen",
            "## Where allies come in",
            "Offshore wind in the Yellow Sea and the seas off the south coast could supply a "
            "large share of Korea's power, but it needs ports, ships and transmission lines. "
            "Partners with experience, in Europe especially, have a commercial interest in "
            "helping. So does Washington, which would rather Korea bought gas from American "
            "exporters than from Russia or Qatar alone.",
        ],
        notes=[
            "Korea and Japan are among the world's largest importers of liquefied natural gas.",
        ],
    ),
    Piece(
        kind="article",
        title="Hallyu as Statecraft",
        subtitle="The limits of soft power in 한류",
        summary="Korean films, dramas and music are admired around the world. That admiration "
        "is an asset for Seoul, but it rarely changes another government's mind.",
        authors=["yoon-hee-kwak", "priya-raman"],
        themes=["economy", "history"],
        regions=["south-korea", "southeast-asia"],
        topics=["hallyu"],
        hero=6,
        days_ago=48,
        body=[
            "The Korean Wave, *Hallyu* (한류), began as a regional phenomenon in the late "
            "1990s, when Korean television dramas found audiences in China and Southeast Asia. "
            "It is now global. Seoul's diplomats like to cite it as evidence of Korean soft "
            "power. They are right that it helps, and wrong about how much.",
            "## What it buys",
            "Popular culture shapes how foreign publics see a country. Surveys in Southeast "
            "Asia show warm views of South Korea, and tourism, food exports and language "
            "learning have all grown with the Wave.[1]",
            "## What it does not",
            "It does not change the decisions of governments whose interests lie elsewhere. "
            "When China restricted Korean entertainment in 2017 over the deployment of a "
            "missile defence system, Chinese audiences' affection for Korean actors made no "
            "difference to the outcome.",
            "> Admiration is not alignment. -- Yoon-hee Kwak",
            "## Using it well",
            "The Wave works best as a door, not a lever: a reason for students to come to Korea, "
            "for firms to take Korean partners seriously, and for foreign publics to pay "
            "attention when Seoul speaks. That is valuable. It is just not the same as influence "
            "over a summit communiqué.",
        ],
        notes=["Language-learning apps report Korean among their fastest-growing languages."],
    ),
    Piece(
        kind="article",
        title="What Mongolia Teaches About Balancing",
        summary="Squeezed between Russia and China, Mongolia has built a foreign policy around "
        "'third neighbours'. Seoul is one of them, and there are lessons in both directions.",
        authors=["tomasz-wierzbicki"],
        themes=["trade", "alliances"],
        regions=["mongolia", "south-korea", "china", "russia"],
        hero=10,
        days_ago=55,
        body=[
            "Mongolia has two land neighbours, and both are far larger than it. Since the 1990s "
            "its governments have pursued what they call a *third neighbour* policy: close ties "
            "with democracies further away, including South Korea, Japan, the United States "
            "and the European Union.",
            "## Korea as a third neighbour",
            "The links are deeper than many realise. Tens of thousands of Mongolians have "
            "worked or studied in Korea, Korean firms are active in Ulaanbaatar, and "
            "Korean-style convenience stores line the capital's streets.[1]",
            "Mongolia's copper, coal and rare-earth deposits also interest Korean industry, "
            "though getting them to market means crossing Chinese or Russian territory.",
            "## Lessons for Seoul",
            "Mongolia shows how a smaller state can widen its options without picking a fight "
            "with its neighbours. Seoul's position is different, since it has an ally with "
            "troops on its soil, but it too must trade with China and manage Russia. Balancing "
            "is not fence-sitting; it is the patient work of having more than one friend.",
        ],
        notes=["Estimates of the Mongolian community in Korea vary with visa rules and seasons."],
    ),
    Piece(
        kind="article",
        title="Reading Pyongyang's Plenums Without Overreading Them",
        summary="North Korean party meetings are one of the few windows into policy in "
        "Pyongyang. They reward careful reading and punish excitement.",
        authors=["chang-ho-nam", "weiyi-lin"],
        themes=["inter-korean"],
        regions=["north-korea"],
        hero=20,
        days_ago=62,
        body=[
            "Twice a year or so, the Central Committee of the Workers' Party of Korea meets in "
            "plenary session. State media publish long reports afterwards. Analysts in Seoul, "
            "Tokyo and Washington then spend days arguing over what the wording means.",
            "## What to look for",
            "Three things repay attention: changes in who sits where, which reveal promotions "
            "and demotions; changes in standard phrases, which signal shifts in line; and "
            "targets for the economy, which are sometimes specific enough to check later.[1]",
            "## What to ignore",
            "Rhetoric about enemies is mostly constant. A single harsh phrase about Seoul or "
            "Washington is usually not a signal. The absence of a familiar one can be.",
            "> In Pyongyang, silence is often the loudest part of the text. -- Chang-ho Nam",
            "The habit worth cultivating is comparison: this plenum against the last five, not "
            "against the headlines of the week.",
        ],
        notes=["The Institute keeps a searchable archive of plenum reports for researchers."],
    ),
    Piece(
        kind="article",
        title="Jeong and the Alliance",
        subtitle="Why personal ties still matter in the age of institutions",
        summary="The Korean idea of 정 (jeong), a bond built through time and shared hardship, "
        "explains more about alliance management than most doctrine does.",
        authors=["hyun-woo-baek"],
        themes=["alliances", "history"],
        regions=["south-korea", "united-states"],
        topics=["us-rok-alliance"],
        hero=15,
        days_ago=70,
        body=[
            "There is no good English word for *jeong* (정). It describes the attachment that "
            "grows between people who have spent time together, often through difficulty, and "
            "it can exist even between people who do not much like each other.",
            "## Alliances run on it",
            "Anyone who has worked inside the US–Korea alliance knows that it runs on *jeong* "
            "as much as on treaties. Officers who served together call each other when there is "
            "a crisis. Negotiators who have sat across a table for years know what the other "
            "side can and cannot concede.",
            "That web is thinner than it used to be. Fewer American officials learn Korean, "
            "tours are shorter, and the generation that built the relationship after the war "
            "has retired.[1]",
            "> Institutions carry the weight. People decide where it goes. -- Hyun-woo Baek",
            "## Investing in it",
            "Rebuilding the web is cheap compared with almost anything else in the defence "
            "budget: language training, longer postings, exchanges between legislatures and "
            "universities. It is also the kind of investment that pays off only in a crisis, "
            "which is why it is so easy to neglect.",
        ],
        notes=["The number of US students studying Korean has grown, but few enter government."],
    ),
    Piece(
        kind="article",
        title="The Yellow Sea Is Getting Crowded",
        summary="Fishing fleets, coast guards, navies and wind farms all want the same water. "
        "Without rules, the Yellow Sea will become the region's next flashpoint.",
        authors=["kenji-arakawa", "soo-ah-chung"],
        themes=["alliances", "climate"],
        regions=["china", "south-korea", "north-korea"],
        topics=["maritime-security"],
        hero=16,
        days_ago=77,
        body=[
            "The Yellow Sea, which Koreans call the West Sea (서해), is shallow, busy and "
            "contested. China and South Korea have never agreed a maritime boundary there; "
            "North and South dispute the line near the northwest islands; and everyone's "
            "fishing fleets chase dwindling stocks.",
            "## New structures at sea",
            "In recent years Chinese platforms described as fish-farming facilities have "
            "appeared in the zone where the two countries' claims overlap. Seoul has protested; "
            "Beijing says they are commercial.[1] Each new structure sets a precedent that the "
            "other side must either accept or contest.",
            "## Rules before incidents",
            "Coast guards on both sides already talk. What is missing is a habit of sharing "
            "plans for new structures in the overlapping zone, and a joint mechanism for "
            "fisheries that both sides trust. These are modest steps, and they are easier to "
            "take before an incident than after one.",
            "> At sea, the first mover writes the rules unless someone else writes them first. "
            "-- Kenji Arakawa",
        ],
        notes=["The Provisional Measures Zone was set up under a 2001 fisheries agreement."],
    ),
    # The Peninsula publishes some pieces in Korean and Japanese; search handles both.
    Piece(
        kind="article",
        slug="cost-sharing-ledger-ko",
        title="방위비 분담, 무엇을 셈해야 하나",
        subtitle="현금 장부를 넘어 기여 전체를 보여 줄 때",
        summary="방위비 분담금 협상은 매번 동맹의 가치를 둘러싼 논쟁으로 번진다. 현금만 "
        "적는 장부 대신 양국의 기여 전체를 보여 주는 공동 장부가 필요하다.",
        authors=["ji-yeon-seo"],
        themes=["alliances"],
        regions=["south-korea", "united-states"],
        days_ago=5,
        body=[
            "방위비 분담금 협상이 열릴 때마다 서울과 워싱턴의 논쟁은 금액보다 동맹 자체의 "
            "가치로 옮겨 간다. 양국 국방 예산에 비하면 크지 않은 액수인데도 그렇다.",
            "## 장부에 없는 것들",
            "특별협정은 인건비, 군사건설, 군수지원만 다룬다. 무상으로 제공되는 토지와 세금 "
            "면제, 그리고 연합작전을 전제로 짜인 한국군의 규모는 장부에 나타나지 않는다.",
            "> 5년마다 청구서를 두고 다투는 동맹은 갖고 있지도 않은 약점을 광고하는 셈이다.",
            "## 공동 장부를 제안한다",
            "양국이 해마다 현금과 현물 기여를 함께 감사해 하나의 장부로 공개하면, 논쟁이 "
            "끝나지는 않더라도 같은 숫자 위에서 이뤄질 수 있다. 함정 정비, 탄약 생산, 우주와 "
            "사이버 역량처럼 1991년 첫 협정 때는 없던 기여도 담을 수 있다.",
        ],
    ),
    Piece(
        kind="article",
        slug="japan-korea-security-cooperation-ja",
        title="日韓安全保障協力の次の一歩",
        summary="北朝鮮のミサイル発射が続くなか、日本と韓国は警戒情報の共有を立て直した。"
        "政権が代わっても続く仕組みにできるかが次の課題だ。",
        authors=["hyun-woo-baek"],
        themes=["alliances"],
        regions=["japan", "south-korea"],
        days_ago=9,
        body=[
            "日本と韓国の防衛当局は、北朝鮮のミサイル発射に関する警戒情報をほぼ即時に共有する"
            "体制を整えた。米国を交えた三か国の枠組みがその土台になっている。",
            "## 政権交代に耐える仕組み",
            "これまでの協力は、首脳同士の関係が冷え込むたびに止まってきた。共同訓練を定例化し、"
            "実務レベルの協議を文書で約束しておくことが、継続性を高める現実的な方法だ。",
            "## 世論の壁",
            "歴史問題をめぐる世論の溝はなお深い。それでも若い世代では相手国への好感度が上がって"
            "おり、安全保障協力を支える土台は少しずつ広がっている。",
        ],
    ),
]
