"""Word lists for claim anatomy: number words, units, currencies, approximators, attribution cues, hedges.

Plain data for ``podium.anatomy``; lowercase unless noted. Strengths are hand-set on a 0–1 scale: for a
hedge, how much it weakens the statement; for a booster, how much it insists on it.
"""

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10**7,
          "billion": 10**9, "trillion": 10**12}  # fmt: skip
#: Abbreviated scales glued to digits ("3bn", "$5m", "10k").
SCALE_SUFFIXES = {"bn": 10**9, "b": 10**9, "mn": 10**6, "m": 10**6, "tn": 10**12, "trn": 10**12, "k": 1_000}
#: Vague plurals: "dozens of", "hundreds of thousands of" -> the smallest value they allow, approx ">".
VAGUE_PLURALS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "tens": 10,
                 "millions": 10**6, "billions": 10**9}  # fmt: skip
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
             "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
MULTIPLIER_WORDS = {"twice": 2, "thrice": 3, "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4,
                    "halved": 0.5, "doubling": 2, "tripling": 3}  # fmt: skip
#: Multiplier verbs in their base form, a quantity only after a modal or "to" ("will double that").
MULTIPLIER_BASE_VERBS = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4, "halve": 0.5}

#: Approximators written before a number -> relation of the true value to the stated one.
APPROX_BEFORE = {
    "more than": ">", "over": ">", "well over": ">", "just over": ">", "above": ">", "upwards of": ">",
    "in excess of": ">", "at least": ">", "no more than": "<", "not more than": "<", "no fewer than": ">",
    "no less than": ">", "exceeding": ">",
    "nearly": "<", "almost": "<", "close to": "<", "just under": "<", "under": "<", "less than": "<",
    "fewer than": "<", "up to": "<", "as many as": "<", "not even": "<", "barely": "<",
    "about": "~", "around": "~", "some": "~", "roughly": "~", "approximately": "~", "an estimated": "~",
    "estimated": "~", "circa": "~", "at most": "<", "as much as": "<", "below": "<", "well below": "<",
    "just below": "<", "well above": ">", "just above": ">", "as high as": "<",
}  # fmt: skip
APPROX_AFTER = {"or so": "~", "or more": ">", "and more": ">", "plus": ">", "+": ">", "or less": "<"}

#: Currency words and symbols -> ISO 4217 code.
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "pounds": "GBP", "pounds sterling": "GBP", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "shekels": "ILS", "shekel": "ILS", "rupees": "INR", "rupee": "INR",
    "rials": "IRR", "rial": "IRR", "tomans": "IRR", "hryvnias": "UAH", "hryvnia": "UAH", "lira": "TRY",
    "liras": "TRY", "dinars": "IQD", "riyals": "SAR", "pesos": "MXN", "reais": "BRL", "naira": "NGN",
    "rand": "ZAR", "yen": "JPY", "francs": "CHF", "taka": "BDT", "shillings": "KES", "cedis": "GHS",
    "bolivars": "VES", "new taiwan dollars": "TWD", "forints": "HUF", "forint": "HUF", "won": "KRW",
    "dirhams": "AED", "zloty": "PLN", "zlotys": "PLN", "ringgit": "MYR", "baht": "THB",
    "kwacha": "ZMW", "birr": "ETB", "leva": "BGN", "lei": "RON", "tenge": "KZT", "manat": "AZN",
    "afghanis": "AFN", "afghani": "AFN",
}  # fmt: skip
CURRENCY_SYMBOLS = {"US$": "USD", "NT$": "TWD", "A$": "AUD", "AU$": "AUD", "R$": "BRL", "C$": "CAD",
                    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "₺": "TRY", "₦": "NGN", "₩": "KRW",
                    "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR",
                    "₽": "RUB", "₪": "ILS", "₴": "UAH", "Rs": "INR", "Rs.": "INR",
                    "KSh": "KES", "Ksh": "KES", "KShs": "KES", "Kshs": "KES", "₱": "PHP", "Rp": "IDR",
                    "RM": "MYR", "₫": "VND", "฿": "THB", "₵": "GHS", "GH₵": "GHS", "TSh": "TZS", "USh": "UGX",
                    "E£": "EGP", "zł": "PLN"}  # fmt: skip
CURRENCY_CODES = (
    "USD",
    "EUR",
    "GBP",
    "RUB",
    "CNY",
    "ILS",
    "INR",
    "IRR",
    "UAH",
    "TRY",
    "PKR",
    "TWD",
    "NGN",
    "HUF",
    "JPY",
    "AUD",
    "BRL",
    "CAD",
    "CHF",
    "SDG",
    "EGP",
    "ZAR",
    "KRW",
    "SAR",
    "AED",
    "PLN",
    "ARS",
    "MXN",
    "KES",
    "ETB",
    "COP",
    "TL",
    *"""JOD PHP YER QAR OMR KWD IQD LBP SYP NZD HKD SGD CLP UGX TZS GHS BDT LKR NPR THB MYR IDR VND DZD MAD
    TND LYD XOF BGN RON CZK SEK NOK DKK KZT AZN UYU VES PEN AFN""".split(),  # noqa: SIM905
)
#: Currency words whose nationality adjective changes the code ("Pakistani rupees").
CURRENCY_ADJECTIVES = {
    "pakistani rupees": "PKR", "indian rupees": "INR", "iranian rials": "IRR", "taiwan dollars": "TWD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "sudanese pounds": "SDG",
    "egyptian pounds": "EGP", "turkish lira": "TRY", "turkish liras": "TRY", "brazilian reais": "BRL",
    "argentine pesos": "ARS", "argentinian pesos": "ARS", "mexican pesos": "MXN", "chilean pesos": "CLP",
    "colombian pesos": "COP", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
    "singapore dollars": "SGD", "japanese yen": "JPY", "chinese yuan": "CNY", "russian rubles": "RUB",
    "nigerian naira": "NGN", "south african rand": "ZAR", "swiss francs": "CHF", "lebanese pounds": "LBP",
    "syrian pounds": "SYP", "philippine pesos": "PHP", "jordanian dinars": "JOD", "iraqi dinars": "IQD",
    "kuwaiti dinars": "KWD", "yemeni rials": "YER", "yemeni riyals": "YER", "saudi riyals": "SAR",
    "qatari riyals": "QAR", "omani rials": "OMR", "kenyan shillings": "KES", "ugandan shillings": "UGX",
    "tanzanian shillings": "TZS", "ethiopian birr": "ETB", "colombian peso": "COP", "cfa francs": "XOF",
}  # fmt: skip

PERCENT_WORDS = ("percent", "per cent", "percentage points", "percentage point", "%")
#: Periods after a quantity that make it a rate ("a million barrels a day").
RATE_PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour",
                "minute": "minute", "second": "second", "capita": "capita", "person": "capita",
                "head": "capita", "annum": "year", "gallon": "gallon", "litre": "litre", "liter": "litre",
                "barrel": "barrel", "kilo": "kilogram", "kilogram": "kilogram", "tonne": "tonne",
                "ton": "tonne"}  # fmt: skip
RATE_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                "hourly": "hour"}  # fmt: skip
#: Nouns counted without a plural -s, so they end a counted-noun phrase like a plural does.
IRREGULAR_PLURALS = frozenset(
    """
    people children men women police personnel staff livestock cattle sheep fish aircraft data militia
    infantry clergy youth offspring deer feet teeth mice geese
    """.split()  # noqa: SIM905
)
#: Adjectives used as plural nouns after a count ("nine martyrs and some twenty wounded").
NOMINAL_ADJECTIVES = frozenset(
    """
    wounded injured dead killed missing displaced detained disappeared unemployed homeless elderly sick
    poor hungry faithful
    """.split()  # noqa: SIM905
)
#: Units of measure (singular or plural) that end a counted-noun phrase.
MEASURE_UNITS = frozenset(
    """
    km kilometres kilometers kilometre kilometer miles mile metres meters metre meter tons tonnes ton
    tonne barrels barrel litres liters hectares acres square megawatts gigawatts mw gw kwh cubic feet
    foot inches kg kilograms grams calories degrees centimetres centimeters millimetres millimeters
    """.split()  # noqa: SIM905
)
#: Words that end a counted-noun phrase without being part of it (function words, auxiliaries, verbs).
NOUN_STOP = frozenset(
    """
    a an the this that these those of in on at to for from by with without into onto over under about
    against between among through during before after since until and or but nor so yet as than then
    when while where which who whom whose what why how if because although though is are was were be
    been being am has have had do does did will would shall should can could may might must not no never
    also even just only still already again more most less least all each every both either neither it
    its they them their we us our you your he him his she her i me my there here per some any many much
    such very too up down out off across along around behind beyond near toward towards upon within via
    including like including every whether said says
    """.split()  # noqa: SIM905
)
#: Adverbs and auxiliaries that may stand between a speaker and a cue verb ("have also openly admitted").
CUE_GAP_WORDS = frozenset(
    """
    has have had will would shall should can could may might must did do does is are was were been also
    openly publicly repeatedly again already even just now themselves himself herself itself once
    previously recently later first then falsely proudly explicitly clearly privately officially
    formally reportedly today yesterday never not always frequently keeps keep kept continues continue
    continued rightly wrongly often sometimes ever
    """.split()  # noqa: SIM905
)

#: Speech and evidence verbs that attribute content to a source on their own.
SPEECH_CUES = frozenset(
    """
    say says said saying tell tells told telling state states stated admit admits admitted admitting
    acknowledge acknowledges acknowledged warn warns warned warning claim claims claimed claiming
    announce announces announced declare declares declared insist insists insisted insisting argue
    argues argued arguing write writes wrote explain explains explained add adds added stress stresses
    stressed emphasise emphasised emphasize emphasized note notes noted report reports reported testify
    testified testifies concede conceded concedes allege alleges alleged boast boasted boasts deny
    denies denied confess confessed confesses predict predicts predicted accuse accuses accused threaten
    threatened threatens vow vowed vows promise promised promises pledged pledge pledges recall recalls
    recalled complain complained complains confirm confirms confirmed reveal reveals revealed
    spoke speaks teach teaches taught remind reminds reminded assure assures assured command commands
    commanded scold scolds scolded retort retorts retorted quip quips quipped reply replies replied
    describe describes described adding noting stressing explaining emphasizing emphasising corroborate
    corroborates corroborated tweeted tweeting assert asserts asserted asserting remarked writing stating
    declaring announcing alleging recalling conceding
    """.split()  # noqa: SIM905
)
#: Evidence verbs that attribute only when followed by "that" ("reports show that ...").
THAT_CUES = frozenset(
    """
    project projects projected forecast forecasts expects expected show shows showed shown reveal
    reveals revealed find finds found confirm confirms confirmed prove proves proved indicate indicates
    indicated suggest suggests suggested estimate estimates estimated conclude concludes concluded
    believe believes believed rule rules ruled document documents documented establish establishes
    established determine determines determined demonstrate demonstrates demonstrated calculate calculates
    calculated assess assesses assessed agree agrees agreed ask asks asked record records recorded
    narrate narrates narrated hold holds held imply implies implied implying recognize recognizes
    recognized recognise recognises recognised observe observes observed respond responds responded
    posted pointed
    """.split()  # noqa: SIM905
)
#: Evidence nouns: as the head of a subject they make "show"/"confirm" a cue even without "that"
#: ("Treasury's own modelling shows the opposite", "Eurostat data show ...").
EVIDENCE_NOUNS = frozenset(
    """
    data figures numbers statistics modelling modeling model forecast forecasts study studies report
    reports analysis survey surveys polls poll research records census evidence estimates audit
    """.split()  # noqa: SIM905
)
#: Verbs that attribute an expectation with an object and "to" ("the market expects it to reach ...").
EXPECT_CUES = frozenset({"expects", "expected", "expect", "predicts", "predicted", "forecasts", "forecast"})
#: Phrasal cues written before the source ("according to reports").
SOURCE_AFTER_CUES = ("according to", "in the words of", "as reported by", "as stated by", "citing",
                     "quoting", "as confirmed by")  # fmt: skip
#: Sources that name no checkable origin: an attribution to them is "unsourced".
VAGUE_SOURCES = frozenset(
    """
    reports report sources source experts expert analysts observers people many some everyone everybody
    they others critics studies rumours rumors officials witnesses media those who someone somebody
    nobody estimates estimate search insiders commentators pundits speculation
    """.split()  # noqa: SIM905
)
#: Evidence claims without a checkable source: (pattern, source group text, cue) are matched in
#: ``podium.anatomy.attributions``; each entry is a regular expression with groups ``src`` and ``cue``.
UNSOURCED_PATTERNS = (
    r"(?P<src>\b[Ww]e)\s+(?P<cue>(?:now\s+|also\s+|already\s+)?(?:have|possess|hold)\s+(?:(?:clear|solid|"
    r"undeniable|irrefutable|firm|concrete|strong|ample|hard|new|the)\s+)*(?:evidence|proof|documents|"
    r"information|intelligence))\b",
    r"(?P<src>\b(?:[Ee]veryone|[Ee]verybody|[Tt]he (?:whole |entire )?world|[Aa]ll the world|[Aa]ll of us)"
    r"(?: (?:here )?in this (?:house|hall|room|chamber|country|parliament)"
    r"| in [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)?)\s+"
    r"(?P<cue>(?:knows|sees|saw|can see|has seen|understands))\b",
    r"(?P<src>\b(?:[Nn]o one|[Nn]obody|[Nn]o one in this (?:hall|room|chamber)))\s+(?P<cue>(?:can|could|"
    r"will|would)\s+(?:deny|dispute|doubt|question))\b",
    r"(?P<src>\b[Ww]e)\s+(?P<cue>(?:all\s+)?know)(?=\s+(?:that\b|(?:it\s+|this\s+)?for\s+(?:a\s+fact|certain|"
    r"sure)\b))",
    r"(?<=\b[Aa]s\s)(?P<src>we)\s+(?P<cue>all\s+know)\b",
    r"(?P<src>\b[Ww]e)\s+(?P<cue>(?:all\s+|now\s+|also\s+)?know)(?=\s+(?:it|they|he|she|this)\s+(?:\w+ed|is|was|are|"
    r"were|has|have|had|will|can|did|does)\b)",
    r"(?<=\b[Aa]s\s)(?P<src>you)\s+(?P<cue>(?:all\s+|may\s+|might\s+|probably\s+|well\s+)?know)\b",
    r"(?P<src>\b[Ii]t)\s+(?P<cue>is\s+(?:well|widely|common(?:ly)?)\s+known|is\s+no\s+secret|"
    r"is\s+an\s+open\s+secret)\b",
    r"(?P<src>\b(?:[Ss]tudies|[Mm]any people|[Pp]eople))\s+"
    r"(?P<cue>(?:say|show|agree|tell us|are saying))\b",
    # an agentless passive of belief or report: nobody is named ("it is believed that", "are thought to")
    r"(?P<src>)(?<![\w-])(?P<cue>(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:(?:widely|generally|commonly|now|also|long|often)\s+)?(?:believed|thought|considered|estimated|"
    r"reported|alleged|rumou?red|known|understood|shown|feared|suspected|said|claimed|expected))"
    r"(?=\s+(?:that\b|to\s+\w))",
)
#: Heads of an evidence source that, with no name or determiner to say which, stand for no one: "Recent data
#: shows", "Official figures reveal" (but "The study said", "a Pentagon report found" name theirs).
UNSOURCED_EVIDENCE = frozenset(
    {"data", "figures", "numbers", "statistics", "studies", "research", "evidence", "polls"}
)

#: Hedges: expression -> strength (how much it weakens). Matched case-insensitively on word boundaries.
HEDGES = {
    "perhaps": 0.6, "maybe": 0.6, "possibly": 0.6, "probably": 0.35, "likely": 0.35, "reportedly": 0.5,
    "allegedly": 0.6, "apparently": 0.4, "presumably": 0.4, "supposedly": 0.6, "arguably": 0.4,
    "seemingly": 0.5, "it seems": 0.45, "seems": 0.45, "seem": 0.45, "it appears": 0.45, "appears to": 0.45,
    "appear to": 0.45, "might": 0.6, "may": 0.5, "i think": 0.4, "i believe": 0.35, "we believe": 0.35,
    "in my view": 0.35, "in my opinion": 0.35, "i suspect": 0.5, "it is possible": 0.6,
    "to some extent": 0.3, "more or less": 0.3, "it is said": 0.5, "rumoured": 0.6, "rumored": 0.6,
    "i guess": 0.5, "as far as we know": 0.4, "if reports are true": 0.6, "unconfirmed": 0.6,
    "we think": 0.4, "it would seem": 0.45, "in our view": 0.35, "it is likely": 0.35,
}  # fmt: skip
#: Boosters: expression -> strength (how much it insists).
BOOSTERS = {
    "undoubtedly": 0.9, "without a doubt": 0.9, "without any doubt": 0.9, "no doubt": 0.8,
    "there is no doubt": 0.9, "have no doubt": 0.9, "have no doubts": 0.9, "no one should doubt": 0.9,
    "no one can deny": 0.9, "nobody can deny": 0.9, "no one can doubt": 0.9, "certainly": 0.8,
    "definitely": 0.8, "clearly": 0.7, "obviously": 0.7, "of course": 0.6, "surely": 0.7, "indeed": 0.5,
    "in fact": 0.5, "absolutely": 0.8, "truly": 0.5, "make no mistake": 0.8, "let me be clear": 0.6,
    "it is clear": 0.7, "undeniably": 0.9, "unquestionably": 0.9, "beyond any doubt": 0.9,
    "beyond doubt": 0.9, "leaves no room for doubt": 0.9, "no room for doubt": 0.9, "i am sure": 0.7,
    "i am certain": 0.8, "we are certain": 0.8, "i am convinced": 0.8, "we are convinced": 0.8,
    "we are sure": 0.7, "without doubt": 0.9, "there can be no doubt": 0.9, "it is certain": 0.8,
    "it is obvious": 0.7, "it is evident": 0.7, "evidently": 0.6, "beyond question": 0.9,
    "i assure you": 0.7, "the fact is": 0.6,
    "the truth is": 0.6, "everyone knows": 0.8, "everybody knows": 0.8, "it is no secret": 0.7,
    "doubtless": 0.8, "there is no question": 0.9, "without question": 0.9,
    "by all means": 0.5, "never doubt": 0.9, "rest assured": 0.7, "for a fact": 0.8, "for certain": 0.8,
}  # fmt: skip

#: Countries whose currency shares its name with others ("pesos", "shillings", "rials"): family -> ISO
#: code -> names and adjectives. A document that names one of them more often than all the others of the
#: family together gives a bare "pesos" that country's code (``podium.anatomy.quantities.localise``).
#: "$" and "dollars" are a family too, but only of the countries that write their own dollars so: a
#: speech about Canada means Canadian dollars, one about Taiwan (NT$) still means US dollars.
COUNTRY_CURRENCIES = {
    "peso": {
        "MXN": ("Mexico", "Mexican", "Mexicans"), "COP": ("Colombia", "Colombian", "Colombians"),
        "ARS": ("Argentina", "Argentine", "Argentinian", "Argentines", "Argentinians"),
        "CLP": ("Chile", "Chilean", "Chileans"), "PHP": ("Philippines", "Filipino", "Filipinos"),
        "UYU": ("Uruguay", "Uruguayan", "Uruguayans"),
    },
    "shilling": {
        "KES": ("Kenya", "Kenyan", "Kenyans"), "UGX": ("Uganda", "Ugandan", "Ugandans"),
        "TZS": ("Tanzania", "Tanzanian", "Tanzanians"), "SOS": ("Somalia", "Somali", "Somalis"),
    },
    "rupee": {
        "INR": ("India", "Indian", "Indians"), "PKR": ("Pakistan", "Pakistani", "Pakistanis"),
        "LKR": ("Sri Lanka", "Sri Lankan", "Sri Lankans"), "NPR": ("Nepal", "Nepali", "Nepalese"),
    },
    "pound": {
        "GBP": ("United Kingdom", "Britain", "British", "UK"), "EGP": ("Egypt", "Egyptian", "Egyptians"),
        "SDG": ("Sudan", "Sudanese"), "LBP": ("Lebanon", "Lebanese"), "SYP": ("Syria", "Syrian", "Syrians"),
    },
    "dinar": {
        "IQD": ("Iraq", "Iraqi", "Iraqis"), "JOD": ("Jordan", "Jordanian", "Jordanians"),
        "KWD": ("Kuwait", "Kuwaiti", "Kuwaitis"), "DZD": ("Algeria", "Algerian", "Algerians"),
        "LYD": ("Libya", "Libyan", "Libyans"), "TND": ("Tunisia", "Tunisian", "Tunisians"),
    },
    "riyal": {
        "SAR": ("Saudi Arabia", "Saudi", "Saudis"), "YER": ("Yemen", "Yemeni", "Yemenis"),
        "QAR": ("Qatar", "Qatari", "Qataris"), "OMR": ("Oman", "Omani", "Omanis"),
        "IRR": ("Iran", "Iranian", "Iranians"),
    },
}  # fmt: skip
COUNTRY_CURRENCIES["rial"] = COUNTRY_CURRENCIES["riyal"]
COUNTRY_CURRENCIES["dirham"] = {
    "AED": ("United Arab Emirates", "UAE", "Emirati", "Emiratis", "Abu Dhabi", "Dubai"),
    "MAD": ("Morocco", "Moroccan", "Moroccans", "Kingdom of Morocco"),
}  # fmt: skip
COUNTRY_CURRENCIES["dollar"] = {
    "USD": ("United States", "America", "American", "Americans", "U.S.", "US", "USA"),
    "CAD": ("Canada", "Canadian", "Canadians"), "AUD": ("Australia", "Australian", "Australians"),
    "NZD": ("New Zealand", "New Zealanders"), "SGD": ("Singapore", "Singaporean", "Singaporeans"),
}  # fmt: skip
#: Bare currency words and symbols of each family (lowercase); their default codes are in CURRENCY_WORDS.
CURRENCY_FAMILIES = {"pesos": "peso", "peso": "peso", "shillings": "shilling", "rupees": "rupee",
                     "rupee": "rupee", "rs": "rupee", "rs.": "rupee", "pounds": "pound", "dinars": "dinar",
                     "riyals": "riyal", "rials": "rial", "dollars": "dollar", "dollar": "dollar",
                     "dirhams": "dirham", "dirham": "dirham",
                     "$": "dollar"}  # fmt: skip

#: Verbs that report words only right after a quotation and its source ("…,” Conroy continued"; "…,” the
#: bar posted on its Facebook page").
AFTER_QUOTE_CUES = frozenset(
    {"continued", "continues", "posted", "posts", "concluded", "concludes", "shouted", "chanted", "muttered",
     "wondered", "recounted", "responded", "responds", "summed"}
)  # fmt: skip
#: Participles whose "by" names the source of what the noun before them holds ("illnesses reported by
#: diplomats", "figures estimated by the ministry"); "a release tweeted by X" reports nothing yet.
REPORTED_BY = frozenset(
    {"reported", "described", "claimed", "alleged", "stated", "announced", "confirmed", "documented",
     "recorded", "estimated", "predicted", "revealed", "cited", "quoted"}
)  # fmt: skip
