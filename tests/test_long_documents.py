"""Long documents: over-long sentences, piece-by-piece analysis, many subtitle cues, many short lines.

Texts are written here (no shared data). Behaviour only: no test measures time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from podium import chunking
from podium.analyze import analyze_document
from podium.document import Document, Segment
from podium.ingest import from_bytes, load
from podium.nlp import sentence_docs
from podium.pipeline import Pipeline
from podium.segment import MAX_SENTENCE_CHARS, segment, split_long, with_cue_times

PARAGRAPH = (
    "According to the ministry, 40 percent of the budget, about $3 billion, went to schools in 2019. "
    "Perhaps we will never know why Iran and Hamas attacked the convoy on 4 March 2021. "
    "Our enemies are liars and cowards! We will defend our nation, we will defend our children. "
    "Resolution 242 of the Security Council calls for peace."
)
LOCAL_LAYERS = ("quantity", "time", "attribution", "hedge", "citation", "claim_type", "entity")


def relative(doc: Document, layers: tuple[str, ...] | None = None) -> list[list[tuple[object, ...]]]:
    """Per sentence: its spans as (layer, label, start, end, score) relative to the sentence start."""
    out = []
    for sentence in doc.sentences:
        spans = [
            (layer, s.label, s.start - sentence.start, s.end - sentence.start, s.score)
            for layer, s in doc.iter_spans()
            if (layers is None or layer in layers) and sentence.start <= s.start and s.end <= sentence.end
        ]
        out.append(sorted(spans, key=repr))
    return out


def check_offsets(doc: Document) -> None:
    n = len(doc.text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]
    for _, span in doc.iter_spans():
        assert 0 <= span.start <= span.end <= n


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pieces of one paragraph each (the paragraph is about 400 characters)."""
    monkeypatch.setattr(chunking, "CHUNK_CHARS", len(PARAGRAPH) + 10)
    yield


def test_sentence_over_a_million_characters_is_split_and_analysed() -> None:
    text = "We " + "and so we went on and on " * 42_000 + "until 2020."
    assert len(text) > 1_000_000
    doc = segment(Document(text))
    assert len(doc.sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in doc.sentences)
    assert "".join(doc.text[s.start : s.end] for s in doc.sentences).replace(" ", "") == text.replace(" ", "")
    analyze_document(doc, Pipeline.from_names(only=["entity", "quantity", "time", "hedge"]))
    check_offsets(doc)
    assert any(s.label == "date" for s in doc.layer("time"))


def test_preset_sentence_over_spacy_limit_is_tokenised_in_pieces() -> None:
    text = "The Minister said 40 percent " * 40_000
    doc = Document(text)
    doc.sentences = [Segment(0, len(doc.text))]  # as a reader may preset it: no re-segmentation
    (sdoc,) = sentence_docs(doc, "ner")
    assert sdoc.text == doc.text
    assert len(sdoc.ents) > 10_000
    assert all(doc.text[e.start_char : e.end_char] == e.text for e in list(sdoc.ents)[-5:])


def test_split_long_keeps_short_sentences_and_cuts_at_commas() -> None:
    text = "a" * 10 + ". " + ", ".join(["word word word"] * 1000)
    short = Segment(0, 11)
    assert split_long(text, short) == [short]
    pieces = split_long(text, Segment(12, len(text)), max_chars=500)
    assert all(p.end - p.start <= 500 for p in pieces)
    assert all(text[p.end - 1] == "," for p in pieces[:-1])
    assert pieces[0].start == 12 and pieces[-1].end == len(text)


def test_copies_of_a_paragraph_give_the_paragraph_results_in_each_piece(small_chunks: None) -> None:
    pipeline = Pipeline.from_names()
    one = analyze_document(Document(PARAGRAPH + "\n"), pipeline)
    copies = 6
    many = analyze_document(Document("\n\n".join([PARAGRAPH] * copies) + "\n"), pipeline)
    check_offsets(many)
    expected = relative(one)
    assert len(many.sentences) == copies * len(one.sentences)
    per_sentence = relative(many)
    for k in range(copies):
        assert per_sentence[k * len(expected) : (k + 1) * len(expected)] == expected
    scores = [c.score for c in sorted(one.claims, key=lambda c: c.start)]
    many_scores = [c.score for c in sorted(many.claims, key=lambda c: c.start)]
    assert many_scores == scores * copies
    assert [c.rank for c in many.claims] == list(range(1, len(many.claims) + 1))
    for claim in many.claims:
        sentence = many.sentences[claim.sentence]
        assert (claim.start, claim.end) == (sentence.start, sentence.end)
        assert claim.id == f"c{claim.sentence + 1}"
    assert len(many.events) == copies * len(one.events)
    assert [e.id for e in many.events] == [f"e{k}" for k in range(1, len(many.events) + 1)]
    assert {s.attrs["id"] for s in many.layer("event")} == {e.id for e in many.events}
    counts = {a.id: a.mention_count for a in one.actors}
    assert {a.id: a.mention_count for a in many.actors} == {a: n * copies for a, n in counts.items()}
    assert sum(len(a.mentions) for a in many.actors) == len(many.layer("actor_mention"))
    rhetoric = many.meta.extras["rhetoric"]
    assert rhetoric["words"] == many.word_count()
    one_counts = {t: v["count"] for t, v in one.meta.extras["rhetoric"]["techniques"].items()}
    assert {t: v["count"] for t, v in rhetoric["techniques"].items()} == {
        t: n * copies for t, n in one_counts.items()
    }


def test_copies_in_one_pass_keep_sentence_local_results() -> None:
    pipeline = Pipeline.from_names(only=list(LOCAL_LAYERS))
    one = analyze_document(Document(PARAGRAPH + "\n"), pipeline)
    many = analyze_document(Document("\n\n".join([PARAGRAPH] * 4) + "\n"), pipeline)
    assert relative(many) == relative(one) * 4


def test_pieces_cover_the_document_in_order(small_chunks: None) -> None:
    text = "\n\n".join(f"MODERATOR: Question {k}?\n\nSMITH: {PARAGRAPH}" for k in range(5)) + "\n"
    doc = segment(load_text(text))
    assert doc.turns
    chunks = chunking.chunk_ranges(doc)
    assert len(chunks) > 1
    assert chunks[0].start == 0 and chunks[-1].end == len(doc.text)
    assert [c.first for c in chunks[1:]] == [c.stop for c in chunks[:-1]]
    assert [c.start for c in chunks[1:]] == [c.end for c in chunks[:-1]]
    assert chunks[-1].stop == len(doc.sentences)
    for c in chunks[1:]:  # a piece starting at a turn starts at its speaker label
        assert doc.text[c.start :].startswith(("MODERATOR:", "SMITH:"))


def load_text(text: str) -> Document:
    """A plain text read as ``podium analyze`` reads a .txt file (speaker labels become turns)."""
    return from_bytes(text.encode(), "debate.txt", ".txt")


def naive_cue_times(sentences: list[Segment], cues: list[dict[str, float]]) -> list[Segment]:
    out = []
    for sentence in sentences:
        hits = [c for c in cues if c["start"] < sentence.end and c["end"] > sentence.start]
        attrs = dict(sentence.attrs)
        if hits:
            attrs.update(time_start=hits[0]["t_start"], time_end=hits[-1]["t_end"])
        out.append(Segment(sentence.start, sentence.end, attrs))
    return out


def test_many_subtitle_cues_keep_their_times(tmp_path: Path) -> None:
    lines = ["WEBVTT", ""]
    n = 3000
    for k in range(n):
        t = 2 * k
        end = "." if k % 3 == 2 else ""  # three cues make one sentence
        lines += [f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}.000 --> "
                  f"{(t + 1) // 3600:02d}:{(t + 1) // 60 % 60:02d}:{(t + 1) % 60:02d}.500",
                  f"Part {k} of the speech{end}", ""]  # fmt: skip
    path = tmp_path / "talk.vtt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = segment(load(str(path)))
    cues = doc.meta.extras["cues"]
    assert len(cues) == n
    assert len(doc.sentences) == n // 3
    for k, sentence in enumerate(doc.sentences):
        assert sentence.attrs["time_start"] == 6 * k
        assert sentence.attrs["time_end"] == 6 * k + 5.5
    sample = doc.sentences[:200]
    assert with_cue_times([Segment(s.start, s.end) for s in sample], cues) == naive_cue_times(
        [Segment(s.start, s.end) for s in sample], cues
    )


def test_cue_times_for_sentences_within_and_across_cues() -> None:
    cues = [
        {"start": 0, "end": 10, "t_start": 0.0, "t_end": 1.0},
        {"start": 11, "end": 30, "t_start": 1.0, "t_end": 2.0},
        {"start": 31, "end": 40, "t_start": 3.0, "t_end": 4.0},
    ]
    sentences = [Segment(0, 4), Segment(5, 15), Segment(16, 20), Segment(21, 40), Segment(41, 45)]
    assert with_cue_times(sentences, cues) == naive_cue_times(sentences, cues)


def test_many_short_lines() -> None:
    text = "\n".join(f"Item {k}: we paid {k} dollars" for k in range(5_000)) + "\n"
    doc = load_text(text)
    analyze_document(doc, Pipeline.from_names(only=["quantity", "hedge", "claim_type"]))
    check_offsets(doc)
    assert len(doc.sentences) == 5_000
    money = [s for s in doc.layer("quantity") if s.attrs.get("currency") == "USD"]
    assert len(money) == 5_000
    assert len(doc.layer("claim_type")) == 5_000


def test_json_output_is_built_item_by_item_with_the_same_text() -> None:
    import json

    from podium.outputs import json_out

    doc = analyze_document(
        Document("\n\n".join([PARAGRAPH] * 3) + "\n"), Pipeline.from_names(only=list(LOCAL_LAYERS))
    )
    doc.meta.extras["note"] = {"nested": ["a\nb", 1]}
    expected = json.dumps(json_out.to_dict(doc), ensure_ascii=False, indent=2) + "\n"
    assert json_out.render(doc) == expected
    assert json_out.render(Document("x")) == json.dumps(json_out.to_dict(Document("x")), indent=2) + "\n"
