"""Attributions, hedges, citations and claim types (podium.anatomy)."""

from __future__ import annotations

import pytest

from podium.anatomy.attributions import find_attributions
from podium.anatomy.citations import find_citations
from podium.anatomy.claim_types import LABELS, claim_type
from podium.anatomy.hedges import find_hedges


def attributions(text: str) -> list[tuple[str, str, str, bool]]:
    return [(h.label, h.attrs["source"], h.attrs["cue"], h.attrs["sourced"]) for h in find_attributions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Zionist regime, according to reports, has bombed 300 sites.",
            ("attribution", "reports", "according to", False),
        ),
        (
            "The Americans have also openly admitted that they bombed 75 sites.",
            ("attribution", "The Americans", "admitted", True),
        ),
        (
            "The Secretary-General warned in July that the conflict risks spreading.",
            ("attribution", "The Secretary-General", "warned", True),
        ),
        ("“We will win,” said the minister.", ("attribution", "the minister", "said", True)),
        ("A farmer told me his village was seized.", ("attribution", "A farmer", "told me", True)),
        (
            "We have evidence of this that leaves no room for doubt.",
            ("unsourced", "We", "have evidence", False),
        ),
        ("Everyone knows what this is.", ("unsourced", "Everyone", "knows", False)),
        ("No one can deny that Valdoria chose the law.", ("unsourced", "No one", "can deny", False)),
        (
            "Our intelligence agency has confirmed that drones were launched.",
            ("attribution", "Our intelligence agency", "confirmed", True),
        ),
        ("Let me answer those who say we should negotiate.", ("attribution", "those", "say", False)),
    ],
)
def test_attributions(text: str, expected: tuple[str, str, str, bool]) -> None:
    assert attributions(text) == [expected]


def test_attribution_content_span() -> None:
    text = "The Americans have openly admitted that they have bombed 75 locations."
    (hit,) = find_attributions(text)
    s, e = hit.attrs["content_span"]
    assert text[s:e] == "they have bombed 75 locations"
    assert text[slice(*hit.attrs["source_span"])] == "The Americans"


@pytest.mark.parametrize(
    "text",
    [
        "And I tell you, Iran is strong.",
        "Let me say this plainly.",
        "The strike claimed the lives of 40 people.",
        "The regime did not even admit the attack.",
        "We thank the United States for its help.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert find_attributions(text) == []


def test_hedges_and_boosters() -> None:
    text = "Perhaps it is complicated, but no one should doubt it, and it seems they reportedly agreed."
    got = [(text[h.start : h.end], h.kind) for h in find_hedges(text)]
    assert got == [
        ("Perhaps", "hedge"),
        ("no one should doubt", "booster"),
        ("it seems", "hedge"),
        ("reportedly", "hedge"),
    ]
    strengths = {text[h.start : h.end]: h.strength for h in find_hedges(text)}
    assert strengths["no one should doubt"] > strengths["it seems"]
    assert find_hedges("May God bless you. Their military might is great.") == []


@pytest.mark.parametrize(
    ("text", "span", "kind", "attrs"),
    [
        (
            "celebrate the praise of your Lord …” (110:1-3).",
            "110:1-3",
            "scripture",
            {"work": "Quran", "chapter": 110, "verse": 1, "verse_end": 3},
        ),
        (
            "into plowshares’ (Isaiah 2:4).",
            "Isaiah 2:4",
            "scripture",
            {"work": "Isaiah", "chapter": 2, "verse": 4},
        ),
        (
            "your home (Nahj al-Balaghah, sermon 27).",
            "Nahj al-Balaghah, sermon 27",
            "work",
            {"work": "Nahj al-Balaghah", "number": "27"},
        ),
        (
            "self-defence under Article 51 of the UN Charter.",
            "Article 51 of the UN Charter",
            "article",
            {"work": "UN Charter", "number": "51"},
        ),
        (
            "to respect Security Council Resolution 2254 now",
            "Security Council Resolution 2254",
            "resolution",
            {"work": "UN Security Council", "number": "2254"},
        ),
        ("They cited the Rome Statute.", "Rome Statute", "treaty", {"work": "Rome Statute"}),
        (
            "the Second Amendment protects it",
            "Second Amendment",
            "law",
            {"work": "Constitution", "number": "2"},
        ),
    ],
)
def test_citations(text: str, span: str, kind: str, attrs: dict[str, object]) -> None:
    (hit,) = find_citations(text, quran_context=True)
    assert (text[hit.start : hit.end], hit.kind) == (span, kind)
    assert attrs.items() <= hit.attrs.items()


def test_bare_verse_needs_quran_context_and_names_need_numbers() -> None:
    (hit,) = find_citations("as it is written (110:1-3).", quran_context=False)
    assert hit.attrs["work"] is None
    assert find_citations("Mark said that John agreed, at the Harbor Accord Forum.") == []


@pytest.mark.parametrize(
    ("text", "parts", "label"),
    [
        ("What is a signature worth?", {}, "not_claim"),
        ("Thank you, Mr. Chairman.", {}, "not_claim"),
        ("Forty-two people were killed.", {"quantity": [{"kind": "count"}]}, "quantity"),
        ("We will rebuild every school.", {}, "prediction"),
        ("The occupation is illegal under international law.", {}, "law"),
        ("Prices rose because of the sanctions.", {}, "causal"),
        ("I visited a camp outside Miren.", {}, "personal"),
        ("The minister said the talks failed.", {"attribution": [{"sourced": True}]}, "quotation"),
        ("Karsten's army shelled the market town.", {}, "history"),
    ],
)
def test_claim_types(text: str, parts: dict[str, list[dict[str, object]]], label: str) -> None:
    assert claim_type(text, parts) == label
    assert label in LABELS


@pytest.mark.parametrize(
    ("text", "parts", "label"),
    [
        # a statement with a short question tagged on is still the statement
        ("The Velmar army shelled over 300 villages — why?", {"quantity": [{"kind": "count"}]}, "quantity"),
        ("They burned the grain stores last spring, didn't they?", {}, "history"),
        ("The blockade is illegal under international law, right?", {}, "law"),
        # a real question stays a question, tag or not
        ("Was the suffering of our people a joke — why?", {}, "not_claim"),
        ("Is this not a crime against the whole nation, no?", {}, "not_claim"),
        ("Why — why?", {}, "not_claim"),
        ("How is a retiree supposed to live on that, Madam President?", {}, "not_claim"),
    ],
)
def test_a_tagged_question_keeps_the_statement_before_it(
    text: str, parts: dict[str, list[dict[str, object]]], label: str
) -> None:
    assert claim_type(text, parts) == label
