"""The records the actor and event analysers put on a Document (``doc.actors``, ``doc.events``).

Plain dataclasses serialised with ``dataclasses.asdict``: only strings, numbers, booleans, None, lists and
dicts. They reference the text by ``[start, end]`` offsets and never copy it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Modalities an event can have.
MODALITIES = ("asserted", "hypothetical", "future", "question", "demand")


@dataclass(slots=True)
class Actor:
    """A canonical actor and where the document mentions it."""

    id: str
    name: str
    type: str
    wikidata: str | None = None
    #: Whether the actor comes from the gazetteer (False: found by spaCy NER only, or a placeholder).
    known: bool = True
    #: The state or body the actor belongs to (a person's state, a party's state), if known.
    state: str | None = None
    #: The state or group the actor acts for (a person's state, a state's army's state), the roll-up of
    #: ``podium.actors.acting_for``; None for a state or group itself, or when nothing says.
    acting_for: str | None = None
    aliases_seen: list[str] = field(default_factory=list)
    mention_count: int = 0
    #: [start, end] of every mention, in text order.
    mentions: list[list[int]] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """Who did what to whom, as one sentence says it."""

    id: str
    #: PLOVER event type (plus the speech-act types ACCUSE and DEMAND); see podium/resources/plover.md.
    type: str
    sentence: int
    #: [start, end] of the word that names the event (a verb or a noun).
    trigger: list[int]
    #: [start, end] of the clause that is the evidence for the event.
    evidence: list[int]
    source: str | None = None
    source_span: list[int] | None = None
    target: str | None = None
    target_span: list[int] | None = None
    location: list[int] | None = None
    quantities: list[list[int]] = field(default_factory=list)
    times: list[list[int]] = field(default_factory=list)
    negated: bool = False
    modality: str = "asserted"
    #: [start, end] of the attribution span the event sits in (layer ``attribution``), or of the actor
    #: mention that reports it ("X said that ..."); None when the speaker asserts it.
    attributed_to: list[int] | None = None
    attributed_actor: str | None = None
    #: Whether the event is said inside quotation marks.
    quoted: bool = False
    #: Whether the event is named by a noun ("the bombing of ...") rather than a verb.
    nominal: bool = False
    lemma: str = ""
    #: When the source (target) is a pronoun resolved to an actor: [start, end] of the actor mention it was
    #: resolved through; ``source_span`` (``target_span``) is the pronoun itself (``podium.actors.coref``).
    source_via: list[int] | None = None
    target_via: list[int] | None = None
    #: [start, end] of each pronoun argument ("they", "it") that could not be resolved to an actor; such
    #: an argument is never given as the source or target.
    unresolved: list[list[int]] = field(default_factory=list)
    #: The state or group the source acts for (Netanyahu -> ISR), None when the source is one itself;
    #: the same for the target (``podium.actors.acting_for``).
    source_acting_for: str | None = None
    target_acting_for: str | None = None
