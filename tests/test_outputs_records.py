"""The JSON output's records (claims, events, actors): ``json_out``'s own conversion gives exactly what
``dataclasses.asdict`` gives, copied as deeply, for the records podium makes and for odder field values."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict, defaultdict, namedtuple
from dataclasses import dataclass, field
from typing import Any

from podium.actors.records import Actor, Event
from podium.claims import Claim
from podium.document import Document, Meta
from podium.outputs.json_out import _asdict, to_dict

Pair = namedtuple("Pair", "a b")


@dataclass
class Inner:
    name: str
    values: list[int] = field(default_factory=list)


@dataclass
class Odd:
    inner: Inner
    pairs: tuple[Pair, ...]
    ordered: OrderedDict[str, Any]
    nested: list[Inner]
    keys: dict[tuple[int, int], str]
    tags: frozenset[str]
    counts: defaultdict[str, int]


def _records() -> list[Any]:
    return [
        Claim("c1", 1, 0, 0, 12, 0.83, "A", "quantity", {"quantity": [[3, 5]], "time": []}, None),
        Claim("c2", 2, 1, 13, 20, 0.4, matches=[{"factcheck_id": 7, "score": 0.9, "url": "https://x"}]),
        Event(
            id="e1",
            type="ASSAULT",
            sentence=0,
            trigger=[2, 9],
            evidence=[0, 12],
            source="ISR",
            source_span=[0, 3],
            target="SYR",
            quantities=[[3, 5]],
            negated=True,
        ),
        Actor(
            id="ISR",
            name="Israel",
            type="state",
            wikidata="Q801",
            aliases_seen=["Israel", "Tel Aviv"],
            mention_count=2,
            mentions=[[0, 6], [30, 36]],
        ),
    ]


def test_records_convert_as_dataclasses_asdict_does() -> None:
    for record in _records():
        assert _asdict(record) == dataclasses.asdict(record)
        assert list(_asdict(record)) == list(dataclasses.asdict(record))  # the same key order


def test_odd_field_values_convert_as_dataclasses_asdict_does() -> None:
    counts: defaultdict[str, int] = defaultdict(int, {"x": 2})
    odd = Odd(
        Inner("a", [1, 2]),
        (Pair(1, Inner("b")), Pair([3], {"k": 4})),
        OrderedDict([("z", [1]), ("a", Inner("c"))]),
        [Inner("d", [5])],
        {(1, 2): "one-two"},
        frozenset({"t"}),
        counts,
    )
    got = _asdict(odd)
    # (Python 3.11's asdict cannot copy a defaultdict; 3.12's keeps it one, as _asdict does)
    want = {**dataclasses.asdict(dataclasses.replace(odd, counts={})), "counts": {"x": 2}}
    assert got == want
    assert type(got["pairs"][0]) is Pair and type(got["ordered"]) is OrderedDict
    assert type(got["counts"]) is defaultdict and got["counts"].default_factory is int


def test_converted_records_share_nothing_with_the_record() -> None:
    actor = _records()[3]
    out = _asdict(actor)
    out["aliases_seen"].append("changed")
    out["mentions"][0][0] = 99
    assert actor.aliases_seen == ["Israel", "Tel Aviv"] and actor.mentions[0] == [0, 6]


def test_to_dict_records_are_those_of_dataclasses_asdict() -> None:
    doc = Document("Israel said the strike hit 40 villages.", Meta())
    doc.claims, doc.events, doc.actors = _records()[:2], _records()[2:3], _records()[3:]
    data = to_dict(doc)
    assert data["claims"][0] == {k: v for k, v in dataclasses.asdict(doc.claims[0]).items() if k != "matches"}
    assert data["claims"][1] == dataclasses.asdict(doc.claims[1])
    assert data["events"] == [dataclasses.asdict(doc.events[0])]
    assert data["actors"] == [dataclasses.asdict(doc.actors[0])]
