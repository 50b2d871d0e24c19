"""Attribution sources are noun phrases (issue 19, part 5): never an auxiliary, a contraction, a verb, an
inverted question or an imperative; the speaker announcing what they will say is no attribution; a denied
or refused agreement is no report; reported speech inside reported speech keeps its own source."""

from __future__ import annotations

import pytest

from podium.anatomy.attributions import find_attributions


def _found(text: str) -> list[tuple[str, str]]:
    return [(h.attrs["source"], h.attrs["cue"]) for h in find_attributions(text) if h.label == "attribution"]


@pytest.mark.parametrize(
    "text",
    [
        "I’ll tell you what, the port should reopen next spring.",
        "Now I'm saying the budget is too small.",
        "I am told the delegation left early.",
        "Which I’ll now explain, the council is stronger than before.",
        "Let me tell you about the harvest in the valley.",
        "I don't believe that the farmers were consulted.",
        "We didn’t even agree with that proposal of theirs.",
        "They refused and did not agree to the new border.",
        "What do you say to the families who lost their homes?",
        "Please tell the committee why the bridge was closed.",
        "Don't tell me the rail line cannot be finished.",
        "Our embassy had conveyed warning notes to the ministry weeks before.",
        "Time will tell whether the reforms hold.",
        "When she was secretary of state, the treaty was signed.",
        "Are those claims about the harbour correct?",
        "It's said that the governor resigned.",
    ],
)
def test_no_attribution(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("You've said that the mine will close.", "You", "said"),
        ("They're saying the harbour is unsafe.", "They", "saying"),
        ("He's claimed that the grain arrived.", "He", "claimed"),
        ("Everything he says about the dam is false.", "he", "says"),
        ("The things they say about the mayor are cruel.", "they", "say"),
        ("The farmers all said the river had dried up.", "The farmers", "said"),
        ("Outbreaks were reported near the lake, the WHO said.", "the WHO", "said"),
        ("Brannock was the one that revealed the payments.", "Brannock", "revealed"),
        ("I've said many times that the tariff will be lifted.", "I", "said"),
    ],
)
def test_the_source_is_the_noun_phrase(text: str, source: str, cue: str) -> None:
    assert (source, cue) in _found(text)


def test_reported_speech_inside_a_quotation_keeps_its_source() -> None:
    text = 'The mayor said: "The engineers told us that the dam would hold."'
    hits = {h.attrs["source"]: h for h in find_attributions(text)}
    assert set(hits) == {"The mayor", "The engineers"}
    outer, inner = hits["The mayor"], hits["The engineers"]
    assert "nested_in" not in outer.attrs
    assert inner.attrs["nested_in"] == outer.attrs["source_span"]
    s, e = inner.attrs["content_span"]
    assert text[s:e] == "the dam would hold"


def test_a_quotation_before_its_speaker_is_nested_in_that_speaker() -> None:
    text = "“The guards admitted that the gate was open,” the warden said."
    hits = {h.attrs["source"]: h for h in find_attributions(text)}
    assert hits["The guards"].attrs["nested_in"] == hits["the warden"].attrs["source_span"]
    assert "nested_in" not in hits["the warden"].attrs
    s, e = hits["The guards"].attrs["content_span"]
    assert text[s:e] == "the gate was open"
