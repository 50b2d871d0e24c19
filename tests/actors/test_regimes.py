"""A definite "regime" that an earlier sentence of the same speaker named (``podium.actors.regimes``). Texts
written for these tests."""

from __future__ import annotations

import pytest

from podium.actors.mentions import Mention
from podium.actors.regimes import regime_anaphors
from tests.actors_helpers import analyse, mentions, triples


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split(". "):
        out.append((start, start + len(part) + 1))
        start += len(part) + 2
    return out


def test_the_regime_is_the_state_called_a_regime_before() -> None:
    text = "Norland fears the regime in Arvia. Arvia's regime jailed poets. The regime must go."
    given = [Mention(28, 33, "ARV", "name", 0), Mention(35, 40, "ARV", "name", 1)]
    found = regime_anaphors(text, _sentences(text), [None, None, None], given, Mention)
    assert [(text[m.start : m.end], m.actor, m.kind) for m in found if m.kind == "anaphor"] == [
        ("The regime", "ARV", "anaphor")
    ]


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [([None, None], 1), (["A", "B"], 0)],  # another speaker's "the regime" is theirs to name
)
def test_only_the_same_speakers_regime(speakers: list[str | None], expected: int) -> None:
    text = "The Arvian regime jailed poets. The regime must go."
    given = [Mention(4, 10, "ARV", "adjective", 0)]
    found = regime_anaphors(text, _sentences(text), speakers, given, Mention)
    assert len([m for m in found if m.kind == "anaphor"]) == expected


def test_no_antecedent_no_mention() -> None:
    text = "The regime must go. Nobody doubts it."
    assert regime_anaphors(text, _sentences(text), [None, None], [], Mention) == []


@pytest.mark.slow
def test_events_of_the_regime_named_before() -> None:
    doc = analyse(
        "No one has shown more contempt for its people than the depraved regime in North Korea. "
        "We were all witness to the regime's deadly abuse. The regime kidnapped a girl.",
        speaker_side="USA",
    )
    assert ("the regime", "PRK") in mentions(doc)
    assert ("PRK", "COERCE", None) in triples(doc)
