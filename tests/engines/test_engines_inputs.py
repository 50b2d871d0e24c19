"""Inputs at archive scale: list files, folders and JSONL dumps streamed and counted, JSONL lines read as
documents (the same text as a file gives, meta from the fields, one clear error per bad line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from podium.corpus.writer import content_hash
from podium.engines.inputs import Inputs
from podium.errors import PodiumError
from podium.ingest import load
from podium.ingest.jsonl import Record, document, records


def _code(func: object) -> str:
    with pytest.raises(PodiumError) as caught:
        func()  # type: ignore[operator]
    return caught.value.code


def test_lists_folders_and_dumps_stream_in_order(tmp_path: Path) -> None:
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    for name in ("dir/b.txt", "dir/a.md", "dir/sub/c.html", "dir/skip.bin", "one.txt"):
        (tmp_path / name).write_text("Some text.\n", encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"text": "First."}\n\n{"text": "Second."}\n', encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# inputs\n\n  {tmp_path / 'one.txt'}  \nhttps://example.org/speech\n{dump}\n")
    inputs = Inputs((str(tmp_path / "dir"),), listing)
    assert inputs.check() == 3 + 1 + 1 + 2
    items = list(inputs)
    names = [i if isinstance(i, str) else i.source for i in items]
    assert names == [
        str(tmp_path / "dir" / "a.md"),
        str(tmp_path / "dir" / "b.txt"),
        str(tmp_path / "dir" / "sub" / "c.html"),
        str(tmp_path / "one.txt"),
        "https://example.org/speech",
        f"{dump}:1",
        f"{dump}:3",  # line numbers as in the file: the blank line 2 is skipped
    ]
    assert isinstance(items[-1], Record) and items[-1].raw == b'{"text": "Second."}'


def test_missing_or_empty_inputs_fail_before_any_work(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'gone.txt'}\n")
    assert _code(lambda: Inputs((), listing).check()) == "E001"
    assert _code(lambda: Inputs((), tmp_path / "no-list.txt").check()) == "E001"
    (tmp_path / "empty").mkdir()
    assert _code(lambda: Inputs((str(tmp_path / "empty"),)).check()) == "E002"


def test_a_jsonl_line_is_read_like_the_same_text_in_a_file(tmp_path: Path) -> None:
    text = "Statement of the ministry\n\nWe rebuilt 40 bridges in 2023.\r\nUnemployment fell to 5 percent.\n"
    as_file = tmp_path / "speech.txt"
    as_file.write_bytes(text.encode("utf-8"))
    line = {
        "text": text,
        "title": "A title",
        "speakers": ["A. Minister", "B. Deputy"],
        "date": "12 March 2024",
        "language": "en",
        "side": "Ost",
        "party": "Blue",
        "tags": ["budget"],
    }
    doc = document(Record("dump.jsonl", 7, json.dumps(line).encode()), 10_000)
    assert content_hash(doc.text) == content_hash(load(str(as_file)).text)  # one identity, file or dump
    assert doc.meta.title == "A title" and doc.meta.speakers == ["A. Minister", "B. Deputy"]
    assert doc.meta.date == "2024-03-12" and doc.meta.source == "dump.jsonl:7"
    assert doc.meta.extras["speaker_side"] == "Ost"
    assert doc.meta.extras["party"] == "Blue" and doc.meta.extras["tags"] == ["budget"]
    one = document(
        Record("d.jsonl", 1, b'{"text": "Hi there.", "speaker": "C", "url": "https://x.org/1"}'), 100
    )
    assert one.meta.speakers == ["C"] and one.meta.source == "https://x.org/1"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"not json", "E604"),
        (b'["a list"]', "E604"),
        (b'{"title": "no text"}', "E604"),
        (b'{"text": "   "}', "E604"),
        (b'{"text": 42}', "E604"),
        (b'{"text": "Fine.", "speakers": 3}', "E604"),
        (b'{"text": "Fine.", "title": ["x"]}', "E604"),
        (b'{"text": "Fine.", "date": "someday"}', "E014"),
        (b'{"text": "\xff\xfe"}', "E604"),
        (b'{"text": "' + b"long " * 100 + b'"}', "E005"),
    ],
)
def test_a_bad_line_is_one_clear_error(raw: bytes, code: str) -> None:
    assert _code(lambda: document(Record("dump.jsonl", 3, raw), 200)) == code


def test_records_stream_a_file_and_name_a_missing_one(tmp_path: Path) -> None:
    dump = tmp_path / "big.jsonl"
    with open(dump, "w", encoding="utf-8") as out:
        for i in range(2000):
            out.write(json.dumps({"text": f"Speech {i}."}) + "\n")
    stream = records(str(dump))
    first = next(stream)  # the file is read as the stream is consumed, a line at a time
    assert first.line == 1 and json.loads(first.raw)["text"] == "Speech 0."
    assert sum(1 for _ in stream) == 1999
    assert _code(lambda: list(records(str(tmp_path / "missing.jsonl")))) == "E001"
