"""Whether the words left of a speech verb are a noun phrase that can be a source, and which part of them.

``podium.anatomy.attributions`` takes the words before a cue back to a clause boundary. On real transcripts
that run also catches things that are no source: a contraction or an auxiliary ("I've said", "I'll tell
you"), a negated cue ("I don't believe that", "We didn't even agree"), an inverted question ("What do you
say to ..."), an imperative ("Please tell us", "Don't tell me"), a verb ("had conveyed warning reports"),
and "time" ("Time will tell"). Here such a run is trimmed to its noun phrase or rejected, and the object of
a relative clause before a pronoun subject is dropped ("everything he says": the source is "he"). What is
left is the speaker ("I", "we") or another noun phrase; whether a pronoun names an actor is the actor
layer's question (``podium.actors.coref``). The source after "according to" may name two sources ("WHO and
Congo's government"): ``two_sources`` splits it. It does not find cues.
"""

from __future__ import annotations

import re

#: Subject pronouns that are a whole source by themselves.
SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "it"})
#: The speaker: an attribution to them is the speaker's own assertion.
SPEAKER = frozenset(
    {"i", "we", "me", "us", "let me", "let us", "let's", "allow me", "i myself", "we ourselves"}
)
#: A pronoun and a contracted "is"/"has" ("he's said"): not a possessive before a noun.
PRONOUN_S = frozenset({"he's", "she's", "it's", "that's", "who's", "there's"})
#: A pronoun with a contracted auxiliary ("I've", "they're", "he'd").
_CLITIC = re.compile(r"(?P<word>i|you|we|they|he|she|it|who|that|there)['’](?:ve|re|ll|d|m|s)", re.IGNORECASE)
#: Words that open an inverted question or an imperative before a cue ("do you say", "please tell").
_INVERTED = frozenset(
    """
    do does did will would can could should shall may might must is are was were has have had please
    """.split()  # noqa: SIM905
)
#: Auxiliaries right before a one-word "source" that make it a verb ("had conveyed warning").
_AUX = frozenset(
    """
    had has have was were is are be been being will would could should can may might must did do does
    """.split()  # noqa: SIM905
)
#: Sources that speak only in idioms ("Time will tell", "only time will show").
_IDIOMS = frozenset({"time", "only time"})
_NEGATIONS = frozenset({"not", "never", "cannot", "no"})


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def negated(tokens: list[re.Match[str]], i: int) -> bool:
    """A negation among the three tokens before the cue at ``i`` ("did not even admit", "don't say",
    "didn’t even agree"): a denial of an attribution is none."""
    for tok in tokens[max(0, i - 3) : i]:
        word = _norm(tok.group())
        if word in _NEGATIONS - {"no"} or word.endswith("n't"):
            return True
    return False


def noun_phrase(text: str, tokens: list[re.Match[str]], a: int, b: int) -> tuple[int, int] | None:
    """The ``[start, end)`` characters of the source in tokens ``[a, b)``, or None when they are no source
    (the speaker, a verb, a question, an imperative, an idiom)."""
    first = _norm(tokens[a].group())
    if first in _INVERTED:
        return None  # "What do you say to ...", "Please tell us": a question or a request, not a report
    if b - a > 1 and _norm(tokens[b - 1].group()) == "am":
        b -= 1  # "I am saying", "I am told": the speaker
    start, end = tokens[a].start(), tokens[b - 1].end()
    clitic = _CLITIC.fullmatch(tokens[b - 1].group())
    if clitic:  # "I've said", "they're saying": the pronoun is the source, the auxiliary is not
        word = _norm(clitic.group("word"))
        if word in ("who", "that", "there") or _norm(clitic.group()) == "it's":
            return None  # "Who's saying that?", "It's said that ...": a question, a passive
        end = tokens[b - 1].start() + len(clitic.group("word"))
    last = _norm(text[tokens[b - 1].start() : end])
    if last in SUBJECT_PRONOUNS and b - a > 1:
        start = tokens[b - 1].start()  # "everything he says", "the things they say": the pronoun speaks
    words = _norm(text[start:end])
    if words in SPEAKER or words in _IDIOMS:
        return None
    if (
        b - a == 1
        and a > 0
        and _norm(tokens[a - 1].group()) in _AUX
        and re.search(r"(?:ed|en)$", words) is not None
    ):
        return None  # "had conveyed warning reports": a verb after an auxiliary is no subject
    return start, end


#: The second of two sources joined by "and" ("according to WHO and Congo's government", "according to the
#: ministry and the army"): led by an article or a possessive name, not a name's own "and" ("the
#: Department of Health and Human Services").
_SECOND_SOURCE = re.compile(r"\s+and\s+(?=(?:the|a|an)\s|[A-Z][\w.-]*[’']s\s)")


def two_sources(text: str, src: tuple[int, int]) -> list[tuple[int, int]]:
    """The source after "according to", or its two parts when it names two sources."""
    m = _SECOND_SOURCE.search(text, src[0], src[1])
    if m is None or m.start() == src[0]:
        return [src]
    return [(src[0], m.start()), (m.end(), src[1])]
