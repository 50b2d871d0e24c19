"""Regular expressions for time expressions in English speeches, one per form, with named groups.

Only patterns live here; ``podium.anatomy.times`` turns matches into normalised values. Month names must be
capitalised ("may" and "march" are verbs); "May" also needs a date word next to it.
"""

from __future__ import annotations

import re

MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December|Sept\\.|Sep\\."
    "|Jan\\.|Feb\\.|Aug\\.|Oct\\.|Nov\\.|Dec\\."
)
#: Months of the Iranian and Islamic calendars: a day in them is kept as an unresolved date.
OTHER_MONTHS = (
    "Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand|Muharram|Safar|"
    "Rabi al-Awwal|Rabi al-Thani|Jumada al-Awwal|Jumada al-Thani|Rajab|Sha['’]ban|Ramadan|Shawwal|"
    "Dhu al-Qa['’]dah|Dhu al-Hijjah"
)
WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
UNIT = "day|week|month|year|decade|centur(?:y|ie)|hour|minute"
#: Adjectives that may stand between a count and its unit ("three straight years").
_UNIT_ADJ = r"(?:(?:straight|consecutive|successive|full|long|whole|entire)\s+)?"
_DAY_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first"
)
#: Day ordinals in words ("the fifth of November") -> day of the month.
DAY_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        (
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        )
    )
}
DAY_ORDINALS.update({f"twenty-{w}": 20 + DAY_ORDINALS[w] for w in list(DAY_ORDINALS)[:9]})
DAY_ORDINALS.update(thirtieth=30, **{"thirty-first": 31})
#: A year named relative to the document date after a day or month ("1 July next year", "May of last year").
_YREL = r"|,?\s+(?:of\s+)?(?P<yrel>[Ll]ast|[Nn]ext|[Tt]his)\s+year\b"
_NUMWORD = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?|(?:an?\s+(?=hundred|thousand))?"
    rf"(?:{_NUMWORD})(?:[- ](?:{_NUMWORD}))*(?:\s+(?:and\s+)?(?:{_NUMWORD}))*"
    r"|a\s+couple\s+of|a\s+few|several|many|few|some|an?)"
)
_HALF = r"(?:\s+and\s+a\s+half)?"
_EXTRA = rf"(?:\s+and\s+(?:a\s+half|(?:some|a\s+few|several|{NUM})\s+(?:{UNIT})s?))?"
_APPROX = (
    r"(?:(?P<approx>more\s+than|over|about|nearly|almost|around|some|at\s+least|roughly|less\s+than|"
    r"under|just\s+under|just\s+over|barely|approximately|close\s+to|up\s+to)\s+)?"
)
EVENT_WORDS = (
    "war|wars|revolution|invasion|occupation|ceasefire|truce|elections?|pandemic|crisis|siege|genocide|"
    "coup|uprising|intifada|attacks?|massacre|referendum|blockade|independence|partition|liberation|"
    "nakba|holocaust|conflict|fighting|bombing|bombardment|offensive|operation|sanctions|deal|"
    "agreement|accords?|summit|collapse|fall|withdrawal|annexation|occupation|regime|dictatorship|"
    "storming|massacres|disaster|earthquake|floods?|famine|reforms?|transition|lockdown|aggression|assault|"
    "incursion|raids?|shutdown|return|victory|arrival|departure"
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b")),
    (
        "dmy",
        re.compile(
            rf"(?:\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?|\b(?P<dw>{_DAY_WORDS})\s+of\s+)(?P<m>{MONTH})"
            rf"(?:,?\s+(?P<y>\d{{4}}){_YREL})?\b"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b{_YREL})?"
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-)\s*)?"
            rf"\b(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>\d{{4}}){_YREL})?(?![\w-])"
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+of\s+(?P<y>\d{4})\b", re.IGNORECASE
        ),
    ),
    (
        "fiscal",
        re.compile(r"(?<![\d,.$€£-])\b(?P<y>(?:19|20)\d{2})[-–/](?P<y2>(?:19|20)\d{2}|\d{2})\b(?![-–/]\d)"),
    ),
    (
        "dayrange",
        re.compile(
            rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*(?P<d2>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per\s+cent|[a-z]))(?:,?\s+(?P<y>\d{{4}})\b)?"
            rf"|\b(?P<d_>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*(?P<d2_>\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?(?P<m_>{MONTH})(?:,?\s+(?P<y_>\d{{4}}))?\b"
        ),
    ),
    (
        "part",
        re.compile(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+(?P<part>half|quarter)\s+of\s+"
            r"(?:(?P<rel>this|last|next|the)\s+year|(?P<y>\d{4}))\b"
            r"|\b(?P<q>Q[1-4]|H[12])\s+(?P<y2>\d{4})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "season2",
        re.compile(r"\b(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\s+(?P<y>(?:19|20)\d{2})\b"),
    ),
    ("calendar", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{OTHER_MONTHS})\b")),
    ("decade", re.compile(r"(?:\b(?P<mod>[Ee]arly|[Ll]ate|[Mm]id-)\s*)?\b(?P<dec>1[0-9]\d0|20\d0)s\b")),
    (
        "century",
        re.compile(
            r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b|\b(?P<w>twenty-first|twentieth|nineteenth|"
            r"eighteenth)\s+century\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(
            r"(?:\b(?P<mod>[Ee]arly|[Ll]ate|[Mm]id-)\s*|(?<![\d,.$€£-]))\b(?P<y>1[0-9]\d{2}|20\d{2})\b"
            r"(?![,.]\d|\s*(?:%|percent|per\s+cent|-))"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?:(?P<mod>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?P<rel>today|tonight|yesterday|tomorrow|"
            r"day\s+before\s+yesterday|day\s+after\s+tomorrow|(?:[Tt]his|[Ll]ast|[Nn]ext)\s+"
            # a named year is still the calendar year: "this Jubilee year", "this election year"
            r"(?:(?!(?:financial|fiscal|budget|academic|school|tax|past|coming|same|very|whole|entire|one|"
            r"light|calendar)\b)[a-z]+\s+(?=year\b))?(?P<u>morning|afternoon|evening|"
            r"night|week|month|year|decade|century|summer|winter|spring|autumn|fall))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "fiscal_rel",
        re.compile(
            r"\b(?:[Tt]his|[Ll]ast|[Nn]ext|(?<=the\s)(?:current|coming|previous))\s+(?:financial|fiscal|budget)"
            r"\s+year\b"
        ),
    ),
    (
        "edge",
        re.compile(
            r"\b(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+(?:(?P<rel>this|last|next|the)\s+"
            r"(?P<u>year|month|week|decade|century)|(?P<y>\d{4}))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<wd>{WEEKDAY})\b"
            r"(?:\s+(?:night|morning|afternoon|evening)\b)?"
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b{_APPROX}(?P<num>{NUM}){_HALF}\s+(?P<unit>{UNIT})s?{_EXTRA}(?:\s+or\s+so)?\s+(?P<dir>ago|later|earlier|from\s+now|hence|before)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "past",
        re.compile(
            rf"\b[Tt]he\s+(?P<rel>past|last|previous|next|coming|following)\s+(?:(?P<num>{NUM}){_HALF}\s+)?"
            rf"{_UNIT_ADJ}(?P<unit>{UNIT})s?{_EXTRA}(?:\s+or\s+so)?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "span",
        re.compile(
            rf"(?:\b(?P<prep>for|within)\s+|\b(?<![-\w])){_APPROX}(?P<num>{NUM}){_HALF}\s+{_UNIT_ADJ}(?P<unit>{UNIT})s?"
            rf"{_EXTRA}(?:\s+or\s+so)?\b(?!-)",
            re.IGNORECASE,
        ),
    ),
    (
        "vague",
        re.compile(
            r"\b(?:(?P<prep>for)\s+(?:many\s+|several\s+|long\s+)?(?P<unit>year|decade|centurie|month|week)s"
            r"|(?P<recent>recent|the\s+coming)\s+(?P<unit2>day|week|month|year|decade)s)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "event",
        re.compile(
            r"\b(?P<prep>during|since|after|before|until|throughout|in\s+the\s+(?:aftermath|wake)\s+of|"
            r"at\s+the\s+(?:start|end|height|outbreak)\s+of|on\s+the\s+eve\s+of)\s+(?:the\s+)?"
            r"(?:(?:end|start|beginning|outbreak|height)\s+of\s+(?:the\s+)?)?"
            rf"(?:[\w’'-]+\s+){{0,2}}?(?:{EVENT_WORDS})\b"
            # what fell or ended, up to a comma or a place: "since the fall of the regime in Damascus,"
            r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,2}[\w’'-]+(?:\s+in\s+[A-Z][\w’'-]+)?(?=[,;:.!?]|\s*$))?"
            r"(?:\s+(?:began|started|ended|broke\s+out))?",
            re.IGNORECASE,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?:the\s+next\s+(?:morning|day|evening|night)|the\s+following\s+(?:day|morning|week|"
            r"month|year)|that\s+(?:day|night|morning|week)|the\s+same\s+day|the\s+day\s+(?:before|after)"
            r"|at\s+that\s+time|at\s+the\s+time)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "event_clause",
        re.compile(
            r"\b[Ss]ince\s+(?:I|we|they|he|she|you|this\s+government)\s+(?:came|took|won|returned|became|"
            r"began|started|left|signed|entered|arrived|formed|assumed)\b(?:\s+[\w’'-]+){0,3}?"
            r"(?=\s*[,.;:!?]|\s*$)"
        ),
    ),
    (
        "clock",
        re.compile(
            r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?(?:\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?:\s+o['’]clock)?\s+"
            r"(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)))"
        ),
    ),
]

SINCE_BEFORE = re.compile(r"\b(?:[Ss]ince|[Ee]ver\s+since)\s+$")
FROM_TO = re.compile(r"^\s*(?:to|until|till|through|and|-|–)\s*$")
FROM_BEFORE = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+$")
#: Words right before a bare year or "May" that make it a date.
DATE_SIGNAL = re.compile(
    r"\b(?:in|since|until|till|by|before|after|from|during|of|year|early|late|mid|through|and|to|"
    r"between|or|last|next|this|on)\s+$",
    re.IGNORECASE,
)
#: Future and past markers that decide which year a month or day without one falls in.
FUTURE = re.compile(
    r"\b(?:will|shall|going\s+to|next|upcoming|coming|scheduled|plan(?:s|ned)?\s+to|'ll)\b", re.I
)
PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|[a-z]{3,}ed|fell|rose|came|took|went|said|told|made|gave|began|became|"
    r"left|lost|won|saw|met|fought|brought|sent|spent|built|held|paid|struck|shot|stood|thought|knew|got|"
    r"grew|wrote|drove|ran|sold|bought|fled|led|kept|broke|chose|felt|found|heard|fought|sank|swore)\b",
    re.IGNORECASE,
)
#: Nouns after a bare year that make it a reference date ("compared with 2013 levels").
YEAR_NOUN_AFTER = re.compile(r"^\s+(?:levels?|figures|prices|baseline)\b")
#: A deadline ("by March") or an order ("On Sunday, go to the polls") points to the future.
BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+|mid-)?$", re.IGNORECASE)
IMPERATIVE = re.compile(
    r"(?:^|[,;:]\s+)(?:go|vote|come|join|bring|stand|march|turn\s+out|do\s+not|don['’]t)\s", re.IGNORECASE
)
PLURAL_AFTER = re.compile(r"^\s+(?:[a-z]+[^s\W]s|people|children|men|women|troops)\b")
#: Verbs in "-s" after a year that is the subject ("the budget for 2026 provides"): not plural nouns.
VERB_AFTER = re.compile(
    r"^\s+(?:provides|shows|marks|means|remains|sees|brings|requires|includes|offers|makes|takes|gives|"
    r"looks|promises|begins|ends|starts|proves|foresees|envisages|allocates|sets|plans|expects)\b"
)
