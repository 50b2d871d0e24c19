"""Events from dependency parses: voice, coordination, nominal events, negation, modality, quotations,
linked spans (loads spaCy)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.actors_helpers import analyse, triples

pytestmark = pytest.mark.slow


def test_active_and_passive_voice_give_the_same_event() -> None:
    assert triples(analyse("Russia bombed Ukraine.")) == {("RUS", "ASSAULT", "UKR")}
    assert triples(analyse("Ukraine was bombed by Russia.")) == {("RUS", "ASSAULT", "UKR")}
    assert triples(analyse("The villages of Kharkiv were shelled by the Kremlin regime.")) == {
        ("RUS", "ASSAULT", None)
    }


def test_coordinated_actors_give_one_event_each() -> None:
    doc = analyse("The Zionist regime and the US have bombed Syria.")
    assert triples(doc) == {("ISR", "ASSAULT", "SYR"), ("USA", "ASSAULT", "SYR")}
    doc = analyse("Iran arms Hamas and Hezbollah.")
    assert triples(doc) == {("IRN", "AID", "HAMAS"), ("IRN", "AID", "HEZBOLLAH")}


def test_nominal_events() -> None:
    assert ("RUS", "ASSAULT", "UKR") in triples(analyse("We condemn Russia's invasion of Ukraine."))
    doc = analyse("The European Union imposed sanctions on Iran.")
    assert triples(doc) == {("EU", "SANCTION", "IRN")}
    event = doc.events[0]
    assert event.nominal and doc.text[event.trigger[0] : event.trigger[1]] == "sanctions"


def test_location_and_quantity_linked() -> None:
    doc = analyse("The Zionist regime has bombed over 300 locations in Syria.")
    (event,) = doc.events
    assert (event.source, event.type, event.target) == ("ISR", "ASSAULT", "SYR")
    assert doc.text[event.location[0] : event.location[1]] == "Syria"
    assert [doc.text[s:e] for s, e in event.quantities] == ["over 300"] or [
        doc.text[s:e] for s, e in event.quantities
    ] == ["300"]


def test_negation() -> None:
    (event,) = analyse("Israel did not attack Iran.").events
    assert event.negated
    (event,) = analyse("Israel attacked Iran.").events
    assert not event.negated


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Iran attacked Israel.", "asserted"),
        ("Iran will attack Israel.", "future"),
        ("If Iran attacks Israel, the region will burn.", "hypothetical"),
        ("Why did Iran attack Israel?", "question"),
        ("Iran must withdraw from Syria.", "demand"),
    ],
)
def test_modality(text: str, modality: str) -> None:
    event = next(e for e in analyse(text).events if e.source == "IRN")
    assert event.modality == modality


def test_demand_and_its_demanded_event() -> None:
    doc = analyse("We call on Israel to withdraw from Lebanon.", speaker_side="Lebanon")
    by_type = {e.type: e for e in doc.events}
    assert (by_type["DEMAND"].source, by_type["DEMAND"].target) == ("LBN", "ISR")
    assert (by_type["RETREAT"].source, by_type["RETREAT"].modality) == ("ISR", "demand")


def test_clause_inside_quotation_is_flagged_and_attributed() -> None:
    doc = analyse("Mr. Brenn admitted that “the Northern Shield attacked Valdoria with our drones.”")
    quoted = [e for e in doc.events if e.quoted]
    assert quoted and quoted[0].type == "ASSAULT"
    assert quoted[0].attributed_actor == "new:brenn"


def test_event_records_are_json_friendly_and_spans_point_into_the_text() -> None:
    doc = analyse(
        "The Great Satan killed our commander in Baghdad in January 2020.", speakers=["Ali Khamenei"]
    )
    (event,) = doc.events
    assert (event.source, event.type, event.target) == ("USA", "ASSAULT", "IRN")
    assert doc.text[event.times[0][0] : event.times[0][1]] == "January 2020"
    json.dumps(dataclasses.asdict(event))
    span = doc.layer("event")[0]
    assert span.label == "ASSAULT" and span.attrs["id"] == event.id
    assert event.evidence[0] <= event.trigger[0] < event.trigger[1] <= event.evidence[1]
