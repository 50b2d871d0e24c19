"""Words that look like a report's cue and report nothing, read off the tokens around them: the writer's
aside ("Take note that"), an instruction ("told citizens to pause"), a death toll ("has claimed 165 lives"),
an adjective ("alleged abuse", "other reported cases"), a plural noun ("other rules unveiled ... that"), a
participle before a time phrase ("no sunspots reported in 96 days"). ``podium.anatomy.attributions`` asks
before it looks for a source.
"""

from __future__ import annotations

import re

from podium.anatomy.attribution_subjects import source_after_quotation

#: Auxiliaries of a passive, where the cue's subject is what was said ("is reported", "to get reported").
PASSIVE_AUX = frozenset({"is", "was", "are", "were", "be", "been", "being", "get", "got", "gets", "getting"})
_DEATH_TOLL = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|over|nearly|almost|about|some|the)\s+)?(?:\d[\d,]*|\w+\s+)?"
    r"(?:lives|victims|casualties|the\s+lives)\b"
)
_ADJECTIVE_NEXT = re.compile(r"\s+(?!(?:that|to|in|on|by|at|the|a|an|his|her|their|its|he|she|they)\b)[a-z]")
_PLURAL_DETERMINERS = frozenset({"other", "new", "these", "those", "such", "several", "many", "its", "their"})
_TIME_PREPOSITIONS = frozenset({"in", "over", "since", "during", "for", "within"})
#: Words later in the sentence that make an "-ed" cue before a preposition a report after all ("ruled in
#: July that ...").
_SAID_LATER = re.compile(r"[^.!?]*?(?:\bthat\b|[:“\"])")
#: "told X to VERB": an instruction ("told citizens to pause"), not a report; "told X that" stays one, and
#: so does a teaching told to "us" ("God tells us to be patient").
_TOLD_TO = re.compile(
    r"(?!\s+(?:us|you|me|him|her|them)\b)"
    r"(?:\s+(?!(?:that|in|on|at|during|for|with|through)\b)[\w’'.-]+){1,3}\s+to\s+(?!the\b|a\b|an\b|[A-Z])[a-z]+\b"
)
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "who", "which", "that"})


def no_report(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether the cue-like word at ``i`` reports nothing here."""
    tok = tokens[i]
    low = tok.group().lower()
    prev = tokens[i - 1].group().lower() if i else ""
    nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
    if low in ("note", "notes", "noted") and prev in ("take", "takes", "took", "taking"):
        return True
    if low in ("tell", "tells", "told", "telling") and _TOLD_TO.match(text, tok.end()):
        return True
    if low == "reported" and prev in ("other", "unconfirmed", "first", "earlier", "recently"):
        return True
    if low in ("claimed", "claim", "claims", "claiming") and _DEATH_TOLL.match(text, tok.end()):
        return True
    if low == "alleged" and _ADJECTIVE_NEXT.match(text, tok.end()):
        return True
    if low.endswith("s") and prev in _PLURAL_DETERMINERS and low not in ("says", "tells", "states"):
        return True
    return (
        low.endswith("ed")
        and nxt in _TIME_PREPOSITIONS
        and i > 0
        and tokens[i - 1].group().isalpha()
        and tokens[i - 1].group().islower()
        and prev not in _SUBJECT_PRONOUNS
        and not _SAID_LATER.match(text, tok.end())
        and not source_after_quotation(tokens, i)
    )
