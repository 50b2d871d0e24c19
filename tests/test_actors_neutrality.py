"""Neutrality (DESIGN.md §7): swapping the actors of a sentence swaps its events' source and target and
changes nothing else — not the types, the modality or the negation (loads spaCy)."""

from __future__ import annotations

import pytest

from tests.actors_helpers import analyse

pytestmark = pytest.mark.slow

#: (name of A, id of A, name of B, id of B): pairs across sides.
PAIRS = [
    ("Israel", "ISR", "Iran", "IRN"),
    ("Russia", "RUS", "Ukraine", "UKR"),
    ("the United States", "USA", "China", "CHN"),
    ("Hamas", "HAMAS", "the IDF", "IDF"),
    ("India", "IND", "Pakistan", "PAK"),
    ("the Zionist regime", "ISR", "the mullahs' regime", "IRN"),
    ("Azerbaijan", "AZE", "Armenia", "ARM"),
    ("Hezbollah", "HEZBOLLAH", "Israel", "ISR"),
]

TEMPLATES = [
    "{A} attacked {B} yesterday.",
    "{A} was bombed by {B}.",
    "{A} did not attack {B}.",
    "{A} will never negotiate with {B}.",
    "If {A} strikes {B}, the region will burn.",
    "Why did {A} threaten {B}?",
    "{A} must withdraw from {B}.",
    "{A} imposed sanctions on {B}.",
    "We condemn the aggression of {A} against {B}.",
    "{A} accused {B} of war crimes.",
]


def events_of(text: str) -> set[tuple]:
    doc = analyse(text, speaker_side="SPEAKER_SIDE")
    return {(e.source, e.type, e.target, e.modality, e.negated, e.nominal) for e in doc.events}


def swapped(events: set[tuple], a: str, b: str) -> set[tuple]:
    swap = {a: b, b: a}
    return {(swap.get(s, s), t, swap.get(g, g), *rest) for s, t, g, *rest in events}


CASES = [(t, p) for t in TEMPLATES for p in PAIRS]


def test_there_are_at_least_thirty_pairs() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(("template", "pair"), CASES)
def test_swapping_actors_swaps_source_and_target_only(template: str, pair: tuple[str, str, str, str]) -> None:
    name_a, id_a, name_b, id_b = pair

    def fill(x: str, y: str) -> str:
        text = template.format(A=x, B=y)
        return text[0].upper() + text[1:]

    original = events_of(fill(name_a, name_b))
    mirror = events_of(fill(name_b, name_a))
    assert original, f"no event found in {fill(name_a, name_b)!r}"
    assert mirror == swapped(original, id_a, id_b)
