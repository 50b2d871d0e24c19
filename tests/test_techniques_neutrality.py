"""Neutrality: the same sentence with the actor names swapped gets the same technique labels (DESIGN §7).

Sentences are written for podium; each has two actor slots, filled one way and then the other, across
sides: Israel/Iran, Russia/Ukraine, the US/China, Hamas/the IDF, Democrats/Republicans, India/Pakistan and
named leaders. 27 templates × 4 name pairs = 108 sentence pairs.
"""

from __future__ import annotations

from collections import Counter

import pytest

from podium.analysers.techniques import TechniqueAnalyser
from podium.document import Document, Segment

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def technique_analyser() -> TechniqueAnalyser:
    return TechniqueAnalyser()


PAIRS = [
    ("Israel", "Iran"),
    ("Russia", "Ukraine"),
    ("Hamas", "the IDF"),
    ("Democrats", "Republicans"),
    ("India", "Pakistan"),
    ("the United States", "China"),
    ("Netanyahu", "Khamenei"),
    ("Putin", "Zelensky"),
]

TEMPLATES = [
    "{A} is run by a gang of thugs and liars who murder children while {B} watches.",
    "The brutal regime in {A} will stop at nothing, and {B} must act before it is too late.",
    "{A} has never once told the truth about the war with {B}.",
    "Make {A} great again, and never bow to {B}!",
    "Either you stand with {A} or you stand with the terrorists of {B}.",
    "{A} says the strikes were defensive, but can we really trust anything {A} says about {B}?",
    "The so-called peace plan of {A} is a sham designed to humiliate {B}.",
    "Experts agree that {A} is right and {B} is wrong.",
    "Everyone knows that {A} is winning and {B} is collapsing.",
    "{A} behaves just like the Nazis did, says the leader of {B}.",
    "It is what it is: {A} attacked and {B} answered.",
    "Our proud nation will defend every inch of our homeland against {A}, together with {B}.",
    "The economy collapsed because of {A}, and only because of {A}, said {B}.",
    "What about the crimes of {A}? Nobody in {B} ever talks about those.",
    "{A} signed the agreement with {B} on Tuesday in Geneva.",
    "{A} and {B} agreed to exchange prisoners next month.",
    "Millions of innocent people will die if {A} gets its way, warned {B}.",
    "{A} launched hundreds of missiles at {B} overnight, officials said.",
    "The puppet government of {A} takes orders from {B}.",
    "This is the worst disaster in the history of {A}, and {B} caused it.",
    "Enough is enough: {A} must leave {B} alone.",
    "The corrupt elites of {A} are plotting with {B} to destroy our way of life.",
    "Delegations from {A} and {B} met to discuss trade and water rights.",
    "A spokesman for {A} accused {B} of lying to the world.",
    "{A} will be wiped off the map, threatened {B}.",
    "Freedom, dignity and pride: {A} stands with {B}.",
    "The sanctions imposed by {A} on {B} have hurt ordinary families.",
]


def _doc(sentences: list[str]) -> Document:
    text = "\n".join(sentences)
    doc = Document(text)
    pos = 0
    for s in sentences:
        doc.sentences.append(Segment(pos, pos + len(s)))
        pos += len(s) + 1
    doc.paragraphs = list(doc.sentences)
    return doc


def _labels_by_sentence(doc: Document) -> list[Counter[str]]:
    out: list[Counter[str]] = [Counter() for _ in doc.sentences]
    for span in doc.layer("technique"):
        for k, s in enumerate(doc.sentences):
            if s.start <= span.start < s.end:
                out[k][span.label] += 1
    return out


def test_enough_pairs() -> None:
    assert len(TEMPLATES) * len(PAIRS) // 2 >= 50


@pytest.mark.parametrize("half", [0, 1])
def test_swapping_actor_names_keeps_technique_labels(
    technique_analyser: TechniqueAnalyser, half: int
) -> None:
    pairs = PAIRS[half * 4 : half * 4 + 4]
    one = [t.format(A=a, B=b) for a, b in pairs for t in TEMPLATES]
    other = [t.format(A=b, B=a) for a, b in pairs for t in TEMPLATES]
    first = _labels_by_sentence(technique_analyser(_doc(one)))
    second = _labels_by_sentence(technique_analyser(_doc(other)))
    differing = [
        (x, y, one[k], other[k]) for k, (x, y) in enumerate(zip(first, second, strict=True)) if x != y
    ]
    assert not differing, differing[:3]
    assert sum(len(c) for c in first) > 0
