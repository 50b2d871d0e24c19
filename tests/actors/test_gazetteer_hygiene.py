"""Gazetteer hygiene (issue 19, part 7): scriptures, holy places and religious figures are not new political
actors, and a bracketed editorial insertion inside a name still names the actor (loads spaCy)."""

from __future__ import annotations

import pytest

from tests.actors_helpers import analyse, mentions

pytestmark = pytest.mark.slow


def _new_actors(text: str) -> list[str]:
    return [label for _, label in mentions(analyse(text)) if label.startswith("new:")]


@pytest.mark.parametrize(
    "text",
    [
        "As the Nahj al-Balaghah teaches, a ruler must be just to the weak.",
        "Pilgrims walked from Najaf to Karbala for the forty days of mourning.",
        "The shrine in Samarra was rebuilt after the bombing.",
        "Moses led the Israelites out of bondage, and Pharaoh's army drowned.",
        "Sayyid Hassan Nasrallah spoke of the Ahl al-Bayt and of Imam Ali.",
        "The encyclical Amoris Laetitia says nothing new about the Eucharist.",
    ],
)
def test_scriptures_holy_places_and_figures_make_no_new_actor(text: str) -> None:
    assert _new_actors(text) == []


def test_a_bracketed_insertion_completes_the_name() -> None:
    doc = analyse("The fighters of Hamas and [Islamic] Jihad held the line in the north.")
    assert ("Islamic] Jihad", "PIJ") in mentions(doc)
    assert not any(label.startswith("new:") for _, label in mentions(doc))


def test_a_bracketed_name_after_a_pronoun_is_a_mention() -> None:
    doc = analyse("Their [the Houthis'] drones reached the port.")
    assert any(label == "HOUTHIS" for _, label in mentions(doc))


def test_a_living_leader_is_still_an_actor() -> None:
    doc = analyse("Narges Veldani, the new foreign minister, met the envoy of Hamas.")
    labels = [label for _, label in mentions(doc)]
    assert "HAMAS" in labels
    assert any(label.startswith("new:") for label in labels)
