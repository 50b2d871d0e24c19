"""Claim reviews and actor profiles through the ``Corpus`` API, on both engines: edits persist and are
logged, bad values are refused with E504, filters and exports see the statuses, actors show their
events and epithets."""

from __future__ import annotations

from typing import Any

import pytest

from podium.corpus import Corpus, Filters
from podium.errors import PodiumError


@pytest.fixture
def store(db_url: str, analysed: dict[str, dict[str, Any]]) -> Corpus:
    corpus = Corpus(db_url)
    for data in analysed.values():
        corpus.add(data)
    return corpus


def test_a_review_persists_and_every_edit_is_logged(store: Corpus) -> None:
    queue, total = store.review_queue()
    assert total == len(queue) > 3 and all(c["status"] == "new" for c in queue)
    assert [c["score"] for c in queue] == sorted((c["score"] for c in queue), reverse=True)
    top = queue[0]["claim_id"]
    store.review(top, status="to_check", reviewer="Ana")
    record = store.review(top, status="checked", verdict="mostly_false", review_url="https://x.org/c/1")
    assert (record["status"], record["verdict"], record["reviewer"]) == ("checked", "mostly_false", "Ana")
    assert record["review_url"] == "https://x.org/c/1" and record["updated_at"]
    assert [h["changes"] for h in record["history"]] == [
        {
            "status": ["to_check", "checked"],
            "verdict": [None, "mostly_false"],
            "review_url": [None, "https://x.org/c/1"],
        },
        {"status": ["new", "to_check"], "reviewer": [None, "Ana"]},
    ]
    assert store.review(top, status="checked")["history"] == record["history"]  # no change, no entry
    reopened = Corpus(store.url.render_as_string(hide_password=False))
    assert reopened.claim(top)["verdict"] == "mostly_false"
    checked, n = store.review_queue(status="checked")
    assert n == 1 and checked[0]["claim_id"] == top
    assert store.review_queue(status="new")[1] == total - 1
    assert [c["claim_id"] for c in store.reviewed()] == [top]
    assert store.review_summary()["statuses"] == {
        "new": total - 1,
        "to_check": 0,
        "checked": 1,
        "not_worth_checking": 0,
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": "done"}, "status"),
        ({"verdict": "pants-on-fire"}, "verdict"),
        ({"review_url": "javascript:alert(1)"}, "review_url"),
        ({"note": "x" * 10_001}, "note"),
        ({"rating": "false"}, "rating"),
    ],
)
def test_bad_review_values_are_refused_and_change_nothing(
    store: Corpus, changes: dict[str, str], field: str
) -> None:
    claim_id = store.review_queue(limit=1)[0][0]["claim_id"]
    with pytest.raises(PodiumError) as err:
        store.review(claim_id, **changes)
    assert err.value.code == "E504" and err.value.fields["field"] == field
    assert store.claim(claim_id)["history"] == []


def test_unknown_claim_is_e505(store: Corpus) -> None:
    with pytest.raises(PodiumError) as err:
        store.claim(10**9)
    assert err.value.code == "E505"
    with pytest.raises(PodiumError) as err:
        store.review(10**9, status="checked")
    assert err.value.code == "E505"


def test_queue_filters_by_speaker_and_type(store: Corpus) -> None:
    vask, n = store.review_queue(Filters(speaker="Senator Oren Vask"))
    assert n == len(vask) > 0 and {c["document_id"] for c in vask} == {3}
    types = store.review_summary()["types"]
    assert types
    typed, _ = store.review_queue(claim_type=types[0])
    assert typed and all(c["type"] == types[0] for c in typed)
    page, total = store.review_queue(limit=2, offset=1)
    assert len(page) == 2 and page[0]["claim_id"] == store.review_queue(limit=2)[0][1]["claim_id"]
    assert total == store.review_queue()[1]


def test_sentence_at_an_offset(store: Corpus) -> None:
    data = store.data(1)
    second = data["sentences"][1]
    assert store.sentence_at(1, second["start"]) == 1
    assert store.sentence_at(1, second["end"] - 1) == 1
    assert store.sentence_at(1, len(data["text"]) + 5) is None


def test_actor_profile_has_events_and_mentions(store: Corpus) -> None:
    actors = store.actors()
    assert actors and actors == sorted(actors, key=lambda a: (-a["mentions"], a["name"]))
    with_events = [
        a for a in actors if store.actor(a["id"])["events_by"] or store.actor(a["id"])["events_on"]
    ]
    assert with_events
    profile = store.actor(with_events[0]["id"])
    assert profile["mentions"] == with_events[0]["mentions"] and profile["documents"] >= 1
    for event in profile["events_by"] + profile["events_on"]:
        assert event["evidence"] == store.data(event["document_id"])["text"][event["start"] : event["end"]]
    part = with_events[0]["name"][1:5]
    named = store.actors(name=part.upper())
    assert with_events[0]["id"] in [a["id"] for a in named]
    assert all(part.lower() in (a["name"] + a["id"]).lower() for a in named)
    with pytest.raises(PodiumError) as err:
        store.actor("no-such-actor")
    assert err.value.code == "E505"


def test_epithets_are_grouped_by_wording_and_speaker(db_url: str) -> None:
    from podium.analyze import analyze_document
    from podium.document import Document, Meta
    from podium.outputs.json_out import to_dict

    corpus = Corpus(db_url)
    for speaker, date in (("Speaker One", "2024-01-02"), ("Speaker Two", "2024-02-03")):
        text = "The Zionist regime has bombed the city again. The Zionist regime wants war."
        doc = Document(text + f" Said on {date}.", Meta(speakers=[speaker], date=date))
        corpus.add(to_dict(analyze_document(doc)))
    profile = corpus.actor("ISR")
    assert [(e["epithet"], e["speaker"], e["count"]) for e in profile["epithets"]] == [
        ("The Zionist regime", "Speaker One", 2),
        ("The Zionist regime", "Speaker Two", 2),
    ]


def test_stamps_change_when_the_corpus_or_a_document_does(
    db_url: str, analysed: dict[str, dict[str, Any]]
) -> None:
    corpus = Corpus(db_url)
    empty = corpus.stamp()
    first, _ = corpus.add(analysed["first"])
    document_stamp, corpus_stamp = corpus.stamp(first), corpus.stamp()
    assert corpus_stamp != empty and document_stamp is not None
    corpus.add(analysed["second"])
    assert corpus.stamp() != corpus_stamp and corpus.stamp(first) == document_stamp
    corpus.remove(first)
    assert corpus.stamp(first) is None
    again, _ = corpus.add(analysed["first"])
    assert corpus.stamp(again) != document_stamp
