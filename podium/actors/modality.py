"""Negation and modality of an event trigger, from its parse.

Modalities: asserted, hypothetical, future, question, demand.

Rules, nearest clause first: a sentence ending in "?" is a question; a trigger under "must"/"should", under a
demanding verb ("call on X to", "urge", "demand that") or in an imperative is a demand; an "if"/"unless"
clause or "would/could/might/may" makes it hypothetical; "will/shall/'ll" or "going to" makes it future.
Negation: "not"/"n't"/"never" on the trigger or its light verb ("not only" does not negate), or "no <noun>".
It does not judge whether the speaker believes what is said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs whose controlled clause is demanded ("call on X to ...", "urge X to ..."); the second set also
#: governs "that"-clauses ("demand that X withdraw").
DEMAND_HEADS = {"call", "urge", "demand", "ask", "insist", "press", "appeal", "request", "require", "order"}
DEMAND_THAT_HEADS = {"demand", "insist", "urge", "require"}
DEMAND_AUX = {"must", "should", "ought"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"}


def negated(tok: Token, light: Token | None = None) -> bool:
    for t in (tok, light):
        if t is None:
            continue
        for c in t.children:
            if c.dep_ == "neg" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "only"):
                return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children)


def modality(tok: Token, light: Token | None = None) -> str:
    if tok.sent.text.rstrip().rstrip("”\"'’)").endswith("?"):
        return "question"
    cur = light or tok
    for _ in range(6):
        aux = {c.lower_ for c in cur.children if c.dep_ in ("aux", "auxpass")}
        marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
        if aux & DEMAND_AUX:
            return "demand"
        head = cur.head.lemma_.lower()
        controlled = cur.dep_ == "xcomp" and head in DEMAND_HEADS
        if controlled or (cur.dep_ == "ccomp" and head in DEMAND_THAT_HEADS):
            return "demand"
        if marks & {"if", "unless"} or aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if aux & FUTURE_AUX or (cur.dep_ == "xcomp" and cur.head.lemma_ == "go" and cur.head.tag_ == "VBG"):
            return "future"
        if _imperative(cur):
            return "demand"
        if cur.dep_ not in CLAUSE_DEPS or cur.head is cur:
            break
        cur = cur.head
    return "asserted"


def _imperative(verb: Token) -> bool:
    if verb.dep_ != "ROOT" or verb.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in verb.children):
        return False
    first = next((t for t in verb.sent if not t.is_punct), None)
    return first is not None and (first.i == verb.i or first.lower_ in {"please", "let"})
