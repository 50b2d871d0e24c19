"""Whose side "we" is, for each speaker: from ``--side``, from the speaker's role, or from the text itself.

``speaker_sides(doc)`` gives one ``Side`` per speaker (per ``meta.speakers`` entry, or one for an unnamed
speaker) and records them in ``meta.extras["sides"]``: ``{speaker, actor, name, how, role, evidence}``.
``how`` is
- ``given``: ``--side`` (or ``meta.extras`` keys ``speaker_side``, ``country``, ``party`` ...);
- ``speaker``: the speaker's role: a head of state or government, a minister, a general stand for their
  state, a party or movement leader for it (the gazetteer's ``state`` of a person), a body for itself;
- ``text``: the speaker's own words, outside quotations: "our IRGC", "our Majlis", "our dear Martyr
  Soleimani", "our great American workers", "we Iranians", "my fellow Americans", "our country, Iran"
  (a body that belongs to a state counts for the state; "our European allies" counts for nobody);
- ``unknown``: none of these; ``actor`` is then None and "we" stays the placeholder ``SPEAKER_SIDE``.
``evidence`` lists ``[start, end]`` of the text that says so (the speaker's name in the title, the "our
..." phrases); text that agrees with a role is listed too. It does not resolve "they" or "he".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from podium.actors.gazetteer import Gazetteer, load_gazetteer
from podium.actors.matcher import Matcher, default_matcher
from podium.actors.quotes import inside, quote_ranges
from podium.actors.speakers import EXTRA as SPEAKERS_EXTRA
from podium.actors.speakers import FoundSpeaker, identify_speakers, records
from podium.claims import sentence_speakers
from podium.document import Document

EXTRA = "sides"
PLACEHOLDER = "SPEAKER_SIDE"
#: ``meta.extras`` keys that state the side directly (``--side`` sets ``speaker_side``).
SIDE_KEYS = ("speaker_side", "country", "state", "organisation", "organization", "party", "affiliation")
#: Words between "our" and the name: "our dear Martyr Soleimani", "our great American workers".
_OUR = re.compile(
    r"\b(?:[Oo]ur|OUR)\s+(?:(?:own|dear|great|beloved|brave|esteemed|glorious|heroic|valiant|proud|noble"
    r"|late|martyred|honou?rable|courageous|mighty|wonderful|fellow)\s+)*"
)
_WE = re.compile(
    r"\b(?:[Ww]e|[Uu]s)\b,?\s+(?:the\s+|all\s+)?(?=[A-Z])|\b[Mm]y\s+(?:fellow|dear)\s+(?=[A-Z])"
    r"|\b(?:[Oo]ur|[Mm]y)\s+(?:country|nation|homeland|motherland|fatherland),?\s+(?:the\s+)?(?=[A-Z])"
)
#: Nouns after a demonym that name others ("our European allies", "our Arab brothers").
RELATIONAL = frozenset(
    {
        "ally",
        "allies",
        "friend",
        "friends",
        "partner",
        "partners",
        "neighbour",
        "neighbours",
        "neighbor",
        "neighbors",
        "counterpart",
        "counterparts",
        "brother",
        "brothers",
        "brethren",
        "sister",
        "sisters",
        "enemy",
        "enemies",
        "adversary",
        "adversaries",
        "rival",
        "rivals",
        "competitor",
        "competitors",
        "colleague",
        "colleagues",
        "guest",
        "guests",
        "visitor",
        "visitors",
    }
)
#: Actor types whose "our X" says whose side the speaker is on (a state's body counts for the state).
_SIDE_TYPES = {"state", "territory", "party", "armed_group", "military", "organisation", "person", "group"}


@dataclass(slots=True)
class Side:
    """Whose side one speaker's "we" is."""

    speaker: str | None
    actor: str | None
    name: str | None
    how: str
    role: str | None = None
    evidence: list[list[int]] = field(default_factory=list)


def speaker_sides(
    doc: Document, gazetteer: Gazetteer | None = None, matcher: Matcher | None = None
) -> list[Side]:
    """One ``Side`` per speaker (see the module docstring); recorded in ``meta.extras["sides"]``."""
    gazetteer = gazetteer or load_gazetteer()
    matcher = matcher or default_matcher()
    found = {r.label or r.name: r for r in records(doc)} if SPEAKERS_EXTRA in doc.meta.extras else {}
    given = _given(doc, gazetteer, matcher)
    per_sentence = sentence_speakers(doc)
    speakers: list[str | None] = list(dict.fromkeys(per_sentence)) or [None]
    sides = []
    for speaker in speakers:
        own = [i for i, s in enumerate(per_sentence) if s == speaker]
        record = found.get(speaker) if speaker is not None else None
        sides.append(_side(doc, speaker, record, given, own, gazetteer, matcher))
    doc.meta.extras[EXTRA] = [asdict(s) for s in sides]
    return sides


def identify(doc: Document) -> None:
    """Find the speakers and their sides of a segmented document, once, before any analyser runs."""
    identify_speakers(doc)
    speaker_sides(doc)


def recorded_sides(
    doc: Document, gazetteer: Gazetteer | None = None, matcher: Matcher | None = None
) -> dict[str | None, str]:
    """Speaker -> the actor their "we" stands for (``SPEAKER_SIDE`` when unknown), computing the sides
    when no earlier step recorded them."""
    data = doc.meta.extras.get(EXTRA)
    if not isinstance(data, list):
        data = [asdict(s) for s in speaker_sides(doc, gazetteer, matcher)]
    return {d.get("speaker"): d.get("actor") or PLACEHOLDER for d in data if isinstance(d, dict)}


def _given(doc: Document, gazetteer: Gazetteer, matcher: Matcher) -> Side | None:
    for key in SIDE_KEYS:
        value = doc.meta.extras.get(key)
        if isinstance(value, str) and value.strip():
            actor = resolve_name(value, gazetteer, matcher)
            name = gazetteer.actors[actor].name if actor else value
            return Side(None, actor, name, "given")
    return None


def resolve_name(name: str | None, gazetteer: Gazetteer, matcher: Matcher) -> str | None:
    """The side a speaker name (or a side name) stands for, or None if the gazetteer does not know it.

    An actor id or a name, as written or, for a transcript's capitalised label ("CLINTON"), in title case;
    a person stands for their state or body whichever way they were named."""
    if not name:
        return None
    found = name if name in gazetteer.actors else None
    for text in (name, name.title()) if found is None else ():
        found = next((m.alias.actor for m in matcher.find(text) if m.alias.actor is not None), None)
        if found is not None:
            break
    if found is None:
        return None
    entry = gazetteer.actors[found]
    return (entry.state or found) if entry.type == "person" else found


def _side(
    doc: Document,
    speaker: str | None,
    record: FoundSpeaker | None,
    given: Side | None,
    sentences: list[int],
    gazetteer: Gazetteer,
    matcher: Matcher,
) -> Side:
    votes = text_evidence(doc, sentences, gazetteer, matcher)
    if given is not None:
        agree = [span for actor, span in votes if actor == given.actor]
        return Side(speaker, given.actor, given.name, "given", None, agree)
    actor, role, spans = _from_speaker(speaker, record, gazetteer, matcher)
    if actor is not None:
        agree = [span for a, span in votes if a == actor]
        return Side(speaker, actor, gazetteer.actors[actor].name, "speaker", role, spans + agree)
    counts = Counter(a for a, _ in votes)
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        actor = ranked[0][0]
        spans = [span for a, span in votes if a == actor]
        return Side(speaker, actor, gazetteer.actors[actor].name, "text", None, spans)
    return Side(speaker, None, None, "unknown")


def _from_speaker(
    speaker: str | None, record: FoundSpeaker | None, gazetteer: Gazetteer, matcher: Matcher
) -> tuple[str | None, str | None, list[list[int]]]:
    """(side, role, evidence) from who the speaker is."""
    spans = [record.evidence] if record is not None and record.evidence else []
    if record is not None and record.actor is not None and record.actor in gazetteer.actors:
        entry = gazetteer.actors[record.actor]
        side = entry.state if entry.type == "person" and entry.state else record.actor
        if entry.type == "person" and not entry.state:
            return None, record.role, spans
        return side, record.role or entry.role, spans
    if record is not None and record.acting_for in gazetteer.actors:
        return record.acting_for, record.role, spans
    if record is None and speaker is not None:
        side = resolve_name(speaker, gazetteer, matcher)
        if side is not None:
            return side, None, []
    return None, None, []


def text_evidence(
    doc: Document, sentences: list[int], gazetteer: Gazetteer, matcher: Matcher
) -> list[tuple[str, list[int]]]:
    """(side, [start, end]) for every phrase of the given sentences that says whose side "we" is."""
    out: list[tuple[str, list[int]]] = []
    for index in sentences:
        sentence = doc.sentences[index]
        text = doc.span_text(sentence)
        quotes: list[tuple[int, int]] | None = None
        for pattern in (_OUR, _WE):
            for m in pattern.finditer(text):
                quotes = quote_ranges(text) if quotes is None else quotes  # only where a phrase is
                if inside(quotes, m.start(), m.end()):
                    continue
                found = _named_at(text, m.end(), gazetteer, matcher, pattern is _OUR)
                if found is not None:
                    actor, end = found
                    out.append((actor, [sentence.start + m.start(), sentence.start + end]))
    return out


def _named_at(
    text: str, pos: int, gazetteer: Gazetteer, matcher: Matcher, possessive: bool
) -> tuple[str, int] | None:
    """The side the gazetteer name starting exactly at ``pos`` stands for, and where the name ends."""
    window = text[pos : pos + 80]
    matches = matcher.find(window)
    if not matches or matches[0].start != 0 or matches[0].alias.actor is None:
        return None
    m = matches[0]
    entry = gazetteer.actors.get(m.alias.actor or "")
    if entry is None or entry.type not in _SIDE_TYPES or entry.id == PLACEHOLDER:
        return None
    if m.alias.kind == "adjective" or entry.type in ("organisation", "group"):
        after = re.match(r"\s+([\w-]+)", window[m.end :])
        if after is not None and after.group(1).lower() in RELATIONAL:
            return None  # "our European allies", "our NATO partners", "our Arab brothers"
    if possessive and entry.type in ("organisation", "group") and not entry.state:
        return None  # "our United Nations": a body the speaker belongs to, not whose side they are on
    side = entry.state if entry.type in ("person", "military", "organisation", "armed_group") else None
    side = side or entry.id
    if gazetteer.actors[side].type == "person":
        return None
    return side, pos + m.end
