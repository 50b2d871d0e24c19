"""Who is the source and who the target of a trigger, read off a spaCy dependency parse.

Handles active and passive voice ("were bombed by"), coordinated actors ("the Zionist regime and the US"),
actors as modifiers ("Israeli jets", "Karsten's army", "the army of Karsten"), subjects shared by
coordinated or controlled verbs ("has occupied ... and bombed", "urged Iran to stop"), relative clauses,
and nominal events ("the bombing of 300 locations by ...", "imposed sanctions on Russia").
It works on one sentence's parse and the actor mentions inside it; it does not decide event types.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from podium.actors.lexicon import load_lexicon
from podium.actors.mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

MOD_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
#: Nouns whose "of" names who they belong to ("the army of Karsten").
GROUP_NOUNS = {
    "army",
    "force",
    "military",
    "troop",
    "soldier",
    "government",
    "regime",
    "jet",
    "aircraft",
    "plane",
    "navy",
    "militia",
    "official",
    "leader",
    "minister",
    "president",
    "administration",
    "people",
    "nation",
    "drone",
    "missile",
    "tank",
    "artillery",
    "fighter",
    "agent",
    "officer",
    "investigator",
    "authority",
    "ally",
    "proxy",
    "air",
    "delegation",
    "parliament",
    "state",
    "country",
    "side",
    "camp",
    "unit",
    "brigade",
    "police",
    "warship",
}
#: Private persons: a nationality adjective says where they are from, not that a state acts or is acted on
#: ("a 38-year-old Mexican citizen was arrested": no event against Mexico).
PRIVATE_PERSONS = {
    "citizen", "national", "man", "woman", "immigrant", "migrant", "alien", "resident", "teen", "teenager",
    "boy", "girl", "student", "worker", "mother", "father", "son", "daughter", "child", "family", "tourist",
    "individual", "person", "native", "passenger", "driver", "couple", "husband", "wife", "employee",
}  # fmt: skip
#: Group nouns whose "with" names the body they serve ("officers with ICE", "agents with the FBI").
SERVING = {"officer", "agent", "official", "soldier", "troop", "investigator", "inspector", "staff"}
QUANTITY_NOUNS = {"thousand", "hundred", "dozen", "million", "number", "many", "some", "most", "all", "score"}
TARGET_PREPS = {"against", "on", "upon", "at", "with", "to", "toward", "towards", "into"}
LOCATION_PREPS = {"in", "at", "near", "inside", "across", "throughout", "around", "outside", "over", "within"}
RELATIVE = {"who", "which", "that", "whom"}
#: Verbs of perception: in "I saw the plane dropping bombs" the participle's doer is the object, not "I".
PERCEPTION = {"see", "watch", "hear", "witness", "notice", "observe", "spot", "film", "photograph"}
#: Nouns after "in" whose "of" names the one helped, not the helper ("stood up in support of Gaza").
IN_FAVOUR_OF = {"support", "defence", "defense", "solidarity", "favour", "favor", "aid", "assistance"}
#: Event nouns whose "of" names the doer ("the aggression of X"), not the one it is done to.
AGENT_OF = {
    "aggression",
    "support",
    "backing",
    "threat",
    "withdrawal",
    "retreat",
    "cooperation",
    "assistance",
    "aid",
    "demand",
    "request",
    "rejection",
    "veto",
    "protest",
    "deployment",
    "crime",
    "condemnation",
    "criticism",
    "accusation",
    "solidarity",
    "offensive",
    "buildup",
    "mobilization",
    "funding",
    "appeal",
}


class Roles:
    """Finds actor mentions for the arguments of triggers in one parsed sentence."""

    def __init__(self, offset: int, mentions: list[Mention], light: frozenset[str] | None = None) -> None:
        self.offset = offset
        self.mentions = mentions
        #: Light verbs ("launch", "impose", "put"), from the event lexicon unless given.
        self.light = light if light is not None else load_lexicon().light

    def mention_at(self, tok: Token) -> Mention | None:
        start = self.offset + tok.idx
        end = start + len(tok.text)
        for m in self.mentions:
            if m.start <= start and end <= m.end:
                return m
        return None

    def mentions_at(self, tok: Token) -> list[Mention]:
        """Every mention covering ``tok``: one, or several for a pronoun resolved to coordinated actors."""
        start = self.offset + tok.idx
        end = start + len(tok.text)
        return [m for m in self.mentions if m.start <= start and end <= m.end]

    def actors_of(self, tok: Token, depth: int = 0) -> list[Mention]:
        """The actors a noun phrase headed by ``tok`` names, coordinated ones included."""
        found: list[Mention] = []
        for head in conj_chain(tok):
            here = self.mentions_at(head)
            if here:
                found += here
                continue
            mods = [c for c in head.children if c.dep_ in MOD_DEPS]
            if head.lemma_.lower() in PRIVATE_PERSONS and head.tag_ == "NN":
                # "a Mexican citizen": one private person, not Mexico ("deported Ukrainian children" stays
                # an act against Ukraine)
                mods = [c for c in mods if c.dep_ != "amod"]
            for child in mods:
                for c in conj_chain(child):
                    found += self.mentions_at(c)
            if (
                not found
                and depth == 0
                and (
                    head.lemma_.lower() in GROUP_NOUNS
                    or head.like_num
                    or head.lemma_.lower() in QUANTITY_NOUNS
                )
            ):
                for pobj in pobjs(head, {"of", "with"} if head.lemma_.lower() in SERVING else {"of"}):
                    found += self.actors_of(pobj, depth + 1)
        return dedupe(found)

    def verb_roles(self, verb: Token) -> tuple[list[Mention], list[Mention]]:
        """(sources, targets) of a verb trigger, before fallbacks."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            sources = [m for p in pobjs(verb, {"by"}) for m in self.actors_of(p)]
            targets = [m for c in verb.children if c.dep_ == "nsubjpass" for m in self.np_actors(c, verb)]
            if verb.dep_ == "acl" and not targets:
                targets = self.actors_of(verb.head)
            return dedupe(sources), dedupe(targets)
        sources = self.subject_of(verb)
        targets = [m for c in verb.children if c.dep_ in ("dobj", "dative") for m in self.actors_of(c)]
        if (
            not targets
        ):  # a named object labelled npadvmod/oprd/advmod ("strikes Azerbaijan", "propping up Assad")
            targets = [
                m
                for c in verb.children
                if (c.dep_ in ("npadvmod", "oprd") or (c.dep_ == "advmod" and c.pos_ == "PROPN"))
                and c.i > verb.i
                for m in self.actors_of(c)
            ]
        return sources, dedupe(targets)

    def np_actors(self, tok: Token, verb: Token) -> list[Mention]:
        if tok.lower_ in RELATIVE and verb.dep_ == "relcl":
            return self.actors_of(verb.head)
        return self.actors_of(tok)

    def subject_of(self, verb: Token, depth: int = 0) -> list[Mention]:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            return dedupe([m for s in subj for m in self.np_actors(s, verb)])
        if depth > 4:
            return []
        head = verb.head
        if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and head.lemma_.lower() in PERCEPTION:
            # "I saw an Iraqi plane descending, dropping its bombs": the one seen does it, if named
            seen = [c for c in head.children if c.dep_ in ("dobj", "ccomp")]
            return dedupe([m for c in seen for t in c.subtree for m in self.mentions_at(t)])
        if verb.dep_ == "xcomp":  # object control first: "urged Iran to stop", "called on X to stop"
            ctrl = [m for c in head.children if c.dep_ in ("dobj",) for m in self.actors_of(c)]
            ctrl = ctrl or [m for p in pobjs(head, {"on", "upon"}) for m in self.actors_of(p)]
            return ctrl or self.subject_of(head, depth + 1)
        if verb.dep_ in ("conj", "advcl") and head is not verb:
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
                return []
            return self.subject_of(head, depth + 1)
        if verb.dep_ == "relcl":
            return self.actors_of(head)
        if verb.dep_ in ("acomp", "oprd"):  # "we are ready / determined / prepared to strike X"
            return self.subject_of(head, depth + 1)
        if verb.dep_ == "pcomp" and head.lower_ == "but":  # "we will have no choice but to destroy X"
            clause = head.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head is not clause:
                clause = clause.head
            return self.subject_of(clause, depth + 1)
        if _infinitive(verb) and verb.dep_ == "acl" and head.dep_ == "dobj" and head.head.lemma_ == "have":
            return self.subject_of(head.head, depth + 1)  # "X has the right / the means to defend itself"
        return []

    def prep_actors(self, tok: Token, preps: set[str]) -> list[Mention]:
        return dedupe([m for p in pobjs(tok, preps) for m in self.actors_of(p)])

    def noun_roles(self, noun: Token) -> tuple[list[Mention], list[Mention], Token | None]:
        """(sources, targets, light verb) of a nominal trigger."""
        sources: list[Mention] = []
        for c in noun.children:
            if c.dep_ in MOD_DEPS:
                for cc in conj_chain(c):
                    sources += self.mentions_at(cc)
        sources += self.prep_actors(noun, {"by"})
        of = self.prep_actors(noun, {"of"})
        owner = any(c.dep_ == "poss" for c in noun.children)  # "our support of the UN": "of" is the object
        in_favour = noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.lemma_.lower() in IN_FAVOUR_OF
        agent_of = noun.lemma_.lower() in AGENT_OF and not owner and not in_favour
        if agent_of:
            sources += of
        targets = [] if agent_of else list(of)
        targets += self.prep_actors(noun, TARGET_PREPS | {"for", "between"})
        for p in pobjs(noun, {"of", "by"}):  # "the aggression of X against Y", the parser hanging Y on X
            targets += self.prep_actors(p, {"against", "on", "upon"})
        for c in noun.children:  # "the tariffs imposed by Washington on ..."
            if c.dep_ == "acl" and c.tag_ == "VBN":
                sources += self.prep_actors(c, {"by"})
                targets += self.prep_actors(c, TARGET_PREPS)
        head = noun.head
        if in_favour and not sources:  # "X stood up against Y and in support of Z": X is the supporter
            clause = head
            while clause.pos_ not in ("VERB", "AUX") and clause.head is not clause:
                clause = clause.head
            if clause.pos_ in ("VERB", "AUX"):
                sources = self.subject_of(clause)
        if not targets and noun.dep_ == "dobj":  # "condemn the aggression of X | against Y" (PP on the verb)
            targets = self.prep_actors(head, {"against", "on", "upon"})
        light = head if noun.dep_ == "dobj" and head.lemma_.lower() in self.light else None
        if light is not None:
            if not sources:
                sources = self.subject_of(light)
            if not targets:
                targets = self.prep_actors(light, TARGET_PREPS | {"between"})
            if not targets:  # "they charge us 25 percent tariffs": the light verb's indirect object
                targets = [
                    m for c in light.children if c.dep_ in ("dative", "iobj") for m in self.mentions_at(c)
                ]
        return dedupe(sources), dedupe(targets), light


def conj_chain(tok: Token) -> Iterator[Token]:
    yield tok
    for c in tok.children:
        if c.dep_ == "conj":
            yield from conj_chain(c)


def pobjs(tok: Token, preps: set[str] | None = None) -> Iterator[Token]:
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and (preps is None or c.lower_ in preps):
            for p in c.children:
                if p.dep_ == "pobj":
                    yield from conj_chain(p)


def dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out


def _infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive ("to defend")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
