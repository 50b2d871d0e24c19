"""Actor mentions: the gazetteer overriding spaCy, unknown entities, metonyms as places, the speaker's "we"
(loads spaCy)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from podium.nlp import sentence_docs
from tests.actors_helpers import analyse, mentions

pytestmark = pytest.mark.slow


def test_gazetteer_overrides_spacy_entities() -> None:
    text = "Hay'at Tahrir al-Sham and the Zionist regime met Abu Mohammad al-Julani in Idlib."
    doc = analyse(text)
    spacy_ents = [(e.text, e.label_) for e in sentence_docs(doc, "ner")[0].ents]
    got = mentions(doc)
    assert ("Hay'at Tahrir al-Sham", "HTS") in got
    assert ("the Zionist regime", "ISR") in got
    assert ("Abu Mohammad al-Julani", "ALSHARAA") in got
    assert not any(label == "Idlib" or text == "Idlib" for text, label in got)  # a known place, not an actor
    assert spacy_ents != [(t, lab) for t, lab in got]  # spaCy alone saw it differently


def test_unknown_entities_become_actors_without_wikidata() -> None:
    doc = analyse("Defence minister Halvard Brenn admitted it. Later Brenn denied it.")
    brenn = next(a for a in doc.actors if a.id == "new:halvard-brenn")
    assert brenn.wikidata is None and not brenn.known and brenn.type == "person"
    assert brenn.mention_count == 2  # the lone surname joins the full name
    known = analyse("Vladimir Putin spoke.").actors[0]
    assert known.id == "PUTIN" and known.wikidata == "Q7747" and known.known


def test_metonyms_are_actors_unless_used_as_places() -> None:
    got = mentions(analyse("Washington warned Tehran. The talks were held in Washington, close to Damascus."))
    assert got[:2] == [("Washington", "USA"), ("Tehran", "IRN")]
    assert ("Damascus", "SYR") not in got and len([m for m in got if m[0] == "Washington"]) == 1


def test_we_resolves_to_the_speakers_state() -> None:
    doc = analyse(
        "We helped the Syrian government. “We are not afraid,” they told us.", speakers=["Ali Khamenei"]
    )
    got = mentions(doc)
    assert ("We", "IRN") in got and ("us", "IRN") in got
    assert ("We", "SPEAKER_SIDE") not in got
    assert len([m for m in got if m[0] == "We"]) == 1  # not the "We" inside the quotation


def test_we_without_a_known_speaker_is_a_placeholder() -> None:
    assert ("We", "SPEAKER_SIDE") in mentions(analyse("We will never surrender."))
    assert ("We", "UKR") in mentions(analyse("We will never surrender.", speaker_side="Ukraine"))


def test_actor_records_are_json_friendly() -> None:
    doc = analyse("The Zionist regime and the US bombed Syria. Israel denied it.")
    data = json.loads(json.dumps([dataclasses.asdict(a) for a in doc.actors]))
    isr = next(a for a in data if a["id"] == "ISR")
    assert isr["mention_count"] == 2 and isr["aliases_seen"] == ["The Zionist regime", "Israel"]
    assert all(doc.text[s:e] in isr["aliases_seen"] for s, e in isr["mentions"])
    for span in doc.layer("actor_mention"):
        assert doc.text[span.start : span.end]
    assert next(s for s in doc.layer("actor_mention") if s.label == "ISR").attrs["epithet"] is True
