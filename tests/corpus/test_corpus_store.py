"""The corpus store on real SQLite files and a real PostgreSQL server: what is stored comes back exactly,
the same text is stored once, search, claims, recurring claims and timelines answer from the stored
layers, and removing a document removes everything of it."""

from __future__ import annotations

from typing import Any

import pytest

from podium.corpus import Corpus, Filters
from podium.outputs.json_out import to_dict

pytestmark = pytest.mark.slow


@pytest.fixture
def corpus(db_url: str, analysed: dict[str, dict[str, Any]]) -> Corpus:
    store = Corpus(db_url)
    for name in ("first", "second", "third"):
        store.add(analysed[name], ["test"])
    return store


def test_a_stored_analysis_comes_back_exactly(db_url: str, analysed: dict[str, dict[str, Any]]) -> None:
    with Corpus(db_url) as store:
        document_id, added = store.add(analysed["first"], ["claim", "quantity"])
        assert added
        assert store.data(document_id) == analysed["first"]
        assert to_dict(store.get(document_id)) == analysed["first"]


def test_the_same_text_is_stored_once(db_url: str, analysed: dict[str, dict[str, Any]]) -> None:
    with Corpus(db_url) as store:
        first = store.add(analysed["first"])
        again = store.add(analysed["first"])
        assert first == (again[0], True) and again[1] is False
        assert [d["id"] for d in store.documents()] == [first[0]]


def test_list_summarises_each_document(corpus: Corpus, analysed: dict[str, dict[str, Any]]) -> None:
    rows = corpus.documents()
    assert [r["title"] for r in rows] == ["Speech first", "Speech second", "Speech third"]
    first = rows[0]
    assert first["speakers"] == ["Minister Alda Brenn"] and first["date"] == "2024-03-05"
    assert first["claims"] == len(analysed["first"]["claims"]) > 0
    assert first["words"] == len(analysed["first"]["text"].split())
    assert len(first["content_hash"]) == 64


def _texts(hits: list[dict[str, Any]]) -> list[str]:
    return [h["text"] for h in hits]


def test_search_phrases_prefixes_and_operators(corpus: Corpus) -> None:
    phrase = corpus.search('"barrels a day"')
    assert len(phrase) == 2 and all("barrels a day" in t for t in _texts(phrase))
    assert all("**" in h["snippet"] for h in phrase)
    assert {h["document_id"] for h in corpus.search("bridg*")} == {1, 2, 3}
    either = _texts(corpus.search("harvest OR ambassador"))
    assert len(either) == 2 and any("harvest" in t for t in either)
    without = _texts(corpus.search("bridges -say"))
    assert len(without) == 2 and not any("400" in t for t in without)
    grouped = _texts(corpus.search("(unemployment OR harvest) -festival"))
    assert len(grouped) == 2 and all("Unemployment" in t for t in grouped)


def test_search_hits_point_into_the_stored_text(corpus: Corpus) -> None:
    for hit in corpus.search("port"):
        text = corpus.data(hit["document_id"])["text"]
        assert text[hit["start"] : hit["end"]] == hit["text"]


def test_search_filters(corpus: Corpus) -> None:
    brenn = corpus.search("bridges", Filters(speaker="minister alda brenn"))
    assert {h["document_id"] for h in brenn} == {1, 2}
    assert {h["date"] for h in corpus.search("bridges", Filters(since="2024-06"))} == {
        "2024-06-18",
        "2024-07-02",
    }
    assert {h["date"] for h in corpus.search("bridges", Filters(until="2024-06"))} == {
        "2024-03-05",
        "2024-06-18",
    }
    quantified = corpus.search("unemployment", Filters(layer="quantity"))
    assert len(quantified) == 2
    assert corpus.search("harvest", Filters(layer="quantity", label="no-such-label")) == []


def test_search_by_actor(corpus: Corpus, analysed: dict[str, dict[str, Any]]) -> None:
    mentions = [s for s in analysed["first"]["spans"] if s["layer"] == "actor_mention"]
    actor = next(s["label"] for s in mentions if s["text"] == "Karvia")
    hits = corpus.search("valley", Filters(actor=actor))
    assert hits and all("Karvia" in h["text"] for h in hits)


def test_claims_ranked_and_filtered(corpus: Corpus) -> None:
    claims = corpus.claims()
    scores = [c["score"] for c in claims]
    assert scores == sorted(scores, reverse=True) and len(claims) >= 6
    vask = corpus.claims(Filters(speaker="Senator Oren Vask"))
    assert vask and {c["document_id"] for c in vask} == {3}
    assert all(c["score"] >= 0.3 for c in corpus.claims(min_score=0.3))


def test_recurring_claims_across_documents(corpus: Corpus) -> None:
    clusters = corpus.recurring()
    bridges = [c for c in clusters if any("bridges" in m["text"] for m in c["claims"])]
    assert len(bridges) == 1, clusters
    cluster = bridges[0]
    assert cluster["size"] >= 2 and cluster["first_seen"] == "2024-03-05"
    dates = [m["date"] for m in cluster["claims"]]
    assert dates == sorted(dates)


def test_timeline_of_an_actor_by_month(corpus: Corpus, analysed: dict[str, dict[str, Any]]) -> None:
    mentions = [s for s in analysed["first"]["spans"] if s["layer"] == "actor_mention"]
    actor = next(s["label"] for s in mentions if s["text"] == "Karvia")
    rows = corpus.timeline(by="month", actor=actor)
    counted = {r["period"]: r["count"] for r in rows if r["series"] == "mentions"}
    assert counted.get("2024-03", 0) >= 1 and counted.get("2024-07", 0) >= 1
    weekly = corpus.timeline(by="week", speaker="Minister Alda Brenn")
    assert {r["period"] for r in weekly if r["series"] == "claims"} == {"2024-W10", "2024-W25"}


def test_remove_takes_everything_of_a_document(corpus: Corpus) -> None:
    corpus.remove(3)
    assert [d["id"] for d in corpus.documents()] == [1, 2]
    assert corpus.search("ambassador") == []
    assert all(c["document_id"] != 3 for c in corpus.claims())
    with corpus.reading() as conn:
        from sqlalchemy import text

        for table in ("sentences", "spans", "claims", "events", "actor_mentions", "segments"):
            left = conn.execute(text(f"SELECT count(*) FROM {table} WHERE document_id = 3")).scalar()
            assert left == 0, table


def test_show_adds_an_escaped_corpus_timeline_to_the_report(corpus: Corpus) -> None:
    html = corpus.report(1)
    section = html[html.index('<section id="corpus-timeline">') :]
    assert "<svg" in section and "<polyline" in section
    assert section.index("</section>") < section.index("</main>")


def test_timeline_svg_escapes_labels() -> None:
    from xml.etree import ElementTree

    from podium.corpus.chart import timeline_svg

    rows = [{"period": "2024-01", "series": "<script>alert(1)</script>", "count": 3}]
    svg = timeline_svg(rows, 'a "title" & <b>', mark="2024-01")
    assert "<script>" not in svg
    ElementTree.fromstring(svg)  # well-formed XML


def test_long_actor_ids_and_labels_are_stored(db_url: str, analysed: dict[str, dict[str, Any]]) -> None:
    import copy

    data = copy.deepcopy(analysed["second"])
    long_id = "new:" + "the-prefect-of-a-very-long-named-congregation-" * 4
    mention = next(s for s in data["spans"] if s["layer"] == "actor_mention")
    data["spans"].append({**mention, "label": long_id, "attrs": {"name": long_id, "type": "person"}})
    data["actors"].append({**data["actors"][0], "id": long_id, "name": long_id})
    with Corpus(db_url) as store:
        document_id, _ = store.add(data)
        stored = store.data(document_id)
    assert any(s["label"] == long_id for s in stored["spans"])
    assert any(a["id"] == long_id for a in stored["actors"])
