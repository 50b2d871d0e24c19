from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.document import Document
from podium.errors import PodiumError
from podium.ingest.transcript import detect_turns, is_checkthat, read_checkthat
from podium.segment import segment


def test_speaker_labels_make_turns_and_stay_out_of_sentences() -> None:
    text = (
        "MODERATOR: Good evening. Our first question is on energy.\n\n"
        "SENATOR HALE: We import one million barrels a day. That must end.\n\n"
        "Governor Reyes: That number is wrong.\nIt is half that.\n\n"
        "MODERATOR: Thank you both."
    )
    doc = Document(text)
    detect_turns(doc)
    segment(doc)
    assert [t.speaker for t in doc.turns] == ["MODERATOR", "SENATOR HALE", "Governor Reyes", "MODERATOR"]
    assert doc.meta.speakers == ["MODERATOR", "SENATOR HALE", "Governor Reyes"]
    sents = [doc.span_text(s) for s in doc.sentences]
    assert sents[0] == "Good evening."
    assert "We import one million barrels a day." in sents
    assert not any(":" in s.split()[0] for s in sents)
    label_start, label_end = doc.turns[1].attrs["label"]
    assert doc.text[label_start:label_end].startswith("SENATOR HALE:")


def test_a_note_line_does_not_make_a_transcript() -> None:
    doc = Document("Note: this is a translation.\n\nWe will rebuild. Source: our ministry.\n\nThank you.")
    detect_turns(doc)
    assert doc.turns == []


def test_checkthat_lines_are_sentences_as_given() -> None:
    tsv = "1\tTODD\tGood evening. Welcome.\t0\n2\tTODD\tTonight is new.\t0\n3\tSANDERS\tWages fell 5%.\t1\n"
    assert is_checkthat(tsv)
    doc = read_checkthat(tsv, "debate.tsv")
    assert [doc.span_text(s) for s in doc.sentences] == [
        "Good evening. Welcome.",
        "Tonight is new.",
        "Wages fell 5%.",
    ]
    assert [s.attrs["line_number"] for s in doc.sentences] == [1, 2, 3]
    assert doc.sentences[2].attrs["gold_label"] == "1"
    assert [(t.speaker, doc.span_text(t)) for t in doc.turns] == [
        ("TODD", "Good evening. Welcome.\nTonight is new."),
        ("SANDERS", "Wages fell 5%."),
    ]


def test_bad_checkthat_line_names_the_line() -> None:
    with pytest.raises(PodiumError) as info:
        read_checkthat("1\tA\tfine\n2 broken line\n", "d.tsv")
    assert info.value.code == "E012" and info.value.fields["line"] == 2


_cell = st.text(
    alphabet=st.characters(blacklist_characters="\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=30
)


@given(
    st.lists(
        st.tuples(st.integers(1, 9999), _cell, _cell, st.sampled_from(["0", "1", None])),
        min_size=1,
        max_size=20,
    )
)
def test_checkthat_round_trip(rows: list[tuple[int, str, str, str | None]]) -> None:
    lines = [f"{n}\t{spk}\t{txt}" + (f"\t{lab}" if lab is not None else "") for n, spk, txt, lab in rows]
    doc = read_checkthat("\n".join(lines) + "\n", "x.tsv")
    assert len(doc.sentences) == len(rows)
    from podium.document import normalise_text

    for seg, (n, _, txt, _) in zip(doc.sentences, rows, strict=True):
        assert doc.span_text(seg) == normalise_text(txt.strip())
        assert seg.attrs["line_number"] == n
