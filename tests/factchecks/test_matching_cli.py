"""``podium match`` end to end on tiny files, the run and query formats, and bad input."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from podium.cli import main
from podium.factchecks.matcher import Match
from podium.factchecks.runfiles import (
    find_transcript,
    parse_queries,
    parse_transcript,
    run_lines,
    split_query_id,
    unquote,
)
from tests.conftest import SHARED

CLAIMS_TSV = (
    "\tvclaim\ttitle\n"
    "0\tUnemployment among veterans is lower than in the general population.\tVeterans' jobs\n"
    "1\tCrime in Chicago rose by 20% last year.\tChicago crime\n"
    '2\t"The US spends more on defense than the next ten countries ""combined""."\tDefense\n'
)
RUN_LINE = re.compile(r"^(\S+)\tQ0\t(\S+)\t(\d+)\t([0-9.e+-]+)\tpodium$")


def politifact(path: Path) -> Path:
    rows = [
        {
            "vclaim_id": "vclaim-pol-1",
            "vclaim": "Veterans' unemployment is lower than the general population's.",
            "speaker": "Barack Obama",
            "truth_label": "mostly-true",
            "date": "stated on October 22, 2012 in a debate:",
            "title": "Obama on veterans",
            "url": "/factchecks/2012/oct/23/veterans/",
            "text": "In the third debate, Obama said veterans' unemployment is now lower.",
        },
        {
            "vclaim_id": "vclaim-pol-2",
            "vclaim": "Wind turbines cause cancer.",
            "speaker": "Donald Trump",
            "truth_label": "pants-fire",
            "date": "stated on April 2, 2019 in a speech:",
            "title": "Trump on wind",
            "url": "/factchecks/2019/apr/03/wind/",
            "text": "Trump said the noise of windmills causes cancer.",
        },
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    return path


def run(args: list[str]):
    return CliRunner().invoke(main, ["match", *[str(a) for a in args]])


def test_match_writes_a_run_file(tmp_path: Path) -> None:
    claims = tmp_path / "claims.tsv"
    claims.write_text(CLAIMS_TSV, encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text(
        "\ttweet_content\n7\tVeterans now have lower unemployment than everyone else\n"
        '8\t"Chicago crime up 20% last year, says ""the mayor"""\n',
        encoding="utf-8",
    )
    out = tmp_path / "run.tsv"
    result = run(["--queries", queries, "--claims", claims, "-o", out])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    parsed = [RUN_LINE.match(line) for line in lines]
    assert all(parsed), lines
    by_query: dict[str, list[tuple[int, str, float]]] = {}
    for m in parsed:
        by_query.setdefault(m[1], []).append((int(m[3]), m[2], float(m[4])))
    assert set(by_query) == {"7", "8"}
    assert sorted(by_query["7"])[0][1] == "0"
    assert sorted(by_query["8"])[0][1] == "1"
    for rows in by_query.values():
        assert [r for r, _, _ in rows] == list(range(1, len(rows) + 1))
        assert all(0 <= s <= 1 for _, _, s in rows)
        assert [s for _, _, s in rows] == sorted((s for _, _, s in rows), reverse=True)


def test_match_with_context_and_politifact_lines(tmp_path: Path) -> None:
    claims = politifact(tmp_path / "politifact.jsonl.gz")
    debates = tmp_path / "debates"
    debates.mkdir()
    (debates / "20121022_third_debate.tsv").write_text(
        "1\tSCHIEFFER\tGood evening.\t0\n"
        "2\tOBAMA\tWe brought our troops home.\t0\n"
        "3\tOBAMA\tAnd veterans' unemployment is now lower than the general population.\t1\n",
        encoding="utf-8",
    )
    queries = tmp_path / "q.tsv"
    queries.write_text(
        "20121022_third_debate_3\tAnd veterans' unemployment is now lower than the general population.\n",
        encoding="utf-8",
    )
    out = tmp_path / "run.tsv"
    result = run(["--queries", queries, "--claims", claims, "-o", out, "--context", debates, "--depth", "5"])
    assert result.exit_code == 0, result.output
    first = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert first[:4] == ["20121022_third_debate_3", "Q0", "vclaim-pol-1", "1"]


@pytest.mark.parametrize(
    ("queries_text", "code"),
    [
        ("7 no tab here\n", "E520"),
        ("", "E520"),
        ("id\ttext\n", "E520"),
        ("7\tone text\n7\tanother text\n", "E520"),
        ("7\t\n", "E520"),
    ],
)
def test_bad_query_files(tmp_path: Path, queries_text: str, code: str) -> None:
    claims = tmp_path / "claims.tsv"
    claims.write_text(CLAIMS_TSV, encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text(queries_text, encoding="utf-8")
    out = tmp_path / "run.tsv"
    result = run(["--queries", queries, "--claims", claims, "-o", out])
    assert result.exit_code == 3
    assert f"[{code}]" in result.output
    assert not out.exists()


def test_bad_claims_context_and_options(tmp_path: Path) -> None:
    queries = tmp_path / "q.tsv"
    queries.write_text("debate_3\tVeterans are doing well.\n", encoding="utf-8")
    claims = tmp_path / "claims.tsv"
    claims.write_text("a\tb\n1\t2\n", encoding="utf-8")
    out = tmp_path / "run.tsv"
    cases = [
        (["--queries", tmp_path / "missing.tsv", "--claims", claims], "E001", 3),
        (["--queries", queries, "--claims", claims], "E521", 3),
        (["--queries", queries, "--claims", tmp_path / "none.jsonl"], "E001", 3),
    ]
    good = tmp_path / "good.tsv"
    good.write_text(CLAIMS_TSV, encoding="utf-8")
    debates = tmp_path / "debates"
    debates.mkdir()
    cases += [
        (["--queries", queries, "--claims", good, "--context", debates], "E522", 3),
        (["--queries", queries, "--claims", good, "--context", tmp_path / "nowhere"], "E001", 3),
        (["--queries", queries, "--claims", good, "--depth", "0"], "E409", 2),
    ]
    (debates / "debate.tsv").write_text("1\tA\tHello.\n", encoding="utf-8")
    cases.append((["--queries", queries, "--claims", good, "--context", debates], "E522", 3))  # no line 3
    (debates / "debate.tsv").write_text("not a transcript\n", encoding="utf-8")
    for args, code, exit_code in cases:
        result = run([*args, "-o", out])
        assert result.exit_code == exit_code, (args, result.output)
        assert f"[{code}]" in result.output, (args, result.output)
        assert not out.exists()
    result = run(["--queries", queries, "--claims", good, "--context", debates, "-o", out])
    assert result.exit_code == 3 and "[E522]" in result.output and "line 1" in result.output


def test_the_output_must_not_be_an_input(tmp_path: Path) -> None:
    claims = tmp_path / "claims.tsv"
    claims.write_text(CLAIMS_TSV, encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text("1\tCrime rose.\n", encoding="utf-8")
    result = run(["--queries", queries, "--claims", claims, "-o", claims])
    assert result.exit_code != 0
    assert claims.read_text(encoding="utf-8") == CLAIMS_TSV


_ids = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True).filter(
    lambda s: s.lower() not in {"id", "qid", "query_id", "tweet_id"}
)
_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters='"\t'),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() == s and s)


@given(st.dictionaries(_ids, _texts, min_size=1, max_size=8), st.booleans())
def test_query_files_round_trip(queries: dict[str, str], header: bool) -> None:
    text = ("\ttext\n" if header else "") + "".join(f"{k}\t{v}\n" for k, v in queries.items())
    assert parse_queries(text) == list(queries.items())


@given(_texts)
def test_csv_quoted_fields_are_unquoted(text: str) -> None:
    quoted = '"' + text.replace('"', '""') + '"'
    assert unquote(quoted) == text
    assert unquote(text) == text


def test_repeated_identical_query_lines_count_once() -> None:
    assert parse_queries("a_1\tSame.\na_1\tSame.\nb_2\tOther.\n") == [("a_1", "Same."), ("b_2", "Other.")]


def test_run_lines_and_query_ids() -> None:
    lines = list(run_lines(["q1"], [[Match(1, 0.9, 1), Match(0, 0.00001234, 2)]], ["vc-a", "vc-b"]))
    assert lines == ["q1\tQ0\tvc-b\t1\t0.9\tpodium\n", "q1\tQ0\tvc-a\t2\t1.234e-05\tpodium\n"]
    assert split_query_id("20160926_1pres_0012") == ("20160926_1pres", 12)
    assert split_query_id("nolinenumber") is None
    names = ["20160926_1pres.tsv", "20160926_1pres_extra.tsv", "20170101_other.tsv"]
    assert find_transcript("20160926_1pres", names) == "20160926_1pres.tsv"
    assert find_transcript("2016", names) is None


def test_transcript_context_speaker_and_date() -> None:
    t = parse_transcript("20160926_1pres.tsv", "1\tHOLT\tWelcome.\n2\tTRUMP\tFirst.\n3\tCLINTON\tSecond.\n")
    q = t.query(2, "First.")
    assert q.before == ("Welcome.",) and q.after == ("Second.",)
    assert q.speaker == "TRUMP" and q.date == "2016-09-26"
    assert parse_transcript("debate.tsv", "1\tA\tx\n").date is None


@pytest.mark.skipif(not (SHARED / "data" / "ct2022-t2b").exists(), reason="needs ../shared/data")
def test_checkthat_speech_queries_find_their_transcript_lines() -> None:
    from podium.factchecks.matchdata import load_speeches

    data = load_speeches(SHARED / "data", negatives_per_query=1)
    assert len(data.queries) == 445
    assert all(rel for rel in data.relevant)
    assert all(q.before and q.speaker and q.date for q in data.queries)
    assert len(data.negatives) > 300 and not set(data.negatives) & set(data.queries)
