"""benchmarks/corpus.py: documents cut from the shared data's formats, queries, and a small run on SQLite."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module
    spec.loader.exec_module(module)
    return module


def _words(rng: random.Random, n: int) -> str:
    vocab = [
        f"{a}{b}" for a in ("tax", "oil", "war", "job", "vote", "wage") for b in ("es", "ing", "ers", "ed")
    ]
    vocab += [f"topic{i}" for i in range(60)]
    return " ".join(rng.choice(vocab) for _ in range(n)).capitalize() + "."


def _data(root: Path) -> Path:
    rng = random.Random(1)
    for folder, name in (
        ("ct2020-t5", "20160115_GOP_charlston.tsv"),
        ("checkthat2019-t1", "20182601_trump_world.tsv"),
    ):
        path = root / folder / "train" / name
        path.parent.mkdir(parents=True)
        lines = []
        for i in range(1, 160):
            speaker = "SYSTEM" if i % 40 == 0 else ("TRUMP" if (i // 7) % 2 else "CRUZ")
            text = "(APPLAUSE)" if speaker == "SYSTEM" else _words(rng, 12)
            lines.append(f"{i}\t{speaker}\t{text}\t0")
        lines.append("160\tCRUZ\t" + "We will cut the taxes of every family in this country now.\t1")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cb = root / "claimbuster" / "debate_transcripts"
    cb.mkdir(parents=True)
    turns = [f"{s}: {_words(rng, 60)}" for s in ("MODERATOR", "GORE", "BUSH") * 12]
    (cb / "2000-10-03.txt").write_text(
        "October 3, 2000\n\nThe First Debate\n\n" + "\n\n(Applause)\n\n".join(turns)
    )
    (cb / "2016-09-26.txt").write_text("left out\n\nCLINTON: " + _words(rng, 50))
    articles = root / "ptc-semeval2020" / "train" / "articles"
    articles.mkdir(parents=True)
    (articles / "article111.txt").write_text(
        "A title\n\n" + "\n".join(_words(rng, 15) for _ in range(30)) + "\n"
    )
    return root


def test_documents_are_cut_at_units_with_dates_and_speakers(tmp_path: Path) -> None:
    bench = _bench()
    docs = bench.build_documents(_data(tmp_path / "data"), 8, 3)
    assert 3 <= len(docs) <= 8
    assert len({d.key for d in docs}) == len(docs)
    by_source = {d.source.split("#")[0]: d for d in docs}
    assert by_source["ct2020-t5/20160115_GOP_charlston.tsv"].date == "2016-01-15"
    assert by_source["checkthat2019-t1/20182601_trump_world.tsv"].date == "2018-01-26"  # YYYYDDMM
    assert by_source["claimbuster/2000-10-03.txt"].date == "2000-10-03"
    assert not any("2016-09-26" in d.source for d in docs)  # a debate CheckThat! has too
    article = by_source["ptc-semeval2020/article111.txt"]
    assert article.speakers == () and article.title == "A title" and article.date
    for d in docs:
        assert "APPLAUSE" not in d.text and "(Applause)" not in d.text
        if len(d.speakers) > 1:
            assert all(f"{s}: " in d.text for s in d.speakers)


def test_render_labels_turns_only_when_several_speak() -> None:
    bench = _bench()
    text, speakers = bench.render([("A", "One."), ("A", "Two."), ("B", "Three.")])
    assert speakers == ("A", "B") and text == "A: One. Two.\n\nB: Three.\n"
    text, speakers = bench.render([("A", "One."), ("A", "Two.")])
    assert speakers == ("A",) and text == "One. Two.\n"


def test_queries_cover_every_kind_and_filter() -> None:
    bench = _bench()
    rng = random.Random(2)

    def text() -> str:  # words of 5 letters from 6: most occur in a few documents only
        return " ".join("".join(rng.choice("abcdef") for _ in range(5)) for _ in range(300))

    docs = [bench.BenchDoc(str(i), "t", "2016-01-01", ("X",), text(), "s") for i in range(40)]
    facets = {
        "speakers": ["X"],
        "actors": ["USA"],
        "labels": [("quantity", "money")],
        "dates": ["2016-01-01"],
    }
    queries = bench.make_queries(docs, facets, 1)
    assert len(queries) >= 200
    kinds = {q.kind.split(" ")[0] for q in queries}
    assert {"word", "words", "prefix", "or", "not", "group"} <= kinds
    filters = {key for q in queries for key in q.filters}
    assert filters == {"speaker", "since", "layer", "label", "actor"}
    from podium.corpus.query import parse

    for q in queries:
        parse(q.text)  # every query is valid syntax


def test_small_run_prints_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = _bench()
    monkeypatch.setenv("PODIUM_HELPER", "0")
    data = _data(tmp_path / "data")
    args = ["--data", str(data), "--docs", "6", "--sample", "0", "--only", "quantity", "--jobs", "1"]
    args += ["--cache", str(tmp_path / "cache"), "--workdir", str(tmp_path / "work")]
    assert bench.main(args) == 0
    out = capsys.readouterr().out
    for line in (
        "command: python benchmarks/corpus.py",
        "2. corpus:",
        "sentences",
        "database size",
        "p50/p95 ms all",
        "recurring(): seconds",
    ):
        assert line in out
    assert not list((tmp_path / "work").glob("bench-corpus.db*"))  # removed without --keep
    assert bench.main(args) == 0  # the second run reads the analyses from the cache
    assert "from the cache" in capsys.readouterr().out
