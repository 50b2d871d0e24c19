"""Attributions in a sentence: who (source) is said to have said or shown what (content), by which cue.

Three grammars, all over the sentence text: phrasal cues before the source ("according to reports",
"in the words of the minister"); speech and evidence verbs with their subject ("Mr. Brenn openly admitted
that ...", "those who say ...", "militiamen who told the residents ...", "“...,” said the minister"); and
evidence claims that name no checkable source ("we have evidence", "everyone knows", "no one can deny"),
labelled ``unsourced``. The span is the source plus the cue; ``content_span`` is the attributed content;
``nested_in`` (when present) is the ``source_span`` of the report this one is quoted in.
``sourced`` is False for unsourced evidence and vague sources ("reports", "experts", "they").
The speaker's own assertions ("I tell you", "let me say", "I'll now say why") are not attributions, nor are
denials and refusals ("we didn't agree with that"); a source is a noun phrase, never an auxiliary, a
contraction or a verb (``podium.anatomy.attribution_sources``). It does not resolve pronouns ("he said") to
names; the attribution analyser does that when the actor layer ran (``podium.actors.coref``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from podium.actors.quotes import inside, quote_ranges
from podium.anatomy.attribution_filters import PASSIVE_AUX, no_report
from podium.anatomy.attribution_sources import PRONOUN_S, SPEAKER, negated, noun_phrase, two_sources
from podium.anatomy.attribution_subjects import (
    DETERMINERS,
    PREPOSITIONS,
    QUOTES,
    coordinated_subject,
    opening_subject,
    source_after_quotation,
    source_left,
)
from podium.resources.anatomy_lexicon import (
    AFTER_QUOTE_CUES,
    CUE_GAP_WORDS,
    EVIDENCE_NOUNS,
    EXPECT_CUES,
    REPORTED_BY,
    SOURCE_AFTER_CUES,
    SPEECH_CUES,
    THAT_CUES,
    UNSOURCED_EVIDENCE,
    UNSOURCED_PATTERNS,
    VAGUE_SOURCES,
)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Col|Lt|St)\.|[\w’'-]+|[^\w\s]")
_STRONG = frozenset(
    """
    say says said saying tell tells told telling stated admit admits admitted admitting acknowledge
    acknowledges acknowledged warn warns warned warning claim claims claimed claiming announce announces
    announced declare declares declared insist insists insisted insisting confess confessed confesses
    testify testified testifies allege alleges alleged boast reported boasted boasts confirmed confirms
    revealed reveals corroborate corroborates corroborated
    """.split()  # noqa: SIM905
)
_TELL = frozenset(
    {"tell", "tells", "told", "telling", "remind", "reminds", "reminded", "assure", "assures", "assured",
     "command", "commands", "commanded"}
)  # fmt: skip
#: Record-keeping verbs that attribute a count without "that" ("rights groups have documented 400 cases").
_COUNTED = frozenset({"documented", "recorded", "counted", "registered", "verified"})
_COUNT_SOON = re.compile(
    r"^\s+(?:(?:more\s+than|fewer\s+than|over|at\s+least|nearly|almost|about|some|around)\s+)?\d"
)
#: Speculation about what a source would say ("Perhaps the executive will argue") attributes nothing.
_SPECULATION = frozenset({"perhaps", "maybe"})
_OBJECTS = frozenset({"me", "us", "him", "her", "them", "you", "reporters", "journalists", "parliament"})
#: Cues that attribute only with "that" right after them ("recorded in Al-Muwatta that"), never at the end
#: of a sentence ("the highest figure ever recorded").
_THAT_ONLY = frozenset(
    {"record", "records", "recorded", "hold", "holds", "held", "narrate", "narrates", "narrated"}
)
#: What "according to" can be followed by without naming a source.
_NOT_SOURCES = frozenset(
    {"inflation", "need", "needs", "plan", "the plan", "schedule", "the schedule", "merit", "demand",
     "income", "age", "size", "priority", "their needs", "their income", "the rules", "rules"}
)  # fmt: skip
#: A possessive and a number before a cue that can be a plural noun: it is one ("your 100 promises").
_NOUN_CUES = frozenset({"promises", "claims", "pledges", "vows", "reports", "notes", "warnings", "threats"})
_COUNTED_THINGS = re.compile(r"(?:your|my|our|their|his|her|its)\s+\d", re.IGNORECASE)
_BAD_OBJECT = re.compile(
    r"^\s+(?:the\s+lives|lives|responsibility|victory|credit|the\s+life)\b", re.IGNORECASE
)
_SPOKE = frozenset({"spoke", "speaks"})
#: Verbs that make a report of a noun such as "warning" ("the embassy issued a health warning that").
_ISSUED = frozenset(
    {
        "issued",
        "issues",
        "issue",
        "released",
        "releases",
        "sent",
        "sends",
        "posted",
        "gave",
        "gives",
        "published",
    }
)
#: What "agree" takes when it means consent, not a report ("agree with that", "agreed to the plan").
_AGREE = frozenset({"agree", "agrees", "agreed"})
#: "that" a few words after an evidence verb ("ruled in July that ...").
_THAT_SOON = re.compile(
    r"^(?:\s+(?!(?:the|a|an|these|those|its|their|his|her|all|some)\b)[\w’'-]+){0,3}?\s+that\b", re.IGNORECASE
)
#: "that" after a time or place adjunct ("promised last September that", "wrote in Nahj al-Balaghah,
#: letter 53, that"): the adjunct opens with a preposition or a deictic word and holds no verb-like word.
#: A quotation or a colon after a short adjunct ("wrote in Arabic, “...”", "wrote at the outset of the
#: message:"): what the adjunct leads to is the quoted words.
_QUOTE_AFTER_ADJUNCT = re.compile(
    r"\s+(?:in|on|at|to|about|from|after|before|during|for|of)\b(?:\s+[\w’'.-]+){1,7}?\s*"
    r"(?::\s*$|:\s*[“\"‘]|,\s*[“\"‘])",
    re.IGNORECASE,
)
_THAT_AFTER_ADJUNCT = re.compile(
    r"^\s+(?:in|on|at|during|last|this|earlier|on|to|before|after|yesterday|today|recently|once|twice|"
    r"publicly|openly|repeatedly)\b(?:[\s,]+(?!(?:that|which|who|and|but|is|are|was|were|will)\b)[\w’':-]+){0,9}"
    r",?\s+that\b",
    re.IGNORECASE,
)
#: An object and "to" after an expectation verb ("expects it to reach").
_TO_SOON = re.compile(r"^\s+(?!that\b)[\w’'-]+(?:\s+[\w’'-]+)?\s+to\s+[a-z]", re.IGNORECASE)
#: Evidence verbs that attribute after an evidence noun without "that" ("the data show ...").
_SHOW = frozenset({"show", "shows", "showed", "shown", "confirm", "confirms", "confirmed", "prove", "proves"})
#: Words before a cue-like word that make it a noun ("the Commission's own forecast", "193 member states").
_NOUN_BEFORE = frozenset({"own", "our", "their", "its", "his", "her", "my", "your", "this", "member"})
_YEAR = re.compile(r"1\d{3}|20\d{2}")
#: Past speech verbs with which the speaker reports their own earlier words ("I said that", "we warned
#: them", "I've made it plain"): an attribution to "I" or "we", unlike "I tell you", "I think", "let me say".
_SELF_CUES = frozenset(
    """
    said told wrote warned stated declared announced predicted suggested promised insisted argued
    explained claimed noted stressed emphasized emphasised pledged vowed added proposed repeated made
    """.split()  # noqa: SIM905
)
#: Auxiliaries between "I"/"we" and a cue that make it no report of earlier words ("I will say", "we
#: can tell").
_NOT_PAST = frozenset(
    {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "am", "are",
     "is", "’ll", "'ll", "ll"}
)  # fmt: skip
#: What right after "I said" / "we said" shows no content follows ("I have said on many occasions
#: exactly what I believe", "I said so", "as I said before").
_NO_CONTENT = frozenset(
    {"on", "in", "at", "to", "about", "for", "before", "earlier", "many", "so", "this", "exactly", "what",
     "nothing", "often", "again", "repeatedly", "once", "twice", "yesterday", "last", "then"}
)  # fmt: skip
#: "made it (very) plain/clear": a phrasal cue.
_MADE_PLAIN = re.compile(
    r"\s+it\s+(?:(?:very|quite|perfectly|abundantly|crystal|absolutely)\s+)?(?:plain|clear)\b", re.IGNORECASE
)
_ACCORDING = re.compile(rf"\b(?P<cue>{'|'.join(SOURCE_AFTER_CUES)})\s+", re.IGNORECASE)
_UNSOURCED = [re.compile(p) for p in UNSOURCED_PATTERNS]
_DETERMINERS = frozenset("the this that these those its their our his her my your whose".split())  # noqa: SIM905
#: Words before an evidence noun that name no one ("Recent data", "Official figures").
_PLAIN_ADJECTIVES = frozenset(
    """
    recent new official latest available preliminary current independent scientific published further
    previous early initial other numerous countless more many several some government
    """.split()  # noqa: SIM905
)


@dataclass(slots=True)
class AttributionHit:
    start: int
    end: int
    label: str  # attribution | unsourced
    attrs: dict[str, Any] = field(default_factory=dict)


#: A second report of the same source coordinated after the first ("..., but says", "and has said").
_SECOND_REPORT = re.compile(
    r",?\s+(?:but|and)\s+(?:(?:has|have|had|also|then|later|even|now)\s+){0,2}"
    rf"(?:{'|'.join(sorted(w for w in SPEECH_CUES if not w.endswith('ing')))})\b"
)


def _content(text: str, start: int, end: int | None = None) -> list[int]:
    end = len(text) if end is None else end
    m = re.match(r"[\s,:;]*(?:that\b)?[\s,:]*", text[start:end])
    start += m.end() if m else 0
    while end > start and text[end - 1] in " .!?,;:…":
        end -= 1
    return [start, end]


def _sourced(source: str) -> bool:
    words = source.lower().split()
    if not words:
        return False
    if re.search(r"\s(?:from|in|of|at|for)\s+(?:the\s+)?[A-Z]", source):
        return True  # a named place or body narrows the source: "some politicians in Brussels"
    if words[0] in ("some", "many", "those", "others"):
        return False
    if words[-1] not in VAGUE_SOURCES:
        return True
    return any(w[:1].isupper() for w in source.split()[1:-1])  # a name narrows it: "a UK Daily Mail report"


def _evidence_of_no_one(source: str) -> bool:
    """Whether ``source`` is evidence with no name or determiner to say whose ("Recent data", "Studies"), not
    "the study", "the Pentagon's figures" or "Pentagon figures"."""
    words = source.split()
    if not words or words[-1].lower() not in UNSOURCED_EVIDENCE:
        return False
    if words[0].lower() in _DETERMINERS or "'" in source or "’" in source:
        return False
    if len(words) > 1 and words[0][:1].isupper() and words[0].lower() not in _PLAIN_ADJECTIVES:
        return False
    return not any(w[:1].isupper() for w in words[1:-1])


def _hit(
    text: str, src: tuple[int, int], cue: tuple[int, int], content: list[int], label: str
) -> AttributionHit:
    source = text[src[0] : src[1]]
    if label == "attribution" and _evidence_of_no_one(source):
        label = "unsourced"  # "Recent data shows", "Official figures reveal"
    attrs = {
        "source": source, "source_span": list(src), "cue": " ".join(text[cue[0] : cue[1]].split()),
        "cue_span": list(cue), "content_span": content, "sourced": label != "unsourced" and _sourced(source),
    }  # fmt: skip
    return AttributionHit(min(src[0], cue[0]), max(src[1], cue[1]), label, attrs)


_NP_AFTER = re.compile(
    r"(?:[\w’'.-]+(?:\s+|(?=[,;:!?—–()\"“”])|$))+?"
    r"(?=[,;:.!?—–()\"“”]|\s*$|\b(?:that|we|they|he|she|it|I|has|have|is|are|was|were|will|\d)\b)"
)


def _noun_phrase_after(text: str, pos: int) -> tuple[int, int] | None:
    """The source after "according to": words up to punctuation, a clause word or a number."""
    m = _NP_AFTER.match(text[pos:])
    if not m or not m.group().strip():
        return None
    end = pos + len(m.group().rstrip())
    if text[end - 1] == "." and not re.search(r"(?:[A-Z]\.){2}$|\b(?:Mr|Dr|Mrs|Ms)\.$", text[pos:end]):
        end -= 1
    return pos, end


def _according(text: str) -> list[AttributionHit]:
    hits = []
    for m in _ACCORDING.finditer(text):
        src = _noun_phrase_after(text, m.end())
        if src is None or text[src[0] : src[1]].lower() in _NOT_SOURCES:
            continue  # "adjusts benefits according to inflation": a measure, not a source
        at_start = not text[: m.start()].strip(' "“')
        content = _content(text, src[1]) if at_start else _content(text, 0)
        for n, part in enumerate(two_sources(text, src)):
            hit = _hit(text, part, m.span("cue"), content, "attribution")
            if n:  # the second source shares the cue: its span is its own name, so both reports stay
                hit.start, hit.end = part
            hits.append(hit)
    return hits


#: A report named with its author before its content: "a November report by The Hill that ...", "prior
#: reporting by Reuters that ...", "findings by the commission that ...".
_REPORT_BY = re.compile(
    r"\b(?P<cue>reports?|reporting|findings?|study|studies|investigation|assessment|analysis|estimates?)"
    r"\s+(?:by|from)\s+(?P<src>(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,5}[A-Z][\w’'.&-]*)\s+"
    r"(?:that(?!\s+(?:was|were|is|are|has|have|had|will|would|can|could|may|came|appeared|ran)\b)"
    r"|which\s+(?:found|showed|said|concluded)(?:\s+that)?)\b"
)


def _report_by(text: str) -> list[AttributionHit]:
    if " by " not in text and " from " not in text:
        return []
    return [
        _hit(text, m.span("src"), m.span("cue"), _content(text, m.end()), "attribution")
        for m in _REPORT_BY.finditer(text)
    ]


def _unsourced(text: str) -> list[AttributionHit]:
    hits = []
    for pattern in _UNSOURCED:
        for m in pattern.finditer(text):
            content = _content(text, m.end("cue"))
            hits.append(_hit(text, m.span("src"), m.span("cue"), content, "unsourced"))
    return hits


def _verbs(text: str) -> list[AttributionHit]:
    tokens = list(_TOKEN.finditer(text))
    hits = []
    for i, tok in enumerate(tokens):
        low = tok.group().lower()
        nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
        last = i + 1 == len(tokens) or (i + 2 == len(tokens) and nxt in (".", "!", "?", "…"))
        prev = tokens[i - 1].group().lower() if i else ""
        numbered_source = (  # "The Freedom Charter of 1955 declared that": a year or an article number
            i > 1
            and tokens[i - 1].group()[0].isdigit()
            and nxt == "that"
            and tokens[i - 2].group()[0].isupper()
        ) or (i and nxt == "that" and _YEAR.fullmatch(tokens[i - 1].group()) is not None)
        if (
            prev in _NOUN_BEFORE
            or (prev.endswith(("'s", "’s")) and prev.replace("’", "'") not in PRONOUN_S)
            or (i and tokens[i - 1].group()[0].isdigit() and not numbered_source)
        ):
            continue  # a noun: "the Commission's own forecast", "the 193 member states"
        if low in EVIDENCE_NOUNS and (nxt in THAT_CUES or nxt in SPEECH_CUES):
            continue  # the subject of the next verb: "the agency's annual forecast shows"
        that_cue = (
            (
                low in THAT_CUES
                and (
                    _THAT_SOON.match(text[tok.end() : tok.end() + 60]) is not None
                    or (  # "..., the inquiry found." / "..., an evaluation has determined, contradicting ..."
                        (last or (nxt == "," and prev in ("has", "have", "had")))
                        and i > 1
                        and low not in _THAT_ONLY
                        and "," in [t.group() for t in tokens[max(0, i - 6) : i]]
                    )
                    or (low in EXPECT_CUES and _TO_SOON.match(text[tok.end() : tok.end() + 40]) is not None)
                    or (low in _SHOW and prev in EVIDENCE_NOUNS)
                )
            )
            or (low in _COUNTED and _COUNT_SOON.match(text[tok.end() :]) is not None)
        )
        plain = _MADE_PLAIN.match(text, tok.end()) if low in ("made", "make", "makes", "making") else None
        colon = (
            low in ("continued", "continues", "concluded", "concludes")
            and nxt == ":"
            and i + 2 >= len(tokens)
        )
        described = low in ("describe", "describes", "described") and re.match(
            r"(?:\s+[\w’'.-]+){1,5}\s+as\s+(?:a|an|the)\b", text[tok.end() :]
        )  # "you have often described the Soviet Union as a ..."
        quoted_only = low in AFTER_QUOTE_CUES and source_after_quotation(tokens, i)
        if (
            low not in SPEECH_CUES and not that_cue and plain is None and not colon and not quoted_only
        ) or tok.group()[0].isupper():
            continue
        if no_report(text, tokens, i):
            continue  # "Take note that", "told citizens to pause", "claimed 165 lives", "alleged abuse", ...
        if (
            low.endswith("ed")
            and nxt == "by"
            and i > 0
            and tokens[i - 1].group()[0].isalpha()
            and prev not in PASSIVE_AUX | {"has", "have", "had"}
        ):  # a participle after its noun: "illnesses reported by diplomats"; "a release tweeted by X"
            by = _noun_phrase_after(text, tokens[i + 1].end() + 1) if low in REPORTED_BY else None
            if by is not None:
                hits.append(
                    _hit(text, by, (tok.start(), tok.end()), _content(text, 0, tok.start()), "attribution")
                )
            continue
        if low in ("ask", "asks", "asked") and re.match(r"\s+that\s+(?:question|request)", text[tok.end() :]):
            continue  # "I'm glad you asked that question": a question, no report
        if low.startswith("threaten") and re.match(r"\s+[\w’'-]+\s+with\b", text[tok.end() :]):
            continue  # "those who threaten us with chaos": a threat made, not words reported
        if low in ("state", "states") and prev == "of":
            continue  # "secretary of state", "heads of state": a noun
        if low in _AGREE and nxt in ("with", "to", "on", "upon", "in"):
            continue  # "We didn't even agree with that": consent or refusal, not a report
        if low == "states" and nxt not in ("that", ":", *QUOTES):
            continue  # "a few dozen states", "the Gulf states": a noun unless "that" or a quotation follows
        if low in _SPOKE and nxt not in ("of", "about"):
            continue
        passive = prev in PASSIVE_AUX and not low.endswith("ing")  # "to get reported" too
        noun_use = (  # "released an unprecedented warning that": a noun after its article and adjective
            low.endswith("ing")
            and i > 1
            and tokens[i - 2].group().lower() in ("the", "a", "an")
            and tokens[i - 1].group().isalpha()
            and tokens[i - 1].group().islower()
        )
        if (noun_use or prev in ("a", "an", "the")) and low.endswith("ing"):
            # "issued a (stark) warning that ...": the issuer is the source; a warning without what it says
            # ("sent a chilling warning to the authorities.") reports nothing
            light = i - (3 if noun_use else 2)
            new = (
                tokens[light + 1].group().lower() in ("a", "an") if light >= 0 else False
            )  # not "the warning"
            said = [t.group().lower() for t in tokens[i + 1 : i + 6]]
            said = said[: next((k for k, w in enumerate(said) if w in (".", ";", "!", "?")), len(said))]
            said_what = any(w in ("that", ":", *QUOTES) for w in said)  # "a warning (to residents) that"
            if new and said_what and tokens[light].group().lower() in _ISSUED:
                hit = _verb_hit(text, tokens, light, (tokens[light].start(), tok.end()), None)
                if hit is not None:
                    hits.append(hit)
            continue
        if (
            passive
            or prev in ("the", "a", "an", "any", "no", "without")
            or _BAD_OBJECT.match(text[tok.end() :])
        ):
            continue
        after_quote = (
            i > 0
            and (
                tokens[i - 1].group() in QUOTES
                or (i > 1 and tokens[i - 1].group() == "," and tokens[i - 2].group() in QUOTES)
            )
            and i + 1 < len(tokens)
            and (tokens[i + 1].group()[0].isupper() or nxt in ("the", "a", "an"))
        )  # "…,” added DeSantis": a speaker named after the quotation
        if (
            low in SPEECH_CUES
            and low not in _STRONG
            and low not in _SPOKE
            and nxt not in ("that", ":", ",", ".", *QUOTES, *_OBJECTS)
            and not after_quote
            and not source_after_quotation(tokens, i)
            and not described
            and not _THAT_AFTER_ADJUNCT.match(text[tok.end() : tok.end() + 80])
            and not _QUOTE_AFTER_ADJUNCT.match(text[tok.end() : tok.end() + 80])
        ):
            continue
        cue_end = plain.end() if plain is not None else tok.end()
        if low in _TELL and nxt in _OBJECTS:
            cue_end = tokens[i + 1].end()
        hit = _verb_hit(text, tokens, i, (tok.start(), cue_end), hits[-1] if hits else None)
        if hit is not None:
            hits.append(hit)
    return hits


#: A verb right after a noun phrase: the phrase is a clause's subject, not a source named after its cue.
_VERB_NEXT = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did|do)\b"
)


def _verb_hit(
    text: str, tokens: list[re.Match[str]], i: int, cue: tuple[int, int], prior: AttributionHit | None = None
) -> AttributionHit | None:
    if negated(tokens, i):
        return None  # "did not even admit", "didn’t even agree": a denial of an attribution is none
    found = source_left(tokens, i)
    coordinated = False
    if found is None and i > 2:
        k = i - 1  # "X criticised the decision and said", "X denied it but has even said"
        while k > 1 and tokens[k].group().lower() in CUE_GAP_WORDS:
            k -= 1
        if tokens[k].group().lower() in ("and", "but"):
            found = coordinated_subject(tokens, k - 1 if tokens[k - 1].group() == "," else k)
            coordinated = found is not None
    if found is None and i and tokens[i - 1].group() == "," and tokens[i].group().lower() in _TELL:
        found = opening_subject(tokens, i)  # "Hunter, who is a disease expert, told the Daily Star: ..."
        said = re.match(r"[^.!?;]{0,60}?(?:\bthat\b|:|[“\"])", text[cue[1] :])  # told someone something
        if (
            found is None
            or said is None
            or (found[1] - found[0] == 1 and tokens[found[0]].group().endswith("ly"))
        ):
            return None  # ", told KTVL that ...": the one told, not the teller, follows "told"
    if found is None and i and tokens[i - 1].group() in (",", *QUOTES):
        if tokens[i].group().endswith("ing"):
            return _participle(text, tokens, i, cue, prior)
        after = _noun_phrase_after(text, cue[1] + 1)  # "“...,” said the minister."
        words = text[after[0] : after[1]].split() if after is not None else []
        lead = words[0] if words else ""
        if after is not None and not (lead[:1].isupper() or lead.lower() in DETERMINERS):
            after = None  # "hadith 13, says love your brother": no speaker after the cue
        if after is not None and _VERB_NEXT.match(text, after[1]):
            after = None  # "The study, whose ..., said the Sun is cooling": what was said, not who said it
        if re.match(r"\s+that\b", text[cue[1] :]):
            return None  # "Resolution 242, adopted in 1967, established that": no source after the cue
        if after is None or not text[cue[1] : cue[1] + 1].isspace():
            return _participle(text, tokens, i, cue)
        return _hit(text, after, cue, _content(text, 0, tokens[i - 1].start()), "attribution")
    if found is None:
        return None
    own = _own_words(text, tokens, found, i, cue)
    if own is not None:
        return own
    if tokens[found[0]].group().lower() in _SPECULATION:
        return None  # "Perhaps the enemy believes that ...": the speaker's guess, not an attribution
    src = noun_phrase(text, tokens, *found)
    if (
        src is not None
        and text[src[0] : src[1]].lower() in ("the one", "the ones")
        and found[0] > 1
        and tokens[found[0] - 1].group().lower() in ("is", "was", "are", "were")
    ):  # "X was the one that said": X is the source
        again = source_left(tokens, found[0] - 1)
        src = noun_phrase(text, tokens, *again) if again is not None else None
    if src is None:
        return None  # the speaker, an auxiliary, a question, an imperative: no source
    if text[cue[0] : cue[1]].lower() in _NOUN_CUES and _COUNTED_THINGS.match(text, src[0], src[1]):
        return None  # "your 100 concrete promises": a count of things said, no speaker
    if (
        text[src[0] : src[1]].lower() in ("those", "these", "this", "that")
        and not text[src[1] : cue[0]].strip()
        and text[cue[0] : cue[1]].lower() in (*_NOUN_CUES, "records", "record")
    ):
        return None  # "Are those claims correct?": a determiner and a noun
    words = text[src[0] : src[1]].lower().split()
    if (
        words[0] in ("its", "their", "his", "her", "our", "my", "your")
        and len(words) <= 2
        and (not words[-1].endswith("s"))
        and (text[cue[0] : cue[1]].lower() in ("report", *_NOUN_CUES))
    ):
        return None  # "admitted in its annual report that": the cue is a noun
    if words in (["here"], ["there"], ["now"], ["today"]):
        return None  # "Who here believes that ...?"
    if text[src[0] : src[1]].lower() in SPEAKER or not re.search(r"[A-Za-z]", text[src[0] : src[1]]):
        return None  # the speaker, or a bare number ("Romans 13:1 tells us")
    if tokens[found[1] - 1].group() in ("I", "we", "We") or tokens[found[0]].group().lower() in PREPOSITIONS:
        return None  # "Last spring I said": the speaker; "Of the 193 member states": no subject
    rest = text[cue[1] :].strip(' ,”"’')
    participle_after = (  # "The plan failed, the minister said, adding ...": the content is before
        re.match(r"\s*,\s*[a-z]+ing\b", text[cue[1] :]) is not None
        and re.search(r"[,”\"’:—]\s*$", text[: src[0]]) is not None
    )
    if re.fullmatch(r"[.!?…]*", rest) or source_after_quotation(tokens, i) or participle_after:
        if not re.search(r"[,”\"’:—]\s*$", text[: src[0]]):
            return None
        content = _content(text, 0, src[0])
    else:
        that = re.match(r"[^.!?;“\"]{0,80}?\bthat\b", text[cue[1] :])
        quoted = _QUOTE_AFTER_ADJUNCT.match(text[cue[1] : cue[1] + 80])
        skip = that.end() if that else quoted.end() - 1 if quoted and quoted.group()[-1] in QUOTES else 0
        colon = re.match(r"[^.!?;:“\"]{1,60}?:\s*", text[cue[1] :]) if not skip else None
        skip = colon.end() if colon else skip  # "told the Daily Star: “...”": what follows the colon
        second = _SECOND_REPORT.search(text, cue[1] + skip)  # "admitted to X, but says Y": X alone
        content = _content(text, cue[1] + skip, second.start() if second else None)
    hit = _hit(text, src, cue, content, "attribution")
    if coordinated:  # the source is the first verb's: the span is the cue alone, so both reports stay
        hit.start, hit.end = cue
    return hit


def _own_words(
    text: str, tokens: list[re.Match[str]], found: tuple[int, int], i: int, cue: tuple[int, int]
) -> AttributionHit | None:
    """ "I said that ...", "we warned them ...", "I've made it plain to them, ...": the speaker reporting
    their own earlier words is an attribution to "I" or "we" (not "I tell you", "I will say", "I think")."""
    a, b = found
    last = tokens[b - 1].group().replace("’", "'")
    word = last.split("'")[0]
    if b - a != 1 or word not in ("I", "we", "We") or last not in (word, word + "'ve", word + "'d"):
        return None
    low = tokens[i].group().lower()
    if low not in _SELF_CUES or (
        low == "made" and text[cue[1] - 5 : cue[1]].lower() not in ("plain", "clear")
    ):
        return None
    if any(t.group().lower() in _NOT_PAST for t in tokens[b:i]) or text.rstrip().endswith("?"):
        return None  # "I will say", "Do we say ...?": no earlier words reported
    if a > 0 and tokens[a - 1].group().lower() in ("as", "what", "if"):
        return None  # "as I said before", "what I said": no content
    rest = text[cue[1] :]
    nxt = re.match(r"\s*([\w’'-]+|[^\w\s])", rest)
    if nxt is None or nxt.group(1) in (".", "!", "?", "…"):
        return None
    plain = low == "made" and nxt.group(1).lower() == "to"  # "I made it plain to them, we ..."
    if nxt.group(1).lower() in _NO_CONTENT and not plain and not re.match(r"[^.!?;]{0,40}?\bthat\b", rest):
        return None  # "I have said on a number of occasions exactly what I believe"
    start = tokens[b - 1].start()
    that = re.match(r"[^.!?;“\"]{0,80}?\bthat\b", rest)
    content = _content(text, cue[1] + (that.end() if that else 0))
    if content[0] >= content[1]:
        return None
    hit = _hit(text, (start, start + len(word)), cue, content, "attribution")
    hit.attrs["own_words"] = True
    return hit


def _participle(
    text: str, tokens: list[re.Match[str]], i: int, cue: tuple[int, int], prior: AttributionHit | None = None
) -> AttributionHit | None:
    """ "They celebrate, saying ...": the sentence's subject is the source ("Soros compared X to Y, saying
    ...", "But Orbán remains committed, claiming ..."); after a report in the same sentence, that report's
    source ("..., an official told Carter, adding ...")."""
    if not tokens[i].group().endswith("ing"):
        return None
    if prior is not None and prior.attrs["cue_span"][1] <= tokens[i].start():
        src = tuple(prior.attrs["source_span"])
        hit = _hit(text, (src[0], src[1]), cue, _content(text, cue[1]), "attribution")
        hit.start, hit.end = cue  # the source is the earlier report's: the span is the cue alone
        return hit
    found = opening_subject(tokens, i)
    if found is None:
        return None
    span = (tokens[found[0]].start(), tokens[found[1] - 1].end())
    return _hit(text, span, cue, _content(text, cue[1]), "attribution")


#: A headline that quotes a named speaker as its whole piece: "Finance Minister: ‘The budget holds’".
_HEADLINE = re.compile(
    r"\s*(?P<src>(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*)\s*(?P<cue>:)\s*(?=[‘“\"'][A-Z])"
)


def _headline(text: str) -> list[AttributionHit]:
    if ":" not in text[:80]:
        return []
    m = _HEADLINE.match(text)
    if m is None or m.group("src").isupper():
        return []  # "MR. KALB: ..." is a transcript label, not a headline
    quote = m.end() + 1
    end = len(text.rstrip().rstrip("’”\"'"))
    return [_hit(text, m.span("src"), m.span("cue"), _content(text, quote, end), "attribution")]


def find_attributions(text: str) -> list[AttributionHit]:
    """Attributions in one sentence, without overlaps (unsourced evidence first, then phrasal, then verbs)."""
    chosen: list[AttributionHit] = []
    for hit in [*_headline(text), *_unsourced(text), *_according(text), *_report_by(text), *_verbs(text)]:
        if _asked(text, hit):
            continue
        overlapping = [c for c in chosen if not (hit.end <= c.start or hit.start >= c.end)]
        if overlapping and _around(hit, overlapping):
            hit.start, hit.end = hit.attrs["cue_span"]  # the report between stays; this one keeps its source
            overlapping = [c for c in overlapping if not (hit.end <= c.start or hit.start >= c.end)]
        if not overlapping:
            chosen.append(hit)
    _nest(text, chosen)
    return sorted(chosen, key=lambda h: h.start)


def _around(hit: AttributionHit, overlapping: list[AttributionHit]) -> bool:
    """Whether every report ``hit`` overlaps lies between its source and its cue, or shares its source ("Ana
    Ruiz, the nurse who says she saw it, told KTVL that ...": "says" inside the appositive, "told" around
    it)."""
    source, cue_start = hit.attrs["source_span"], hit.attrs["cue_span"][0]
    return source[0] < cue_start and all(
        (source[1] <= c.start or c.attrs.get("source_span") == source) and c.end <= cue_start
        for c in overlapping
    )


def _nest(text: str, hits: list[AttributionHit]) -> None:
    """Reported speech inside reported speech keeps its own source and says whose report it sits in:
    'The senator said: "The minister told us that ..."' gives "The minister" with ``nested_in`` the
    senator's ``source_span`` (the innermost report that holds it). Two reports whose contents hold each
    other ("“The generals admitted X,” the spokesman said") are told apart by the quotation marks."""
    quotes = quote_ranges(text)

    def holds(o: AttributionHit, h: AttributionHit) -> bool:
        return o.attrs["content_span"][0] <= h.start and h.end <= o.attrs["content_span"][1]

    def quoted(h: AttributionHit) -> bool:
        return inside(quotes, h.start, h.end)

    for hit in hits:
        for qs, qe in quotes:  # a report quoted by someone else ends where the quotation does
            content = hit.attrs["content_span"]
            if qs <= hit.start < qe <= content[1]:
                hit.attrs["content_span"] = _content(text, content[0], qe - 1)
    for hit in hits:
        outer = [
            o
            for o in hits
            if o is not hit and holds(o, hit) and (not holds(hit, o) or (quoted(hit) and not quoted(o)))
        ]
        if outer:
            inner = min(outer, key=lambda o: o.attrs["content_span"][1] - o.attrs["content_span"][0])
            hit.attrs["nested_in"] = list(inner.attrs["source_span"])


_QUESTION_AUX = re.compile(
    r"(?:Will|Would|Can|Could|Does|Did|Do|Is|Are|Was|Were|Has|Have|Had|Should|Shall|Must|Why|When|How)\s",
    re.IGNORECASE,
)


def _asked(text: str, hit: AttributionHit) -> bool:
    """A question about what someone says ("Will the Prime Minister finally admit that ...?") reports no
    statement: the source opens a sentence that ends with a question mark."""
    return text.rstrip().endswith("?") and _QUESTION_AUX.match(text, hit.start) is not None
