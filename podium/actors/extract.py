"""Events from one parsed sentence: triggers from the lexicon, roles from the parse, then location, linked
quantity and time spans, negation, modality, attribution and quotation.

A trigger gives one event per (source, target) pair, so coordinated actors give several events. Fallbacks:
a missing target of an attack or coercion on "300 locations in Syria" is the state it happens in; a missing
target of a demand or accusation is the subject of the clause it governs ("demand that X withdraw").
A pronoun argument stands for the actor ``podium.actors.coref`` resolved it to (``source_via``/``target_via``
give the antecedent), re-resolved without the clause's other argument; one left unresolved is kept in
``unresolved``, never as an actor. An event needs at least one actor. This module does not choose which
sentences to parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from podium.actors.coref import UNRESOLVED, Resolver, rebound
from podium.actors.lexicon import NAMED_OBJECT, Lexicon, Trigger
from podium.actors.mentions import Mention
from podium.actors.modality import modality, negated
from podium.actors.quotes import inside
from podium.actors.records import Event
from podium.actors.roles import LOCATION_PREPS, TARGET_PREPS, Roles, pobjs

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

REPORT_VERBS = {
    "say",
    "claim",
    "admit",
    "report",
    "announce",
    "state",
    "allege",
    "confirm",
    "acknowledge",
    "declare",
    "tell",
    "write",
    "assert",
    "insist",
    "boast",
}
LOCATION_TYPES = {"state", "territory", "gpe"}
FALLBACK_LOCATION_TARGET = {"ASSAULT", "COERCE"}
CLAUSE_SPLIT = {"conj", "ccomp", "advcl", "parataxis"}
POSSESSIVES = {"his", "its", "their", "theirs"}
#: Particles that are prepositions taking the target ("call on X"); others ("out", "over") are adverbs.
PREPOSITIONS = {"on", "upon", "at", "against", "with", "to", "into", "by", "for", "from", "in"}


@dataclass(slots=True)
class SentenceInput:
    index: int
    offset: int
    sdoc: SpacyDoc
    mentions: list[Mention]
    #: Absolute [start, end) of places (gazetteer places, GPE/LOC entities, state mentions).
    places: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    quantities: list[tuple[int, int]]
    times: list[tuple[int, int]]
    attributions: list[tuple[int, int]]
    #: The document's pronoun resolver, when ``mentions`` include its pronouns (``podium.actors.coref``).
    coref: Resolver | None = None
    #: The gazetteer person who speaks the sentence (a transcript turn's or the document's speaker), if any.
    speaker: str | None = None


#: Objects that make "provide", "give" or "offer" a matter of words, not aid ("the description we have
#: provided", "gave an explanation").
WORD_OBJECTS = {
    "description",
    "explanation",
    "information",
    "answer",
    "account",
    "detail",
    "example",
    "overview",
    "picture",
    "analysis",
    "update",
    "briefing",
    "testimony",
    "statement",
    "opinion",
    "view",
    "comment",
    "interview",
    "speech",
    "insight",
    "clarification",
    "summary",
    "reason",
    "response",
    "definition",
}

#: spaCy entity types of a named object (``NAMED_OBJECT``).
_NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


#: In ``object``: a clause after the verb that names force or consequences ("warned that any attack would be
#: met with force"), not a danger ("warned that the plague could spread").
THREAT_CLAUSE = "@threat"
CONSEQUENCES = frozenset(
    """
    force retaliate retaliation respond response consequence price punish punishment destroy destruction
    annihilate obliterate crush strike retribution revenge avenge regret war fury fire
    """.split()  # noqa: SIM905
)


def find_trigger(tok: Token, lexicon: Lexicon) -> tuple[Trigger, bool] | None:
    """(trigger, nominal) for a token, or None."""
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "VBG":
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
        for trig in lexicon.lookup("verb", tok.lemma_):
            if (trig.particle is None or trig.particle in particles) and (
                not trig.objects or idiom_objects(tok, trig)
            ):
                return trig, False
    if tok.pos_ in ("NOUN", "PROPN"):
        found = lexicon.lookup("noun", tok.lemma_) or lexicon.lookup("noun", tok.lower_)
        if found:
            return found[0], True
    return None


def idiom_objects(verb: Token, trig: Trigger) -> list[Token]:
    """The verb's objects (or its particle's objects) that make ``trig``'s idiom ("the back" of "break the
    back of"), if any."""
    named = NAMED_OBJECT in trig.objects  # "received President Lula"
    found = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "oprd")
        and (
            c.lemma_.lower() in trig.objects or (named and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED_ENTS))
        )
    ]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in (trig.particle, "with", "to")):
        found += [p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in trig.objects]
    if THREAT_CLAUSE in trig.objects:  # "warned that any attack would be met with overwhelming force"
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl")):
            found += [t for t in clause.subtree if t.lemma_.lower() in CONSEQUENCES]
    return found


def _in_idiom(tok: Token, lexicon: Lexicon) -> bool:
    """A noun that is the object of a verb idiom ("cut off aid to X" is no AID event)."""
    head = tok.head if tok.dep_ in ("dobj", "oprd") else tok.head.head if tok.dep_ == "pobj" else None
    hit = find_trigger(head, lexicon) if head is not None and head is not tok else None
    return hit is not None and tok in idiom_objects(head, hit[0])  # type: ignore[arg-type]


def sentence_events(inp: SentenceInput, lexicon: Lexicon) -> list[Event]:
    roles = Roles(inp.offset, inp.mentions, lexicon.light)
    events: list[Event] = []
    seen: set[tuple] = set()
    for tok in inp.sdoc:
        hit = find_trigger(tok, lexicon)
        if hit is None or roles.mention_at(tok) is not None or (hit[1] and _in_idiom(tok, lexicon)):
            continue
        trig, nominal = hit
        if trig.type == "AID" and not nominal and _word_object(tok):
            continue
        light = None
        if nominal:
            sources, targets, light = roles.noun_roles(tok)
        else:
            sources, targets = roles.verb_roles(tok)
            targets = [m for m in targets if not _possessive(inp, m)]  # "withdraw its forces from X"
            event_objects = [c for c in tok.children if c.dep_ == "dobj" and _is_event_noun(c, lexicon)]
            if not targets and event_objects and trig.type in ("ACCUSE", "REJECT", "SUPPORT", "DEMAND"):
                # "condemn the aggression of X (against Y)": X is the one accused; Y belongs to the noun
                targets = [m for c in event_objects for m in roles.noun_roles(c)[0]]
            elif not targets:
                targets = _prep_targets(roles, tok, trig)
            if not targets and trig.objects:  # "broke the back of X", "cut off aid to X"
                for obj in idiom_objects(tok, trig):
                    targets += roles.prep_actors(obj, TARGET_PREPS | {"of"})
        if not sources and targets and _speakers_own(inp, tok):  # "Thank you, Chris", "Congratulations to X"
            at = inp.offset + tok.idx
            sources = [Mention(at, at + len(tok.text), str(inp.speaker), "pronoun", inp.index)]
        if not targets and not nominal and tok.lemma_.lower() in NEEDS_TARGET:
            continue
        if not targets and trig.type in ("DEMAND", "ACCUSE", "REQUEST"):
            targets = [m for c in tok.children if c.dep_ == "ccomp" for m in roles.subject_of(c)]
        if not targets and trig.type in ("THREATEN", "DEMAND", "REQUEST"):  # "threaten to annihilate X"
            targets = [m for c in tok.children if c.dep_ == "xcomp" for m in roles.verb_roles(c)[1]]
        location = _location(inp, tok)
        if not targets and trig.type in FALLBACK_LOCATION_TARGET:
            targets = _location_actor(inp, roles, tok, light)
        if inp.coref is not None:  # a pronoun is not its own clause's other argument
            targets = _bind(inp, roles, targets, sources)
            sources = _bind(inp, roles, sources, targets)
        if not _named(sources) and not _named(targets):
            continue
        for src in sources or [None]:
            for tgt in targets or [None]:
                if src is not None and tgt is not None and src.actor == tgt.actor:
                    continue
                key = (tok.i, trig.type, src and src.actor, tgt and tgt.actor)
                if key in seen:
                    continue
                seen.add(key)
                events.append(_event(inp, tok, trig, nominal, light, src, tgt, location))
    return _drop_subsumed(events)


#: Verbs a speaker uses without a subject to thank or greet someone present ("Thank you, Chris").
SPEAKERS_OWN = frozenset({"thank", "congratulate", "salute", "commend", "applaud", "recognize"})
#: Thanks are events only when someone named is thanked ("I thank you all" is none; "welcomed the
#: ceasefire" is support without one).
NEEDS_TARGET = frozenset({"thank", "congratulate", "salute"})


def _speakers_own(inp: SentenceInput, tok: Token) -> bool:
    """Whether ``tok`` is a subjectless thanks or greeting of the sentence's known speaker, outside quotes."""
    if inp.speaker is None or tok.lemma_.lower() not in SPEAKERS_OWN or tok.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    return not inside(inp.quotes, tok.idx, tok.idx + len(tok.text))


def _bind(inp: SentenceInput, roles: Roles, mentions: list[Mention], others: list[Mention]) -> list[Mention]:
    """``mentions`` with each pronoun re-resolved if it named the event's other argument or, as an object,
    its own verb's subject ("Hezbollah ... forced them to ...": "them" is not Hezbollah)."""
    if inp.coref is None:
        return mentions
    exclude = {m.actor for m in others} - {UNRESOLVED}
    for m in mentions:
        if m.kind == "coref" and m.actor != UNRESOLVED:
            tok = next((t for t in inp.sdoc if inp.offset + t.idx == m.start), None)
            verb = None
            if tok is not None and tok.dep_ in ("dobj", "dative", "oprd", "attr"):
                verb = tok.head
            elif tok is not None and tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
                verb = tok.head.head
            if verb is not None:
                exclude |= {s.actor for s in roles.subject_of(verb) if (s.start, s.end) != (m.start, m.end)}
    exclude.discard(UNRESOLVED)
    return rebound(inp.coref, mentions, exclude) if exclude else mentions


def _word_object(verb: Token) -> bool:
    """Whether what ``verb`` gives is words ("provided a description", "the account we gave")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl":
        objects.append(verb.head)
    return any(o.lemma_.lower() in WORD_OBJECTS for o in objects)


def _possessive(inp: SentenceInput, m: Mention) -> bool:
    """A possessive pronoun ("his troops", "its forces"): the object is the owner's, not a target."""
    word = inp.sdoc.text[m.start - inp.offset : m.end - inp.offset]
    return m.kind == "coref" and word.lower() in POSSESSIVES


def _named(mentions: list[Mention]) -> bool:
    """Whether any of ``mentions`` names an actor (an unresolved pronoun does not)."""
    return any(m.actor != UNRESOLVED for m in mentions)


def _is_event_noun(tok: Token, lexicon: Lexicon) -> bool:
    hit = find_trigger(tok, lexicon)
    return hit is not None and hit[1]


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """Drop an event that another event of the same type in the sentence completes (a verb and its noun:
    "signed an agreement with X" gives one AGREE event, not one with and one without X)."""

    def covers(a: Event, b: Event) -> bool:
        return (
            a is not b
            and a.type == b.type
            and (b.source is None or a.source == b.source)
            and (b.target is None or a.target == b.target)
            and (a.source, a.target) != (b.source, b.target)
        )

    return [e for e in events if not any(covers(o, e) for o in events)]


def _prep_targets(roles: Roles, verb: Token, trig: Trigger) -> list[Mention]:
    preps = {"against", "on", "upon", "at", "with", "to", "toward", "towards", "for", "between"}
    if trig.particle in PREPOSITIONS:  # "call on X", "fire at X": only that preposition
        preps = {trig.particle}
    elif trig.particle:  # "take over X", "rain rockets down on X": the particle's object or the usual ones
        preps = preps | {trig.particle}
    if trig.type in ("RETREAT", "DEMAND", "REQUEST"):  # "withdraw from X"; "demanded records from X"
        preps = preps | {"from"}
    found = roles.prep_actors(verb, preps)
    if not found and trig.type in ("DEMAND", "REQUEST"):  # "from X" under the object: "asked for help from X"
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "prep")):
            found += roles.prep_actors(obj, {"from"}) if obj.dep_ == "dobj" else []
            found += [m for o in obj.children if o.dep_ == "pobj" for m in roles.prep_actors(o, {"from"})]
    return found


def _location(inp: SentenceInput, tok: Token) -> list[int] | None:
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
    for pobj in (p for head in heads for p in pobjs(head, LOCATION_PREPS)):
        for t in pobj.subtree:
            start = inp.offset + t.idx
            for s, e in inp.places:
                if s <= start < e:
                    return [s, e]
    return None


def _location_actor(inp: SentenceInput, roles: Roles, tok: Token, light: Token | None) -> list[Mention]:
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
    if light is not None:
        heads.append(light)
    out = []
    for head in heads:
        for pobj in pobjs(head, {"in", "inside", "across", "throughout"}):
            m = roles.mention_at(pobj)
            if m is not None and m.kind not in ("pronoun", "coref"):
                out.append(m)
    return out


def _clause_tokens(tok: Token, light: Token | None) -> list[Token]:
    root = light if light is not None else tok
    out: list[Token] = []
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_SPLIT or (t is root and c is tok))
    return out


def _event(
    inp: SentenceInput,
    tok: Token,
    trig: Trigger,
    nominal: bool,
    light: Token | None,
    src: Mention | None,
    tgt: Mention | None,
    location: list[int] | None,
) -> Event:
    clause = _clause_tokens(tok, light)
    starts = [inp.offset + t.idx for t in clause]
    ends = [inp.offset + t.idx + len(t.text) for t in clause]
    lo, hi = min(starts), max(ends)
    for m in (src, tgt):
        if m is not None and m.sentence == inp.index:
            lo, hi = min(lo, m.start), max(hi, m.end)
    token_starts = set(starts)
    trigger = [inp.offset + tok.idx, inp.offset + tok.idx + len(tok.text)]
    attributed, attributed_actor = _attribution(inp, tok, trigger)
    src, tgt, unresolved = _known(src), _known(tgt), [[m.start, m.end] for m in (src, tgt) if _unknown(m)]
    return Event(
        id="",
        type=trig.type,
        sentence=inp.index,
        trigger=trigger,
        evidence=[lo, hi],
        source=src.actor if src else None,
        source_span=[src.start, src.end] if src else None,
        target=tgt.actor if tgt else None,
        target_span=[tgt.start, tgt.end] if tgt else None,
        location=location,
        quantities=[[s, e] for s, e in inp.quantities if _any_in(token_starts, s, e)],
        times=[[s, e] for s, e in inp.times if _any_in(token_starts, s, e)],
        negated=negated(tok, light),
        modality=modality(tok, light),
        attributed_to=attributed,
        attributed_actor=attributed_actor,
        quoted=inside(inp.quotes, trigger[0] - inp.offset, trigger[1] - inp.offset),
        nominal=nominal,
        lemma=trig.lemma,
        source_via=list(src.antecedent) if src and src.antecedent else None,
        target_via=list(tgt.antecedent) if tgt and tgt.antecedent else None,
        unresolved=unresolved,
    )


def _unknown(m: Mention | None) -> bool:
    return m is not None and m.actor == UNRESOLVED


def _known(m: Mention | None) -> Mention | None:
    """``m``, or None for a pronoun left unresolved (its span goes to the event's ``unresolved``)."""
    return None if m is None or m.actor == UNRESOLVED else m


def _any_in(starts: set[int], s: int, e: int) -> bool:
    return any(s <= x < e for x in starts)


def _attribution(inp: SentenceInput, tok: Token, trigger: list[int]) -> tuple[list[int] | None, str | None]:
    for s, e in inp.attributions:
        if s <= trigger[0] and trigger[1] <= e:
            return [s, e], None
    cur = tok
    roles = Roles(inp.offset, inp.mentions)
    for _ in range(5):
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in REPORT_VERBS:
            who = roles.subject_of(cur.head)
            if who:
                return [who[0].start, who[0].end], who[0].actor if who[0].actor != UNRESOLVED else None
        if cur.head is cur:
            break
        cur = cur.head
    for t in tok.sent:
        if t.lower_ == "according":
            who = roles.prep_actors(t, {"to"})
            if who:
                return [who[0].start, who[0].end], who[0].actor
    return None, None
