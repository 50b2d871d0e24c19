"""Where the source of a reporting verb is, read off the words around it: the subject left of the cue
("the minister said"), past an aside or an appositive ("X, meanwhile, said"; "A researcher with the group,
Ana Ruiz, said"), the subject of a first coordinated verb ("X rejected the plan and said"), the name opening
a sentence for a participle (", saying ..."), and whether a quotation stands before a short source ("...,”
the group wrote on Monday"). Token ranges in, token ranges out; ``podium.anatomy.attribution_sources``
trims a range to its noun phrase, and ``podium.anatomy.attributions`` finds the cues and builds the hits.
"""

from __future__ import annotations

import re

from podium.resources.anatomy_lexicon import CUE_GAP_WORDS

#: Words that open an aside between a source and its cue ("Our critics, including the opposition, say").
_ASIDES = frozenset({"including", "among", "like", "especially", "notably", "led", "backed"})
#: Vague heads a place or group narrows ("Some in the region claim").
_VAGUE_HEADS = frozenset({"some", "many", "others", "those", "several", "few"})
_BOUNDARY = frozenset(
    """
    and but that which who whom because when if while so as then than where or nor yet although though
    since after before until unless whether once what how why
    """.split()  # noqa: SIM905
)
_RELATIVE = frozenset({"who", "that", "which"})
#: Prepositions after which a name is a place or an owner, not whom "who" refers to ("the mayor of Oakland,
#: who said"); after "by", "with" or "to" the name is the one ("protests by CRIF, which said").
_PLACE_OF = frozenset({"of", "in", "at", "from", "for", "near", "across", "throughout", "inside", "outside"})
DETERMINERS = frozenset(
    {"the", "these", "those", "some", "many", "all", "our", "their", "his", "her", "its", "a", "an", "other"}
)
_LEFT_STOP = frozenset(
    """
    by with from for to against in on at into under over been be is are was were had has have being
    despite
    """.split()  # noqa: SIM905
)
_NOT_ADVERB = frozenset({"family", "ally", "assembly", "italy", "july", "supply", "rally", "anomaly", "holy"})
#: Quantifiers floated between a subject and its cue ("They all said", "who have both said").
_FLOATING = frozenset({"all", "both", "each"})
#: An honorific set off by commas between a source and its cue ("The Messenger of God, peace be upon him,
#: said"): it stays inside the span but not in the source.
_HONORIFICS = (
    ("peace", "be", "upon", "him"),
    ("peace", "and", "blessings", "be", "upon", "him"),
    ("peace", "be", "upon", "them"),
    ("peace", "be", "upon", "her"),
    ("pbuh",),
    ("may", "peace", "be", "upon", "him"),
    ("upon", "whom", "be", "peace"),
    ("may", "god", "be", "pleased", "with", "him"),
    ("may", "god", "bless", "him", "and", "grant", "him", "peace"),
)
PREPOSITIONS = frozenset({"of", "for", "with", "in", "on", "at", "by", "to", "from", "into", "under", "over"})
#: Prepositions a source may contain after its head noun ("the senator from Bahia", "leaders in Qandil").
_POSTMODIFIER = frozenset({"from", "in", "of", "at", "for"})
#: A count of time or times before the subject is no part of it ("For 45 years the enemies ... said").
_TIME_DEICTIC = frozenset({"last", "this", "next", "earlier", "later"})
_PERIODS = frozenset(
    {"week", "month", "year", "night", "spring", "summer", "autumn", "winter", "morning", "evening", "time"}
)
_TIME_LEAD = frozenset({"years", "months", "weeks", "days", "decades", "centuries", "times"})
_LEAD = frozenset(
    """
    even also only just now then yes indeed so however today yesterday still again well thus therefore
    moreover
    """.split()  # noqa: SIM905
)
_PUNCT_OK = frozenset({"’", "'", "-"})
#: Verbs that put a cue after "to" ("tried to claim", "seemed to say"): the subject is theirs.
_TRY = frozenset(
    {"tried", "tries", "try", "seemed", "seems", "seem", "appeared", "appears", "went", "goes", "sought",
     "wanted", "wants", "attempted", "attempts", "continued", "continues", "rushed", "hastened"}
)  # fmt: skip
#: Words that open a sentence before its subject ("But Orbán remains ..., claiming").
_OPENERS = frozenset({"but", "and", "so", "yet", "meanwhile", "however", "still", "now", "then", "also"})
QUOTES = '“”"‘’«»'


def source_left(tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """Token range [a, b) of the subject left of token ``i`` (the cue), or None."""
    j = i - 1
    while j >= 0:
        while j >= 0 and (
            tokens[j].group().lower() in CUE_GAP_WORDS
            or tokens[j].group().endswith("ly")
            or (tokens[j].group().lower() in _FLOATING and j > 0 and tokens[j - 1].group()[0].isalnum())
        ):
            j -= 1
        if j > 1 and tokens[j].group() in _WEEKDAYS and tokens[j - 1].group().lower() == "on":
            j -= 2  # "The chief on Wednesday said": a time adjunct between the source and the cue
            continue
        if (
            j > 2
            and tokens[j].group().lower() in _DAY_PARTS
            and tokens[j - 1].group() in _WEEKDAYS
            and tokens[j - 2].group().lower() == "on"
        ):
            j -= 3  # "who on Saturday night released"
            continue
        if (
            j > 0
            and tokens[j].group().lower() in _PERCEIVED
            and tokens[j - 1].group().lower() in _BE
            and tokens[i].group().lower().endswith("ing")
        ):
            j -= 2  # "the man is heard saying", "was filmed telling": the one heard is the source
            continue
        if j > 0 and tokens[j].group().lower() == "to" and tokens[j - 1].group().lower() in _TRY:
            j -= 2  # "originally tried to claim", "seemed to say": the subject of "tried" is the source
            continue
        break
    if j > 0 and tokens[j].group() in (",", ")"):
        k = j - 1  # ", may God have mercy on him,", ", may God assist him,": a blessing set off by commas
        while k > 0 and tokens[k].group() not in (",", "(") and j - k <= 9:
            k -= 1
        if (
            k > 0
            and tokens[k].group() == ","
            and [t.group().lower() for t in tokens[k + 1 : k + 3]] in (["may", "god"], ["may", "allah"])
            and tokens[j - 1].group().lower() in ("him", "her", "them")
        ):
            j = k - 1
    if j > 0 and tokens[j].group() in (",", ")"):
        for words in _HONORIFICS:
            k = j - len(words)
            if (
                k > 0
                and tokens[k - 1].group() in (",", "(")
                and (tuple(t.group().lower() for t in tokens[k:j]) == words)
            ):
                j = k - 2  # skip ", peace be upon him,"
                break
    if j > 2 and tokens[j].group() == ")":  # "Rep. Ann Doe (R-Ohio) told": a tag set off in brackets
        k = j - 1
        while k > 0 and tokens[k].group() not in ("(", ")", ",", "“", "”", '"') and j - k <= 6:
            k -= 1
        if tokens[k].group() == "(" and k > 0 and tokens[k - 1].group()[0].isalnum():
            j = k - 1
        elif tokens[k].group() == "(" and k > 1 and tokens[k - 1].group() == ",":
            j = k - 2
    if j >= 0 and tokens[j].group() == "," and j > 0 and tokens[j + 1].group().lower() in CUE_GAP_WORDS:
        j -= 1
    finite = not tokens[i].group().lower().endswith("ing")  # ", saying ...": a participle takes another way
    if (
        finite and j > 2 and tokens[j].group() == ","
    ):  # "Robinson, meanwhile, said"; "X, in a statement, said"
        for k in range(j - 1, max(0, j - 8), -1):
            if tokens[k].group() == ",":
                aside = [t.group() for t in tokens[k + 1 : j]]
                plain = all((w.islower() and w.isalpha()) or w in _WEEKDAYS for w in aside)
                if aside and plain and aside[0] in _ASIDE_OPENERS and tokens[k - 1].group()[0].isalnum():
                    j = k - 1
                break
    if finite and j > 2 and tokens[j].group() == ",":  # "A researcher with the group, Ana Ruiz, said"
        k = _appositive_start(tokens, j)
        if k is not None and all(
            t.group()[0].isupper() or t.group() in (".", "-", "and") for t in tokens[k + 1 : j]
        ):
            return (k + 1, j)  # the appositive is the speaker's name
        if k is not None:
            j = k - 1
    if j > 2 and tokens[j].group() == ",":  # "Our critics, including the opposition leader, say"
        for k in range(j - 2, max(0, j - 10), -1):
            if tokens[k].group() == "," and tokens[k + 1].group().lower() in _ASIDES:
                j = k - 1
                break
    b = j + 1
    while j >= 0:
        word = tokens[j].group()
        low = word.lower()
        is_punct = not (word[0].isalnum() or word in _PUNCT_OK)
        if low == "and" and b == j + 1 and j > 0 and tokens[j - 1].group().endswith("ed"):
            j -= 2  # "the enemy realized and acknowledged"
            b = j + 1
            continue
        adverb = low.endswith("ly") and low not in _NOT_ADVERB and not word[0].isupper()  # "The Daily Mail"
        if _statement_by(tokens, j, b):
            j -= 1  # "A joint statement from five campus groups says": the statement is the source
            continue
        if low in _POSTMODIFIER and _head_before(tokens, j) and 0 < b - j - 1 <= 3:
            j -= 1  # "the senator from Bahia": the preposition's object belongs to the source
            continue
        if (
            low in _POSTMODIFIER
            and j > 0
            and tokens[j - 1].group().lower() in _VAGUE_HEADS
            and 0 < b - j - 1 <= 3
        ):
            j -= 1  # "Some in the region claim"
            continue
        if (
            low == "and"
            and 0 < j < b - 1
            and tokens[j - 1].group()[0].isupper()
            and tokens[j + 1].group()[0].isupper()
        ):
            j -= 1  # "Kristine Phillips and Deanna Paul wrote", "Iran and Russia said": names joined
            continue
        acronym = word.isupper() and len(word) > 1  # "the WHO said": a name, not "who"
        if is_punct or (low in _BOUNDARY and not acronym) or low in _LEFT_STOP or adverb:
            if low in _RELATIVE and b == j + 1 and j > 0:
                b = j  # "those who say": the source is the noun before the relative pronoun
                if (
                    low in ("who", "which")
                    and tokens[j - 1].group() == ","
                    and j > 1
                    and tokens[j - 2].group()[0].isupper()
                ):
                    k = (
                        j - 2
                    )  # "... met Cruz, who said", "protests by CRIF, which said": the name before the comma
                    while k > 0 and tokens[k - 1].group()[0].isupper() and j - k < 6:
                        k -= 1
                    if k == 0 or tokens[k - 1].group().lower() not in _PLACE_OF:  # not "mayor of Oakland"
                        return (k, j - 1)
                    return None
                a = j - 1
                while a > 0 and a > j - 4 and tokens[a - 1].group().lower() in DETERMINERS:
                    a -= 1
                named = _named_before(tokens, a)  # "Hunter Richard, the teen who says": the name
                if named is not None:
                    return named
                return (a, b) if tokens[a].group()[0].isalnum() else None
            if (
                low in ("who", "which")
                and b > j + 1
                and j > 0
                and tokens[j - 1].group()[0].isalnum()
                and tokens[j - 1].group().lower() not in _BOUNDARY | _LEFT_STOP
                and tokens[i].group()[0].islower()
            ):
                return source_left(tokens, j)  # "A teenager who backs the mayor says": the noun before "who"
            break
        if b - j > 8:
            return None
        j -= 1
    a = j + 1
    while a < b and tokens[a].group().lower() in _LEAD:
        a += 1
    if (
        a > 0
        and tokens[a - 1].group().lower() in _OPENING_PREPOSITIONS
        and (a == 1 or not tokens[a - 2].group()[0].isalnum())
    ):
        for k in range(
            a + 1, b - 1
        ):  # "On Monday the minister said": the source starts after the opening phrase
            if tokens[k].group().lower() in ("the", "a", "an") and tokens[k - 1].group().lower() != "of":
                a = k
                break
    if b - a > 2 and tokens[a].group().lower() in _TIME_DEICTIC and tokens[a + 1].group().lower() in _PERIODS:
        a += 2  # "Last week the minister said"
    for k in range(a, min(a + 3, b - 1)):  # "three times the American people said"
        if tokens[k].group().lower() in _TIME_LEAD and (tokens[k - 1].group()[0].isdigit() or k > a):
            a = k + 1
            break
    return (a, b) if a < b else None


#: Past forms that do not end in "-ed" but often head the first of two coordinated verb phrases.
_IRREGULAR_PAST = frozenset(
    """
    said told met made took gave sent spent held led left won lost wrote spoke broke stood rejected
    sought brought fought thought felt kept set put cut hit ran came went saw began chose
    """.split()  # noqa: SIM905
)
#: How a short aside between a source and its cue begins ("Iran, however, says", "The ministry, in a
#: statement, said", "Ruiz, speaking to reporters, said"); a participle clause ("signed in 1920") is no aside.
_ASIDE_OPENERS = frozenset(
    """
    meanwhile however though too instead also moreover furthermore nevertheless meantime in on for at
    during through via speaking writing
    """.split()  # noqa: SIM905
)
#: Verbs of perceiving in a passive before a participle cue ("is heard saying", "was filmed telling").
_PERCEIVED = frozenset({"heard", "seen", "filmed", "recorded", "caught", "shown", "overheard", "quoted"})
_BE = frozenset({"is", "was", "are", "were", "be", "been", "being"})
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
#: Prepositions that open a sentence with a phrase of time or place before its subject ("On Monday the ...").
_OPENING_PREPOSITIONS = frozenset({"on", "in", "at", "during", "after", "before", "since", "throughout"})


def source_after_quotation(tokens: list[re.Match[str]], i: int) -> bool:
    """Whether the cue at ``i`` follows a quotation and a short source ("…,” the group wrote on Monday"):
    the quoted words are what the cue attributes, whatever follows the cue."""
    k = i - 1
    while k >= 0 and i - k <= 8 and (tokens[k].group()[0].isalnum() or tokens[k].group() in _PUNCT_OK):
        joined = tokens[k].group() == "and" and tokens[k - 1].group()[0].isupper()  # "Ana Ruiz and Tom Hale"
        if tokens[k].group().lower() in _BOUNDARY and not joined:
            return False  # "… ask “how high” when they say": a clause of its own, not a source
        k -= 1
    if k == i - 1 or k < 0:
        return False
    if tokens[k].group() == "," and k > 0:
        k -= 1
    quote = tokens[k]
    closing = quote.start() > 0 and not quote.string[quote.start() - 1].isspace()  # attached to the words
    return quote.group() in ("”", '"', "’", "'") and k > 0 and closing


def _appositive_start(tokens: list[re.Match[str]], j: int) -> int | None:
    """The comma opening an appositive that the comma at ``j`` closes, right before a cue ("Ana Ruiz,
    chairman of the board, said"; "A researcher with the group, Ana Ruiz, said"), or None: at most ten
    words, no quotation, and neither a clause ("who had called for ...") nor a participle phrase."""
    for k in range(j - 1, max(0, j - 16), -1):
        word = tokens[k].group()
        if word == ",":
            inside = [t.group() for t in tokens[k + 1 : j]]
            first = inside[0].lower() if inside else ""
            relative = next((n for n, w in enumerate(inside) if w.lower() in ("who", "which")), None)
            if relative is not None and first in ("the", "a", "an") and relative > 1:
                inside = inside[:relative]  # ", the 16-year-old who says he was there,": the relative clause
                # belongs to the appositive's noun
            if first in ("who", "which", "whose") and 1 < len(inside) <= 15:
                return k if k > 0 and tokens[k - 1].group()[0].isalnum() else None  # ", whose results ...,"
            if not inside or first in _BOUNDARY or first.endswith(("ing", "ed")) or first in CUE_GAP_WORDS:
                return None
            if any(w.isdigit() for w in inside):
                return None  # "Surah Al-Hujurat, verse 10, teaches": a numbered part of the source's name
            if len(inside) > 14 or any(w.islower() and w.endswith(("ed", "ing")) for w in inside):
                return None  # "Trump continued pounding Sessions in other tweets, saying": a clause
            return k if k > 0 and tokens[k - 1].group()[0].isalnum() else None
        if word in QUOTES or word in (";", ":", "(", ")"):
            return None
        opening = word.lower() in ("who", "which", "whose") and tokens[k - 1].group() == ","
        if (
            word.lower() in _BOUNDARY
            and word != "and"
            and not opening
            and not _relative_in_appositive(tokens, k)
        ):
            return None
    return None


def _named_before(tokens: list[re.Match[str]], a: int) -> tuple[int, int] | None:
    """The capitalised name before ", the/a ..." that starts at ``a`` ("Hunter Richard, the 16-year-old
    teen who ..."), or None."""
    while (
        a > 2
        and a > 0
        and tokens[a].group().lower() not in ("the", "a", "an")
        and tokens[a - 1].group()[0].isalnum()
    ):
        a -= 1  # back over the appositive's adjectives to its article
    if a < 2 or tokens[a - 1].group() != "," or tokens[a].group().lower() not in ("the", "a", "an"):
        return None
    k = a - 2
    while k >= 0 and tokens[k].group()[0].isupper() and tokens[k].group().isalpha() and a - 2 - k < 4:
        k -= 1
    if k == a - 2 or (k >= 0 and tokens[k].group()[0].isalnum()):
        return None  # no name, or the name is part of a longer phrase ("the mayor of Oakland, a ...")
    return (k + 1, a - 1)


def _relative_in_appositive(tokens: list[re.Match[str]], k: int) -> bool:
    """Whether "who"/"which" at ``k`` follows a noun led by an article after a comma (", the nurse who")."""
    if tokens[k].group().lower() not in ("who", "which"):
        return False
    for m in range(k - 1, max(0, k - 6), -1):
        if tokens[m].group() == ",":
            return m + 1 < k - 1 and tokens[m + 1].group().lower() in ("the", "a", "an")
        if not tokens[m].group()[0].isalnum():
            return False
    return False


def coordinated_subject(tokens: list[re.Match[str]], j: int) -> tuple[int, int] | None:
    """The subject of the first verb of a sentence whose second coordinated verb is the cue after "and"
    at ``j`` ("Robinson, meanwhile, criticised the decision and said ..."): the first past-tense verb
    that follows its subject directly, not one in a clause opened by "after", "when" and the like, with
    no quotation, colon or semicolon between it and the cue."""
    first = None
    for k in range(j - 1, 0, -1):
        word = tokens[k].group()
        if word in (";", ":", *QUOTES):
            break
        if word.islower() and word.isalpha() and (word.endswith("ed") or word in _IRREGULAR_PAST):
            first = k
    if first is None:
        return None
    opener = [t.group().lower() for t in tokens[:first]]
    if any(w in _BOUNDARY and w not in ("and", "that") for w in opener):
        return None  # "After the talks ended, ...": the first verb is in a clause of its own
    found = source_left(tokens, first)
    if found is None:
        return None
    lead = [t.group().lower() for t in tokens[: found[0]]]
    opening = not lead or lead[-1] == "," or all(w in _OPENERS or w in _LEAD for w in lead)
    return found if opening else None  # the subject opens the sentence or follows an opening phrase


#: Nouns for a written statement whose "from"/"by" names its authors ("a statement by three groups said").
_STATEMENT_NOUNS = frozenset({"statement", "letter", "report", "study", "communique", "declaration", "memo"})


def _statement_by(tokens: list[re.Match[str]], j: int, b: int) -> bool:
    """Whether ``j`` is "from" or "by" after a statement noun, with up to six words of authors before the
    cue ("A joint statement from five campus Jewish groups says")."""
    if j < 1 or tokens[j].group().lower() not in ("from", "by") or not 0 < b - j - 1 <= 6:
        return False
    k = j - 1
    while k > 0 and tokens[k].group()[0].isupper() and tokens[k].group().lower() not in _STATEMENT_NOUNS:
        k -= 1  # "A statement Wednesday by ...": a weekday between
    return tokens[k].group().lower() in _STATEMENT_NOUNS and all(
        t.group()[0].isalnum() or t.group() in (",", "’", "'") for t in tokens[j + 1 : b]
    )


def _head_before(tokens: list[re.Match[str]], j: int) -> bool:
    """A noun right before the preposition at ``j``, itself led by a determiner or a possessive, or a plural
    opening the sentence ("Officials at the hospital say")."""
    if j == 1 and tokens[0].group()[0].isupper() and tokens[0].group().lower().endswith("s"):
        return tokens[0].group().lower() not in _BOUNDARY and tokens[0].group().isalpha()
    if j < 2:
        return False
    word, low = tokens[j - 1].group(), tokens[j - 1].group().lower()
    if not word.isalpha() or low in _BOUNDARY or low in _LEFT_STOP or low in CUE_GAP_WORDS:
        return False
    if low.endswith(("ed", "ing", "ly")) or low in DETERMINERS:
        return False
    lead = [t.group().lower() for t in tokens[max(0, j - 4) : j - 1]]
    return any(w in DETERMINERS or w.endswith(("'s", "’s")) for w in lead)


def opening_subject(tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """Token range of the sentence's opening name or pronoun when it is the subject of its main verb
    ("Soros, for his part, compared ...", "But Orbán remains ...", "Senator Jo Bell (D-Ohio) sent ..."),
    else None."""
    a = 0
    while a < i and (tokens[a].group().lower() in _OPENERS or tokens[a].group() in (",", *QUOTES)):
        a += 1
    if a >= i:
        return None
    if tokens[a].group().lower() in ("they", "he", "she"):
        return a, a + 1
    b = a
    while b < i and (tokens[b].group()[0].isupper() or tokens[b].group() in ("’s", "'s")) and b - a < 7:
        b += 1
    if b == a or tokens[a].group().lower() in PREPOSITIONS or tokens[a].group().lower() in _BOUNDARY:
        return None
    if tokens[a].group().lower() in ("the", "a", "an", "it", "this", "there", "we", "i", "you", "our"):
        return None
    nxt = tokens[b].group() if b < i else ""
    if nxt not in (",", "(") and not (nxt[:1].islower() and nxt.lower() not in _BOUNDARY):
        return None
    return a, b
