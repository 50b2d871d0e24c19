"""Persons and units act for their state or group: actor records, events and the network's roll-up."""

from __future__ import annotations

import pytest

from podium.actors.acting_for import roll_up_events, rolled_up
from podium.actors.gazetteer import load_gazetteer
from podium.actors.network import build_network, network_dict
from podium.actors.records import Actor, Event
from podium.document import Document, Segment


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("NETANYAHU", "ISR"),
        ("NASRALLAH", "HEZBOLLAH"),
        ("IRGC", "IRN"),
        ("MAJLIS", "IRN"),
        ("IRN", None),
        ("HAMAS", None),
    ],
)
def test_gazetteer_roll_up(actor: str, expected: str | None) -> None:
    assert rolled_up(load_gazetteer().actors[actor]) == expected


def hand_made() -> Document:
    text = "Netanyahu ordered the strike on Lebanon. The IRGC answered Israel."
    doc = Document(text)
    doc.sentences = [Segment(0, 40), Segment(41, len(text))]
    doc.actors = [
        Actor("NETANYAHU", "Benjamin Netanyahu", "person", acting_for="ISR", mention_count=1),
        Actor("LBN", "Lebanon", "state", mention_count=1),
        Actor("IRGC", "Islamic Revolutionary Guard Corps", "military", acting_for="IRN", mention_count=1),
        Actor("ISR", "Israel", "state", mention_count=1),
    ]
    doc.events = [
        Event("e1", "ASSAULT", 0, [18, 24], [0, 39], "NETANYAHU", [0, 9], "LBN", [33, 40]),
        Event("e2", "ASSAULT", 1, [50, 58], [41, 65], "IRGC", [45, 49], "ISR", [59, 65]),
    ]
    roll_up_events(doc.events, doc.actors)
    return doc


def test_events_keep_the_person_and_give_whom_they_act_for() -> None:
    e1, e2 = hand_made().events
    assert (e1.source, e1.source_acting_for, e1.target, e1.target_acting_for) == (
        "NETANYAHU",
        "ISR",
        "LBN",
        None,
    )
    assert (e2.source, e2.source_acting_for) == ("IRGC", "IRN")


def test_the_network_rolls_persons_and_units_up_to_states() -> None:
    doc = hand_made()
    net = build_network(doc)
    assert {(e.source, e.target) for e in net.edges} == {("NETANYAHU", "LBN"), ("IRGC", "ISR")}
    assert {(e.source, e.target) for e in net.rollup} == {("ISR", "LBN"), ("IRN", "ISR")}
    iran = next(n for n in net.nodes if n.id == "IRN")
    assert (iran.name, iran.type) == ("Iran", "state")  # named only by the roll-up, still named properly
    assert network_dict(doc)["rollup"][0]["type"] == "ASSAULT"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person", "principal"),
    [
        ("Norland's Foreign Minister Sameh Arvani condemned Israel.", "new:sameh-arvani", None),
        ("Iranian Foreign Minister Sameh Arvani condemned Israel.", "new:sameh-arvani", "IRN"),
        ("Hamas commander Yousef Darwish threatened Israel.", "new:yousef-darwish", "HAMAS"),
        ("Yousef Darwish, a Hamas commander, attacked Israel.", "new:yousef-darwish", "HAMAS"),
        ("Sameh Arvani met the Israeli envoy.", "new:sameh-arvani", None),
    ],
)
def test_an_unknown_person_acts_for_the_state_or_group_named_with_their_role(
    text: str, person: str, principal: str | None
) -> None:
    from tests.actors_helpers import analyse

    doc = analyse(text)
    actors = {a.id: a for a in doc.actors}
    assert actors[person].acting_for == principal
    events = [e for e in doc.events if e.source == person]
    assert all(e.source_acting_for == principal for e in events)
