"""Who "we" is: the speaker's side, from the document's meta, resolved through the gazetteer.

A sentence's speaker is its turn's speaker or the single speaker in ``meta.speakers``; ``meta.extras`` may
name the side directly (keys ``speaker_side``, ``country``, ``state``, ``organisation``/``organization``,
``party``, ``affiliation``). A known person resolves to the state or body they lead ("Ali Khamenei" -> Iran,
"TRUMP" and "CLINTON" as transcripts write them -> the United States);
a known state, organisation or group resolves to itself. Anything else gives the placeholder actor
``SPEAKER_SIDE``. It does not guess sides from the text itself.
"""

from __future__ import annotations

from podium.actors.gazetteer import Gazetteer
from podium.actors.matcher import Matcher
from podium.claims import sentence_speakers
from podium.document import Document

PLACEHOLDER = "SPEAKER_SIDE"
SIDE_KEYS = ("speaker_side", "country", "state", "organisation", "organization", "party", "affiliation")


def resolve_name(name: str | None, gazetteer: Gazetteer, matcher: Matcher) -> str | None:
    """The side a speaker name (or a side name) stands for, or None if the gazetteer does not know it.

    An actor id or a name, as written or, for a transcript's capitalised label ("CLINTON"), in title case;
    a person stands for their state or body whichever way they were named (the id "TRUMP" and the label
    "CLINTON" both give the United States, so no side depends on an id happening to match a label)."""
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


def sentence_sides(doc: Document, gazetteer: Gazetteer, matcher: Matcher) -> list[str]:
    """The speaker's side for each sentence (``SPEAKER_SIDE`` when unknown)."""
    explicit = None
    for key in SIDE_KEYS:
        value = doc.meta.extras.get(key)
        if isinstance(value, str):
            explicit = resolve_name(value, gazetteer, matcher)
            if explicit:
                break
    cache: dict[str | None, str] = {}
    sides = []
    for speaker in sentence_speakers(doc):
        if speaker not in cache:
            cache[speaker] = explicit or resolve_name(speaker, gazetteer, matcher) or PLACEHOLDER
        sides.append(cache[speaker])
    return sides
