"""Actors that real speeches of 1960-2020 name (issue 19, round 2): former presidents, candidates and Soviet
leaders, party adjectives, US agencies, and "the X administration" as the state (loads spaCy). The
sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.analyze import analyze_document
from podium.ingest import load
from podium.pipeline import Pipeline
from tests.actors_helpers import analyse, mentions

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "span", "actor"),
    [
        ("Governor Reagan promised lower taxes to the farmers of Iowa.", "Governor Reagan", "REAGAN"),
        ("Mondale answered the question about the deficit first.", "Mondale", "MONDALE"),
        ("Gromyko flew to Geneva for the arms talks.", "Gromyko", "GROMYKO"),
        ("Brezhnev sent tanks into Kabul that winter.", "Brezhnev", "BREZHNEV"),
        ("The Republican nominee spoke to the union hall.", "Republican", "US_GOP"),
        ("A Democrat from Ohio blocked the bill in committee.", "Democrat", "US_DEM"),
        ("Agents of ICE detained the workers at the plant.", "ICE", "US_ICE"),
        ("ICE ERO officers took the man into custody.", "ICE ERO", "US_ICE_ERO"),
        ("The Justice Department opened an inquiry into the sale.", "The Justice Department", "US_DOJ"),
        ("The bill died in the Senate last spring.", "the Senate", "US_CONGRESS"),
        ("The U.S. House of Representatives passed it.", "The U.S. House of Representatives", "US_CONGRESS"),
    ],
)
def test_real_speech_actors_are_known(text: str, span: str, actor: str) -> None:
    assert (span, actor) in mentions(analyse(text))


def test_an_administration_named_after_its_leader_is_the_state() -> None:
    found = mentions(analyse("The Nixon administration stopped the grain sales to Moscow."))
    assert ("Nixon administration", "USA") in found
    assert not any(label == "NIXON" for _, label in found)


def test_a_former_leader_acts_for_the_state() -> None:
    doc = analyse("Khrushchev threatened the United States over Berlin.")
    assert ("Khrushchev", "KHRUSHCHEV") in mentions(doc)
    assert any(e.source == "KHRUSHCHEV" and e.source_acting_for == "SUN" for e in doc.events)


@pytest.mark.parametrize(
    "text",
    [
        "The sheriff of a small county in Illinois signed the letter.",
        "Voters in Pennsylvania and New Hampshire heard the same promise.",
    ],
)
def test_us_states_named_as_places_make_no_new_actor(text: str) -> None:
    assert not any(label.startswith("new:") for _, label in mentions(analyse(text)))


def test_a_surname_shared_with_another_person_is_not_the_former_president() -> None:
    found = mentions(analyse("Sara Carter wrote the story, and Carter later defended it."))
    assert not any(label == "CARTER" for _, label in found)


def test_cold_war_central_america_actors() -> None:
    text = "The contras fought the Sandinista army while the Contadora group pressed for talks."
    found = mentions(analyse(text))
    assert ("The contras", "CONTRAS") in found
    assert ("Sandinista", "SANDINISTAS") in found
    assert ("the Contadora group", "CONTADORA") in found


def test_our_friends_are_not_the_speakers_side() -> None:
    doc = analyse("We will send military assistance to our friends in the region.", country="USA")
    assert not any(e.target == "USA" for e in doc.events)
    assert any(e.source == "USA" and e.type == "AID" for e in doc.events)


def test_the_panel_addresses_the_president_among_the_speakers(tmp_path: Path) -> None:
    path = tmp_path / "debate.txt"
    path.write_text(
        "THE DEBATE\n\nMR. SMITH: Mr. President, will you cut taxes for the farmers?\n\n"
        "MR. REAGAN: No. Mr. Mondale would raise them, Mr. President of the panel.\n\n"
        "MR. MONDALE: Mr. President, you raised them yourself.\n",
        encoding="utf-8",
    )
    doc = load(str(path))
    analyze_document(doc, Pipeline.from_names(["entity", "actor", "event"]))
    found = [(doc.text[s.start : s.end], s.label, s.start) for s in doc.layer("actor_mention")]
    addressed = [label for text, label, _ in found if text == "Mr. President"]
    assert addressed == ["REAGAN", "REAGAN"]  # not in Reagan's own turn
