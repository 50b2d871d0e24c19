"""Third-person pronouns ("they", "them", "their", "he", "him", "his", "she", "her", "it", "its") resolved to
the actors they stand for, or explicitly left unresolved. Rules, no model; "we"/"us"/"our" are the speaker's
side and are ``podium.actors.speaker``'s.

A pronoun followed by a bracketed editorial insertion names its referent there ("they [the Zionists]").
Otherwise the possible referents before it are read backwards, in its own sentence and in the sentences just
before it (two for "they"/"he"/"she", one for "it"), within the same speaker turn:
- an actor mention that agrees with the pronoun: a person for "he"/"she"; a state, organisation, party or
  armed group for "it" and "they"; a plural demonym ("the Americans") or a plural group for "they". An
  actor's adjective counts only before a noun that can be referred to ("the Syrian government", "Israeli
  jets"; not "Syrian territory"), and a name after a locative preposition ("in Syria") is a place;
- a common noun that may be the referent and that the gazetteer does not name ("the enemy", "these people",
  "the analyst"; ``resources/actors/referents.csv``);
- an earlier pronoun of the same kind, whose resolution is inherited.
The nearest one decides: an actor (with the actors coordinated with it, "the Zionist regime and the US")
resolves the pronoun, unless another agreeing actor in the same sentence makes it ambiguous; a common noun
(or a religious figure, "God", "the Prophet", for "he"), an unresolved earlier pronoun, a chain of pronouns
reaching too far back, an ambiguity or nothing leaves it unresolved. Only an actor that opens its clause is
chosen (not one inside a phrase: "with the help of the Americans"), except by a possessive in the same
sentence; a singular name is "they" only in its own sentence ("China, they ..."); "one of them" wants a
plural; "he" and "she" keep the gender a title or an earlier pronoun gave a person; an "it" inside its
clause looks no further than its own sentence. A caller that knows the pronoun's clause may exclude actors
(an object pronoun is not its own clause's subject: in "Hezbollah forced them to ...", "them" is not
Hezbollah). An "it" that opens an expletive ("it is necessary", "it seems") is never resolved. It does not
resolve noun phrases ("the regime").
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from podium.actors.gazetteer import read_resource
from podium.actors.mentions import PLACE_BEFORE, Mention, first_person, speaker_persons
from podium.document import Document

#: The actor id of a pronoun argument that could not be resolved (events keep its span, not an actor).
UNRESOLVED = "?"
#: Pronoun -> the kind of referent it takes.
PRONOUNS = {
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "they"),
    **dict.fromkeys(("he", "him", "his", "himself"), "he"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she"),
    **dict.fromkeys(("it", "its", "itself"), "it"),
}
POSSESSIVE = frozenset({"their", "theirs", "his", "its", "hers"})
#: How many sentences before the pronoun's own are searched, per kind.
WINDOW = {"they": 2, "he": 2, "she": 2, "it": 1}
#: How many sentences back a chain of pronouns may reach its actor, per kind.
CHAIN = {"they": 3, "he": 4, "she": 4, "it": 2}
#: Actor types and the pronouns that may refer to them.
TYPE_KINDS = {
    "person": {"he", "she"},
    "state": {"it", "they"},
    "territory": {"it", "they"},
    "organisation": {"it", "they"},
    "party": {"it", "they"},
    "armed_group": {"it", "they"},
    "military": {"it", "they"},
    "group": {"it", "they"},
}
_PRONOUN = re.compile(
    r"\b(?:[Tt]he(?:y|m|ir|irs|mselves)|[Hh](?:e|im|is|imself|er|ers|erself)|[Ss]he|[Ii]ts?|[Ii]tself)\b"
)
_BRACKET = re.compile(r"\s*\[([^\]\n]{1,60})\]")
_EXPLETIVE = re.compile(
    r"(?:['’]s|\s+(?:is|was|will\s+be|would\s+be|has\s+been|had\s+been|may\s+be|might\s+be|must\s+be|"
    r"seems|seemed|appears|appeared|takes|took|means|meant|matters|happens|happened))\b(?!\s+\w+ing\b)"
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_PRONOUN_BRACKET = re.compile(
    r"\b(?:[Tt]he(?:y|m|ir)|[Hh](?:e|im|is|er)|[Ss]he|[Ii]ts?)\s*\[([^\]\n]{1,60})\]"
)
_PARTITIVE = re.compile(
    r"\b(?:one|some|many|each|all|most|none|any|both|few|several|two|three|either|neither)\s+of\s+$",
    re.IGNORECASE,
)
_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
#: Where a clause starts inside a sentence (a comma alone does not: lists and asides have commas).
_CLAUSE = re.compile(
    r"[;:—–(\[]|\b(?:that|which|who|whom|and|but|because|when|whenever|while|if|so|since|although|though|"
    r"whereas|until|once|where|yet|or|nor)\b",
    re.IGNORECASE,
)
#: Words that may stand between a clause start and its subject.
_LEAD = frozenset(
    """
    the a an this these those our their its his her my your even also only both all yes well now however
    then today indeed so still again of course in fact addition moreover furthermore therefore thus
    meanwhile later first finally dear brave same whole entire other many some most several every each
    """.split()  # noqa: SIM905
)
#: The kind of a singular name that "they" may refer to in its own sentence only.
SINGULAR_THEY = "they1"
_COORD = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PronounLink:
    """A third-person pronoun and what it stands for: ``actors`` empty means unresolved."""

    start: int
    end: int
    sentence: int
    pronoun: str
    kind: str
    actors: tuple[str, ...] = ()
    #: [start, end) of the actor mention each actor was resolved through (aligned with ``actors``).
    antecedents: tuple[tuple[int, int], ...] = ()
    #: How it was decided: bracket, antecedent, chain; or, unresolved: noun, ambiguous, far, none, expletive.
    reason: str = "none"


@dataclass(frozen=True, slots=True)
class _Item:
    """A possible referent: an actor mention, a common noun or an earlier pronoun."""

    start: int
    end: int
    what: str  # actor | noun | pronoun
    kinds: frozenset[str]
    actor: str = ""
    #: Whether an actor opens its sentence or clause (only such actors are chosen as referents).
    subject: bool = True
    link: int = -1  # index of the earlier pronoun's link


@lru_cache(maxsize=1)
def referent_nouns() -> dict[str, frozenset[str]]:
    """Common noun -> the pronoun kinds that may refer to it (``referents.csv``)."""
    lines = [
        line for line in read_resource("referents.csv").splitlines() if line and not line.startswith("#")
    ]
    return {row["noun"]: frozenset(row["pronouns"].split("|")) for row in csv.DictReader(lines)}


class Resolver:
    """Resolves every third-person pronoun of a document once, from its ``actor_mention`` layer; a caller
    may ask again for one pronoun with some actors excluded (``resolve``)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.nouns = referent_nouns()
        self.sentence_starts = [s.start for s in doc.sentences]
        self.mentions: dict[int, list[tuple[int, int, str, str, str]]] = {}
        for span in doc.layer("actor_mention"):
            k = bisect_right(self.sentence_starts, span.start) - 1
            if k >= 0:
                kind = str(span.attrs.get("kind", ""))
                self.mentions.setdefault(k, []).append(
                    (span.start, span.end, span.label, str(span.attrs.get("type", "")), kind)
                )
        self.turn_of = self._turns()
        self.links: list[PronounLink] = []
        self.by_start: dict[int, int] = {}
        self.by_sentence: dict[int, list[int]] = {}
        #: Person actor -> "he" or "she", from a title ("Mr.", "Ms.") or a pronoun already resolved to them.
        self.gender: dict[str, str] = {}
        self._items: dict[int, list[_Item]] = {}
        for k, sentence in enumerate(doc.sentences):
            text = doc.span_text(sentence)
            for m in _PRONOUN.finditer(text):
                start, end = sentence.start + m.start(), sentence.start + m.end()
                if self._inside_mention(k, start, end):
                    continue  # "It" inside a name the gazetteer knows
                word = m.group().lower()
                link = self._resolve(PronounLink(start, end, k, word, PRONOUNS[word]), frozenset())
                self.by_start[start] = len(self.links)
                self.by_sentence.setdefault(k, []).append(len(self.links))
                self.links.append(link)

    # -- public ------------------------------------------------------------------------------------------
    def at(self, start: int, end: int) -> PronounLink | None:
        """The link of the pronoun at ``[start, end)``, if that is a third-person pronoun."""
        i = self.by_start.get(start)
        return self.links[i] if i is not None and self.links[i].end == end else None

    def resolve(self, link: PronounLink, exclude: frozenset[str]) -> PronounLink:
        """``link`` resolved again without the actors in ``exclude`` (its own clause's other argument)."""
        return self._resolve(
            PronounLink(link.start, link.end, link.sentence, link.pronoun, link.kind), exclude
        )

    # -- resolution --------------------------------------------------------------------------------------
    def _resolve(self, link: PronounLink, exclude: frozenset[str]) -> PronounLink:
        text = self.doc.text
        if link.pronoun == "it" and _EXPLETIVE.match(text, link.end):
            return _with(link, reason="expletive")
        bracket = _BRACKET.match(text, link.end)
        if bracket:
            inside = [
                (s, e, actor)
                for s, e, actor, _, kind in self.mentions.get(link.sentence, [])
                if bracket.start(1) <= s and e <= bracket.end(1) and kind != "pronoun"
            ]
            if inside:
                return _with(link, [a for _, _, a in inside], [(s, e) for s, e, _ in inside], "bracket")
        k0 = link.sentence
        turn = self.turn_of[k0]
        partitive = _PARTITIVE.search(text, max(0, link.start - 20), link.start) is not None
        opens = _subject_like(text, self.doc.sentences[k0].start, link.start)
        for k in range(k0, max(-1, k0 - WINDOW[link.kind] - 1), -1):
            if self.turn_of[k] != turn or (k < k0 and link.kind == "it" and not opens):
                break  # an "it" inside its clause refers to something in its own sentence, if anything
            items = [
                i
                for i in [*self._sentence_items(k), *self._pronoun_items(k)]
                if i.end <= link.start
                and _agrees(link, i, k)
                and not (partitive and "they" not in i.kinds)  # "one of them": a plural
                and self.gender.get(i.actor, link.kind) == link.kind  # "Ms. Ford ... his friend"
            ]
            items.sort(key=lambda i: i.start)
            for n in range(len(items) - 1, -1, -1):
                item = items[n]
                if item.what == "noun":
                    return _with(link, reason="noun")
                if item.what == "pronoun":
                    earlier = self.links[item.link]
                    if earlier.actors and set(earlier.actors) <= exclude:
                        continue
                    reach = k0 - self._sentence_of(earlier.antecedents[0][0]) if earlier.antecedents else 0
                    if reach > CHAIN[link.kind]:
                        return _with(link, reason="far")  # a long chain of pronouns: too far to be sure
                    kept = [
                        (a, s)
                        for a, s in zip(earlier.actors, earlier.antecedents, strict=True)
                        if a not in exclude
                    ]
                    return _with(link, [a for a, _ in kept], [s for _, s in kept], "chain")
                # a possessive may own anything named before it in its sentence ("thanks the US for its
                # support"), so there every agreeing actor counts, and two of them make it ambiguous
                near = link.pronoun in POSSESSIVE and k == link.sentence
                if item.actor in exclude or not (item.subject or near):
                    continue
                group = self._coordinated(items, n, exclude)
                actors = {i.actor for i in group}
                if any(
                    i.what == "actor"
                    and i.actor not in actors | exclude
                    and (i.subject or near or link.kind == "he")
                    for i in items
                ):
                    return _with(link, reason="ambiguous")  # "Putin called Erdogan, and he ..."
                if len(actors) > 1 and link.kind != "they":
                    return _with(link, reason="ambiguous")  # "Israel and the US ... its": one of them
                seen: dict[str, tuple[int, int]] = {}
                for i in group:
                    seen.setdefault(i.actor, (i.start, i.end))
                if link.kind in ("he", "she") and len(seen) == 1:
                    self.gender.setdefault(next(iter(seen)), link.kind)
                return _with(link, list(seen), list(seen.values()), "antecedent")
        return _with(link, reason="none")

    def _coordinated(self, items: list[_Item], n: int, exclude: frozenset[str]) -> list[_Item]:
        """The actor item ``n`` and the actor items coordinated with it ("Hamas, Jihad and Hezbollah")."""
        text = self.doc.text
        group = [items[n]]
        j = n - 1
        while j >= 0 and items[j].what == "actor" and _COORD.fullmatch(text, items[j].end, group[0].start):
            if items[j].actor not in exclude:
                group.insert(0, items[j])
            j -= 1
        return group

    def _sentence_items(self, k: int) -> list[_Item]:
        cached = self._items.get(k)
        if cached is not None:
            return cached
        sentence = self.doc.sentences[k]
        text = self.doc.text
        items: list[_Item] = []
        taken: list[tuple[int, int]] = []
        brackets = [b.span(1) for b in _PRONOUN_BRACKET.finditer(text, sentence.start, sentence.end)]
        for start, end, actor, type_, kind in self.mentions.get(k, []):
            if kind == "pronoun" or actor == UNRESOLVED:
                continue
            taken.append((start, end))
            if any(s <= start and end <= e for s, e in brackets):
                continue  # "their [the Zionists’]": the pronoun stands for it
            kinds = self._mention_kinds(text, start, end, type_, kind)
            if not kinds:
                continue
            title = _TITLE.search(text, max(0, start - 6), start)
            if type_ == "person" and title:
                self.gender.setdefault(
                    actor, "she" if title.group(1).lower() in ("ms", "mrs", "miss") else "he"
                )
            owner = text[end : end + 1] in ("'", "’")  # "Khweis’ lawyer": the lawyer is the subject
            items.append(
                _Item(
                    start,
                    end,
                    "actor",
                    kinds,
                    actor,
                    not owner and _subject_like(text, sentence.start, start),
                )
            )
        first = -1
        for m in _WORD.finditer(text, sentence.start, sentence.end):
            word = m.group()
            first = m.start() if first < 0 else first
            opening = m.start() == first  # "Those who ...", "People say ..."
            kinds = self.nouns.get(word) or (
                self.nouns.get(word.lower()) if word[0].islower() or opening else None
            )
            if kinds is None or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if self._after_actor(items, text, m.start()) or self._of_actor(k, text, m.end()):
                continue  # "the Syrian government", "the army of Karsten": the actor, already an item
            items.append(_Item(m.start(), m.end(), "noun", kinds))
        items.sort(key=lambda i: i.start)
        self._items[k] = items
        return items

    def _sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def _pronoun_items(self, k: int) -> list[_Item]:
        """The pronouns of sentence ``k`` resolved so far (earlier ones in the text)."""
        return [
            _Item(link.start, link.end, "pronoun", frozenset({link.kind}), link=i)
            for i in self.by_sentence.get(k, [])
            if (link := self.links[i]).reason != "expletive"
        ]

    def _mention_kinds(self, text: str, start: int, end: int, type_: str, kind: str) -> frozenset[str]:
        before = _WORD.findall(text[max(0, start - 30) : start])
        if before and before[-1].lower() in PLACE_BEFORE:
            return frozenset()  # "in Syria", "close to Damascus": a place
        surface = text[start:end]
        if kind == "adjective":
            if surface.endswith("s"):
                return frozenset({"they"})  # "the Americans"
            noun = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
            return self.nouns.get(noun.group().lower(), frozenset()) - {"he"} if noun else frozenset()
        if type_ == "gpe":
            return frozenset()  # an unknown place name
        kinds = TYPE_KINDS.get(type_, frozenset())
        if type_ in ("group", "armed_group") and surface.endswith("s") and not surface.isupper():
            return frozenset({"they"})  # "the Zionists", "the Houthis"
        if "they" in kinds:  # a singular name is "they" only in its own sentence ("China, they ...")
            kinds = (kinds - {"they"}) | {SINGULAR_THEY}
        return frozenset(kinds)

    def _after_actor(self, items: list[_Item], text: str, start: int) -> bool:
        """A noun right after an actor's name, adjective or possessive ("Syrian government")."""
        for item in items:
            if item.what == "actor" and 0 <= start - item.end <= 4:
                gap = text[item.end : start]
                if re.fullmatch(r"(?:['’]s)?\s+(?:own\s+)?", gap):
                    return True
        return False

    def _of_actor(self, k: int, text: str, end: int) -> bool:
        """A noun followed by "of" and an actor ("the army of Karsten")."""
        m = re.compile(r"\s+of\s+(?:the\s+)?").match(text, end)
        return m is not None and any(s == m.end() for s, *_ in self.mentions.get(k, []))

    def _inside_mention(self, k: int, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e, *_ in self.mentions.get(k, []))

    def _turns(self) -> list[int]:
        """The index of the turn each sentence is in (-1 outside any turn)."""
        turns = self.doc.turns
        out, t = [], 0
        for sentence in self.doc.sentences:
            while t < len(turns) and turns[t].end <= sentence.start:
                t += 1
            out.append(t if t < len(turns) and turns[t].start <= sentence.start else -1)
        return out


def _agrees(link: PronounLink, item: _Item, k: int) -> bool:
    """Whether ``item`` (in sentence ``k``) may be what ``link`` refers to."""
    return link.kind in item.kinds or (
        link.kind == "they" and SINGULAR_THEY in item.kinds and k == link.sentence
    )


def _subject_like(text: str, sentence_start: int, start: int) -> bool:
    """An actor at ``start`` that opens its sentence or clause, after at most a few determiners or
    adverbs ("The Syrian government ...", "..., but the US ..."): a likely referent. One inside a phrase
    ("with the help of the Americans", "bombing Gaza", "In other words, the Islamic Republic") is not."""
    lead = text[sentence_start:start]
    cut = max((m.end() for m in _CLAUSE.finditer(lead)), default=0)
    words = _WORD.findall(lead[cut:])
    return len(words) <= 4 and all(w.lower() in _LEAD for w in words)


def _with(
    link: PronounLink,
    actors: list[str] | None = None,
    antecedents: list[tuple[int, int]] | None = None,
    reason: str = "none",
) -> PronounLink:
    return PronounLink(
        link.start,
        link.end,
        link.sentence,
        link.pronoun,
        link.kind,
        tuple(actors or ()),
        tuple(antecedents or ()),
        reason,
    )


def resolver(doc: Document) -> Resolver:
    """The document's resolver, built once from its ``actor_mention`` layer (kept in ``doc.cache``)."""
    layer = doc.layer("actor_mention")
    cached = doc.cache.get("coref")
    if cached is None or cached[0] is not layer or cached[1] != len(layer):
        cached = doc.cache["coref"] = (layer, len(layer), Resolver(doc))
    return cached[2]


def add_pronoun_mentions(
    doc: Document, by_sentence: dict[int, list[Mention]], persons: list[str | None] | None = None
) -> Resolver:
    """Add the document's third-person pronouns to its per-sentence actor mentions, for the event
    extractor: a resolved pronoun as a "coref" mention of each actor it stands for, an unresolved one as a
    mention of ``UNRESOLVED``; the speaker's "I" as a "pronoun" mention of the speaker in person when the
    gazetteer knows them (``persons``: per sentence, as ``speaker_persons`` gives it; found here when not
    given). Only sentences that already mention an actor get them, so no sentence is parsed for its
    pronouns alone (the parse is what events cost)."""
    coref = resolver(doc)
    for link in coref.links:
        here = by_sentence.get(link.sentence)
        if here is None or link.reason == "expletive":
            continue
        if link.actors:
            for actor, antecedent in zip(link.actors, link.antecedents, strict=True):
                here.append(Mention(link.start, link.end, actor, "coref", link.sentence, antecedent))
        else:
            here.append(Mention(link.start, link.end, UNRESOLVED, "coref", link.sentence))
    if persons is None:
        persons = speaker_persons(doc) if by_sentence else []
    for index, here in by_sentence.items():  # "I thank China": the speaker in person, as real text codes it
        person = persons[index] if index < len(persons) else None
        if person is None:
            continue
        sentence = doc.sentences[index]
        for start, end in first_person(doc.span_text(sentence)):
            here.append(Mention(sentence.start + start, sentence.start + end, person, "pronoun", index))
    for mentions in by_sentence.values():
        mentions.sort(key=lambda m: (m.start, m.end))
    return coref


def rebound(coref: Resolver, mentions: list[Mention], exclude: set[str]) -> list[Mention]:
    """``mentions`` with each pronoun that names one of ``exclude`` (its own clause's other argument)
    resolved again without them: in "Hezbollah forced them to ...", "them" is not Hezbollah."""
    out: list[Mention] = []
    done: set[tuple[int, int]] = set()
    for m in mentions:
        if m.kind != "coref" or m.actor not in exclude:
            out.append(m)
            continue
        if (m.start, m.end) in done:
            continue
        done.add((m.start, m.end))
        link = coref.at(m.start, m.end)
        again = coref.resolve(link, frozenset(exclude)) if link is not None else None
        if again is None or not again.actors:
            out.append(Mention(m.start, m.end, UNRESOLVED, "coref", m.sentence))
            continue
        for actor, antecedent in zip(again.actors, again.antecedents, strict=True):
            out.append(Mention(m.start, m.end, actor, "coref", m.sentence, antecedent))
    return out
