"""Whom a person or a unit acts for: the roll-up from a president, a general, a militia commander or an army
to the state or group behind them.

- A gazetteer person acts for their ``state`` (Netanyahu -> Israel, Nasrallah -> Hezbollah); a state's
  military, intelligence service or parliament (the IRGC, the Mossad, the Majlis) for that state; a state or
  a group for nobody but itself (no roll-up).
- A person the gazetteer does not know acts for the state or group named right before them with only role
  words between ("Iranian Foreign Minister Sameh Arvani", "Hamas commander Yousef Darwish", "Israel's
  army chief Eyal Ben-Ari") or right after them in apposition ("Yousef Darwish, a Hamas commander,").
``acting_for`` is never the actor itself. It does not decide who did what (``podium.analysers.events``).
"""

from __future__ import annotations

import re
from collections import Counter

from podium.actors.gazetteer import ActorEntry, Gazetteer
from podium.actors.mentions import Mention
from podium.actors.records import Actor, Event
from podium.document import Document

#: Types that roll up to their ``state``; others (states, parties, groups) stand for themselves.
ROLL_UP_TYPES = frozenset({"person", "military", "organisation", "armed_group"})
#: Types a person can act for.
PRINCIPAL_TYPES = frozenset(
    {"state", "territory", "armed_group", "party", "organisation", "military", "group"}
)
#: Words that may stand between a state or group and a person's name ("Iranian Foreign Minister").
ROLE_WORDS = frozenset(
    re.findall(
        r"\S+",
        """president vice prime minister foreign deputy secretary general secretary-general chancellor king
        queen crown prince emir sultan sheikh imam ayatollah supreme leader commander chief army military
        militia navy naval air force forces defence defense interior intelligence security spokesman
        spokeswoman spokesperson ambassador envoy delegate negotiator diplomat official officer adviser
        advisor aide top senior former acting head colonel col. gen. brigadier major admiral marshal
        field lt. lieutenant captain sergeant soldier fighter cleric senator governor mayor speaker
        chairman chair representative member lawmaker legislator ministry 's ’s of the staff special
        national central regional deputy-leader co-founder founder""",
    )
)
_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w.’'-]+){0,5}\s+")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+")


def rolled_up(entry: ActorEntry | None) -> str | None:
    """The state or group a gazetteer actor acts for, or None (a state, or nothing known)."""
    if entry is None or entry.type not in ROLL_UP_TYPES or not entry.state or entry.state == entry.id:
        return None
    return entry.state


def assign(doc: Document, actors: list[Actor], mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """Set ``acting_for`` on the actor records: the gazetteer's roll-up, else what the text around an
    unknown person's mentions says."""
    context = _context_votes(doc, mentions, gazetteer)
    for actor in actors:
        entry = gazetteer.actors.get(actor.id)
        if entry is not None:
            actor.acting_for = rolled_up(entry)
        elif actor.type == "person" and context.get(actor.id):
            actor.acting_for = context[actor.id].most_common(1)[0][0]


def roll_up_events(events: list[Event], actors: list[Actor]) -> None:
    """Set ``source_acting_for``/``target_acting_for`` on events from their actors' records."""
    acting = {a.id: a.acting_for for a in actors}
    for event in events:
        event.source_acting_for = acting.get(event.source) if event.source else None
        event.target_acting_for = acting.get(event.target) if event.target else None


def _context_votes(doc: Document, mentions: list[Mention], gazetteer: Gazetteer) -> dict[str, Counter[str]]:
    votes: dict[str, Counter[str]] = {}
    for i, m in enumerate(mentions):
        if m.kind != "ner" or m.actor in gazetteer.actors:
            continue
        principal = _before(doc, mentions, i, gazetteer) or _after(doc, mentions, i, gazetteer)
        if principal is not None and principal != m.actor:
            votes.setdefault(m.actor, Counter())[principal] += 1
    return votes


def _principal(mention: Mention, gazetteer: Gazetteer) -> str | None:
    entry = gazetteer.actors.get(mention.actor)
    if entry is None or entry.type not in PRINCIPAL_TYPES:
        return None
    return rolled_up(entry) or entry.id


def _roles_only(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"[\w.’'-]+", text)]
    return all(w in ROLE_WORDS for w in words) and any(w not in ("the", "of", "'s", "’s") for w in words)


def _before(doc: Document, mentions: list[Mention], i: int, gazetteer: Gazetteer) -> str | None:
    """ "Iranian Foreign Minister X", "Hamas commander X", "the army of Karsten's general X"."""
    m = mentions[i]
    for j in range(i - 1, max(-1, i - 3), -1):
        p = mentions[j]
        if p.sentence != m.sentence or m.start - p.end > 60:
            return None
        gap = doc.text[p.end : m.start]
        if _GAP.fullmatch(gap) and _roles_only(gap):
            return _principal(p, gazetteer)
    return None


def _after(doc: Document, mentions: list[Mention], i: int, gazetteer: Gazetteer) -> str | None:
    """ "X, a Hamas commander," / "X, the Iranian foreign minister"."""
    m = mentions[i]
    if i + 1 >= len(mentions):
        return None
    p = mentions[i + 1]
    if p.sentence != m.sentence:
        return None
    gap = doc.text[m.end : p.start]
    if not (_APPOSITION.fullmatch(gap) or gap == ", "):
        return None
    tail = re.match(r"[\w.’'\s-]{0,40}?(?=[,.;]|$)", doc.text[p.end : p.end + 41])
    if tail is None or not tail.group().strip() or not _roles_only(tail.group()):
        return None
    return _principal(p, gazetteer)
