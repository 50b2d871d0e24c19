"""The one masking rule (``podium.masking``) and the leaks of issue 20 it closes, in both maskers, the
technique model's document counts and the rhetoric profile. No model is loaded except the shipped
common-word lists."""

from __future__ import annotations

import json

import numpy as np
import pytest

from podium.checkworthy import masking as cw
from podium.checkworthy.model import MODEL_DIR
from podium.document import Document
from podium.masking import name_ranges
from podium.segment import segment
from podium.techniques import masking as tq
from podium.techniques.detector import MODEL_PATH
from podium.techniques.features import DocContext
from podium.techniques.profile import rhetoric_profile

CW_COMMON = set(json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["common"])
with np.load(MODEL_PATH, allow_pickle=False) as _z:
    TQ_COMMON = {str(w) for w in _z["common"]}


def names(text: str, common: set[str] = CW_COMMON) -> list[str]:
    return [text[s:e] for s, e in name_ranges(text, common)]


def both_masks(text: str) -> tuple[str, str]:
    return cw.mask_text(text, CW_COMMON), tq.mask(text, TQ_COMMON).text


#: (sentence, its twin): each pair must read the same to both models once masked.
TWINS = [
    ("He is all-American.", "He is all-Russian."),
    ("I am pro-Israel.", "I am pro-Iran."),
    ("The anti-Israeli protests spread.", "The anti-Iranian protests spread."),
    ("They are anti-American and proud of it.", "They are anti-Russian and proud of it."),
    ("The US-led coalition struck.", "The Russia-led coalition struck."),
    ("Israel's army and Iran's army.", "Iran's army and Israel's army."),
    ("The Democrats' plan failed.", "The Republicans' plan failed."),
    ("US troops left the base.", "UK troops left the base."),
    ("The US will leave.", "The UK will leave."),
    ("American troops left.", "Russian troops left."),
    ("Iranian officials said no.", "Israeli officials said no."),
    ("The Zionist regime lies.", "The mullahs' regime lies."),
    ("the zionist regime lies.", "the mullahs' regime lies."),
    ("They call it the Great Satan.", "They call it the Little Satan."),
    ("Al-Qaeda attacked.", "Hezbollah attacked."),
    ("Mr. Trump spoke.", "Putin spoke."),
    ("The U.S. army moved.", "The Russian army moved."),
    ("United States troops crossed.", "Russian troops crossed."),
    ("President Trump said so.", "President Obama said so."),
]


@pytest.mark.parametrize(("a", "b"), TWINS)
def test_twins_read_the_same_once_masked(a: str, b: str) -> None:
    assert both_masks(a) == both_masks(b)


def test_hyphenated_prefixes_stay_words() -> None:
    assert names("I am pro-Israel and anti-Iranian, all-American.") == ["Israel", "Iranian", "American"]
    assert cw.mask_text("I am pro-Israel.", CW_COMMON) == "i am pro- ENT ."
    assert tq.mask("I am pro-Israel.", TQ_COMMON).text == "I am pro-X."


def test_a_hyphenated_name_is_one_name() -> None:
    assert names("Al-Qaeda and al-Qaeda and al-Assad and Bosnia-Herzegovina.") == [
        "Al-Qaeda",
        "al-Qaeda",
        "al-Assad",
        "Bosnia-Herzegovina",
    ]
    assert names("the Iran-backed militias") == ["Iran-backed"]


def test_possessive_endings_stay_outside() -> None:
    assert names("Israel's and Hezbollah’s and the Democrats' plans") == ["Israel", "Hezbollah", "Democrats"]
    assert cw.mask_text("Israel's army", CW_COMMON) == "ENT 's army"


def test_us_the_country_is_a_name_and_us_the_pronoun_is_not() -> None:
    assert names("US troops left. Let us pray. They hate US.") == ["US", "US"]
    assert cw.mask_text("US troops left.", CW_COMMON) == cw.mask_text("UK troops left.", CW_COMMON)
    assert "ENT" not in cw.mask_text("Us and them.", CW_COMMON)


def test_shouting_is_not_a_name_but_an_acronym_is() -> None:
    assert names("STOP THE STEAL, they said. WE WILL WIN.") == []
    assert names("He met NATO and the EU.") == ["NATO", "EU"]
    assert names("I did NOT vote for it.") == []


def test_epithets_are_names_in_any_case() -> None:
    assert names("the Zionist regime and the zionist regime") == ["the Zionist regime", "the zionist regime"]
    assert names("The mullahs' regime jailed them.") == ["The mullahs' regime"]


def test_demonyms_first_in_a_sentence_are_names() -> None:
    for word in ("American", "Russian", "Iranian", "Israeli", "Chinese"):
        assert names(f"{word} troops left.") == [word]


def test_i_and_contractions_are_never_names() -> None:
    assert names("I'm here, I’ve seen it, and I said A is fine.") == []
    assert "X" not in tq.mask("I'm not sure.", TQ_COMMON).text


def test_names_of_people_are_masked_alike_whoever_is_in_the_gazetteer() -> None:
    # Trump is in the gazetteer, Obama is not: first in a sentence they must still read alike
    assert cw.mask_text("President Trump said it.", CW_COMMON) == cw.mask_text(
        "President Obama said it.", CW_COMMON
    )


def test_technique_document_counts_leave_names_out() -> None:
    def context(text: str) -> DocContext:
        doc = Document(text)
        segment(doc)
        return DocContext.build(doc.text, [(s.start, s.end) for s in doc.sentences], TQ_COMMON)

    text = "Democratic leaders met. The democratic process works. Democratic voters agree."
    ctx = context(text)
    assert ctx.word_counts["democratic"] == 1  # the party, a name, is not the word
    twin = context(text.replace("Democratic", "Republican"))
    assert twin.word_counts == ctx.word_counts
    assert twin.segment_counts == ctx.segment_counts


def test_rhetoric_profile_does_not_count_us_the_country_as_us() -> None:
    def in_group(text: str) -> int:
        doc = Document(text)
        segment(doc)
        return rhetoric_profile(doc)["us_vs_them"]["in_group"]["count"]

    text = "The US will leave. We will stay. Let us pray. US troops left. WE WILL WIN. The US-Israeli plot."
    assert in_group(text) == 3
    assert in_group(text) == in_group(text.replace("US", "U.S."))
