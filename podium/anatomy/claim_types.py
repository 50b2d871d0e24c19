"""The type of claim a sentence makes, from cue words and the parts found in it.

Labels: ``quantity``, ``prediction`` (also promises), ``law`` (law or rule), ``causal`` (correlation or
causation), ``personal`` (personal experience), ``quotation`` (attributed content), ``history``
(historical event), ``other``, and ``not_claim`` (question, greeting, exhortation, opinion). The first
that applies wins: questions, greetings and wishes are ``not_claim`` first; then quantity; then exhortations
are ``not_claim``; then an attribution makes a quotation (unless its source is a cited law, "Article 66 of
our Constitution says", or a court that "ruled", which are law; or a bare "some"/"they" the speaker rebuts
in the same sentence); then prediction, law (a cited verse too), causal, personal, history; then opinions
are ``not_claim`` (an opinion word inside a name, "the Great Satan", is none: ``podium.masking``); else
``other``.
It is a rule-based first label, not a classifier; check-worthiness is scored elsewhere.
"""

from __future__ import annotations

import re

from podium.masking import blank_names

LABELS = ("quantity", "prediction", "law", "causal", "personal", "quotation", "history", "other", "not_claim")

_GREETING = re.compile(
    r"^\W*(?:thank(?:s| you)|good (?:morning|afternoon|evening)|ladies and gentlemen|dear\b|excellenc|"
    r"mr\.? (?:president|chairman|speaker)|madam|in the name of|peace be|i welcome|welcome|god bless|"
    r"long live|glory|all praise|may (?:god|allah|the lord|peace|our|his|their|we|you)\b|salaam|greetings|"
    r"distinguished|brothers and sisters|i thank|we thank|i greet|we greet)",
    re.IGNORECASE,
)
_EXHORT = re.compile(
    r"^\W*(?:let us|let's|let me|we call on|we urge|i urge|i call on|do not|don't|take a look|look at|join|"
    r"stand|remember|imagine|vote|go|come|never forget|so let|and let|we must|you must|everyone must|"
    r"seek|praise|believe)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:i believe|i think|in my view|in my opinion|we believe|must|should|ought to|need to|"
    r"is (?:a|an|the) (?:faith|shame|disgrace|betrayal|tragedy|victory|lie)|beautiful|shameful|"
    r"disgraceful|great|terrible|wonderful|evil|noble|naive)\b",
    re.IGNORECASE,
)
_WISH = re.compile(r"^\W*(?:we|i)\s+(?:hope|wish|pray)\b", re.IGNORECASE)
#: A short address ("My dear compatriots, good evening."); a long one carries a claim after the vocative.
_VOCATIVE = re.compile(r"^\W*(?:my dear|honou?rable)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|[a-z]{3,}ed|took|gave|made|went|saw|fought|began|won|lost)\b", re.I
)
_PREDICTION = re.compile(
    r"(?<!\bthe )(?<!\bour )(?<!\bgood )(?<!\bfree )(?<!\bpolitical )\b(?:will|shall|won['’]t|going to|"
    r"(?:is|are) set to|promise|pledge|vow|intend to|plan to)\b",
    re.IGNORECASE,
)
_LAW = re.compile(
    r"\b(?:illegal\w*|unlawful|lawful|violat\w+|international law|under the law|the law|constitution\w*|"
    r"in breach of|legally|prohibit\w*|forbid\w*|binding|obliged|obligat\w+|right of|rights? to|"
    r"jurisdiction|sovereignty|court\s+ruled|ruled\s+(?:[\w-]+\s+){0,3}?that)\b",
    re.IGNORECASE,
)
_CAUSAL = re.compile(
    r"\b(?:because|caused?|causes|causing|led to|leads? to|resulted in|results? of|as a result|due to|"
    r"responsible for|thanks to|owing to|blamed? for|consequen\w+|fuel(?:s|ed|led)|driven by|drove|"
    r"so that|therefore|that is why|which is why)\b",
    re.IGNORECASE,
)
_PERSONAL = re.compile(
    r"\bI\s+(?:\w+ly\s+)?(?:visited|saw|met|was|went|spoke|heard|have (?:seen|met|visited|been|spoken)|"
    r"remember|grew up|served|stood|watched|travel\w*|talked|sat|lost|held|walked|listened|asked)\b"
    r"|\bmy (?:father|mother|family|grandfather|grandmother|son|daughter|brother|sister|parents)\b"
    r"|\bwhen I was\b",
)
_HISTORY = re.compile(
    r"\b(?:killed|bombed|attacked|invaded|occupied|signed|voted|launched|destroyed|built|fell|won|lost|"
    r"seized|shelled|displaced|arrested|fired|approved|passed|withdrew|declared|elected|began|started|"
    r"ended|broke|struck|fought|defeated|liberated|founded|established|created|rose|grew|increased|"
    r"decreased|collapsed|executed|murdered|massacred|captured|burned|blocked|imposed|sanctioned|annexed|"
    r"agreed|recognised|recognized|adopted|ratified|expelled|deported|banned|martyred|armed|financed|"
    r"trained|supplied|happened|occurred|took place|came|crossed|emptied|lowered|raised|rebuilt|"
    r"negotiated|refused|suffered|closed|opened|cut|raided|stormed|sent|moved|entered|left)\b",
    re.IGNORECASE,
)


#: Bare vague subjects whose saying quotes nobody ("Some say", "They say", "Others argue").
_NOBODY = frozenset({"some", "they", "others", "many", "those", "few", "people"})
_REBUTTAL = re.compile(r",\s+but\b|;\s*(?:I|we|but)\b")


def _quoted(attribution: dict[str, object], citations: list[dict[str, object]], text: str) -> bool:
    """A source is quoted: a sourced or vague one ("some Western diplomats say", "They say we are crazy"),
    but not a bare "some"/"they" the speaker rebuts in the same sentence ("Some say X, but no one can deny
    Y": Y is the claim), nor a law that "says" ("Article 66 of our Constitution says") or a court that
    "ruled": those are law."""
    if str(attribution.get("cue", "")).lower() in ("ruled", "rules", "rule", "has ruled"):
        return False
    if attribution.get("own_words"):
        return False  # "Last spring I said that ...": the speaker's own words, not a quotation of another
    span = attribution.get("source_span") or [0, 0]
    for c in citations:
        cited = c.get("kind") != "scripture" and c.get("start") is not None
        if cited and c["start"] < span[1] and span[0] < c["end"]:  # type: ignore[operator]
            return False
    if attribution.get("sourced"):
        return True
    words = str(attribution.get("source", "")).lower().split()
    if attribution.get("label") != "attribution":
        return False
    cue_end = (attribution.get("cue_span") or [0, 0])[1]  # type: ignore[index]
    rebutted = _REBUTTAL.search(text, cue_end) is not None  # type: ignore[arg-type]
    return not (words and words[-1] in _NOBODY and rebutted)


#: A short question tagged onto a statement ("… bombed over 300 locations — why?", "…, didn't they?"):
#: the statement before it is what the sentence claims.
_TAG_QUESTION = re.compile(
    r"(?:\s*[—–]\s*|\s+-{1,2}\s+|,\s*)(?:and\s+)?(?:why|how|what for|right|true|no|isn['’]t (?:it|that)|"
    r"aren['’]t (?:they|we)|didn['’]t (?:they|we|he|she|it)|don['’]t (?:they|we|you)|"
    r"wasn['’]t (?:it|that)|is (?:it|that) not so|or not)\s*\?[”’\"') ]*$",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"^\W*(?:who|whom|whose|what|which|why|how|where|when|is|are|was|were|do|does|did|can|could|will|"
    r"would|shall|should|has|have|had|isn['’]t|aren['’]t|wasn['’]t|don['’]t|didn['’]t)\b",
    re.IGNORECASE,
)


def claim_type(text: str, parts: dict[str, list[dict[str, object]]]) -> str:
    """The claim type of ``text`` given its parts: {"quantity": [attrs...], "time": [...], ...}."""
    stripped = text.strip()
    tag = _TAG_QUESTION.search(stripped)
    head = stripped[: tag.start()] if tag else ""
    if len(head.split()) >= 4 and not _ASKS.match(head):
        stripped = head
    if (
        stripped.rstrip("”’\"') ").endswith("?")
        or _GREETING.match(stripped)
        or _WISH.match(stripped)
        or (_VOCATIVE.match(stripped) and len(stripped.split()) <= 12)
    ):
        return "not_claim"
    if any(q.get("kind") not in ("ordinal",) for q in parts.get("quantity", [])):
        return "quantity"
    if _EXHORT.match(stripped):
        return "not_claim"
    if any(_quoted(a, parts.get("citation", []), stripped) for a in parts.get("attribution", [])):
        return "quotation"
    if _PREDICTION.search(stripped):
        return "prediction"
    if parts.get("citation") or _LAW.search(stripped):  # a cited verse states a rule too
        return "law"
    if _CAUSAL.search(stripped):
        return "causal"
    if _PERSONAL.search(stripped):
        return "personal"
    past_time = any(t.get("resolved") for t in parts.get("time", [])) and _PAST.search(stripped)
    if _HISTORY.search(stripped) or past_time:
        return "history"
    if _OPINION.search(blank_names(stripped)):  # "the Great Satan" is a name, not an opinion
        return "not_claim"
    return "other"
