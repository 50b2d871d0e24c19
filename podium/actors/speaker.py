"""Who "we" is in each sentence: the side of the sentence's speaker, as ``podium.actors.side`` found it.

A sentence's speaker is its turn's speaker or the single speaker in ``meta.speakers``. The side comes from
``--side`` (``meta.extras`` keys ``speaker_side``, ``country``, ``state``, ``organisation``,
``party``, ``affiliation``), else from the speaker's role ("Ali Khamenei" -> Iran, "TRUMP" and
"CLINTON" as transcripts write them -> the United States), else from the speaker's own words ("our
IRGC", "we Iranians"); when none of these says, the placeholder actor ``SPEAKER_SIDE``.
The sides are computed once per document and kept in ``meta.extras["sides"]``.
"""

from __future__ import annotations

from podium.actors.gazetteer import Gazetteer
from podium.actors.matcher import Matcher
from podium.actors.side import PLACEHOLDER, SIDE_KEYS, recorded_sides, resolve_name
from podium.claims import sentence_speakers
from podium.document import Document

__all__ = ["PLACEHOLDER", "SIDE_KEYS", "resolve_name", "sentence_sides"]


def sentence_sides(doc: Document, gazetteer: Gazetteer, matcher: Matcher) -> list[str]:
    """The speaker's side for each sentence (``SPEAKER_SIDE`` when unknown)."""
    sides = recorded_sides(doc, gazetteer, matcher)
    return [sides.get(speaker, PLACEHOLDER) for speaker in sentence_speakers(doc)]
