"""The search syntax parser: any string either parses into a query both engines accept or gives E407."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.corpus.query import And, Not, Or, Term, parse, to_fts5, to_tsquery
from podium.errors import PodiumError


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
    conn.executemany(
        "INSERT INTO t(text) VALUES (?)",
        [("one million barrels a day",), ("the truce in Gaza held",), ("a ceasefire, not a truce",)],
    )
    return conn


def _hits(conn: sqlite3.Connection, query: str) -> list[str]:
    match = to_fts5(parse(query), query)
    return [r[0] for r in conn.execute("SELECT text FROM t WHERE t MATCH ? ORDER BY rowid", (match,))]


def test_the_documented_syntax(fts: sqlite3.Connection) -> None:
    assert parse('"barrels a day"') == Term(("barrels", "a", "day"))
    assert parse("occup*") == Term(("occup",), prefix=True)
    assert parse("a OR b c") == Or((Term(("a",)), And((Term(("b",)), Term(("c",))))))
    assert parse("a -b") == And((Term(("a",)), Not(Term(("b",)))))
    assert _hits(fts, '"barrels a day"') == ["one million barrels a day"]
    assert _hits(fts, "truce -gaza") == ["a ceasefire, not a truce"]
    assert _hits(fts, "(truce OR barrels) NOT ceasefire") == [
        "one million barrels a day",
        "the truce in Gaza held",
    ]
    assert _hits(fts, "barr*") == ["one million barrels a day"]
    assert to_tsquery(parse("truce -gaza")) == "(('truce') & !('gaza'))"


@pytest.mark.parametrize(
    "query", ["", "   ", "NOT war", "-war", "(war", "war)", '"war', "war OR", "***", "a OR -b"]
)
def test_malformed_queries_are_one_clear_error(query: str) -> None:
    with pytest.raises(PodiumError) as caught:
        parse(query)
    assert caught.value.code == "E407"


_ALPHABET = st.sampled_from(
    [*list('ab "()*-'), "OR", "AND", "NOT", "é", "'", ":", "&", "|", "!", "\\", "\x00"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=14).map(" ".join) | st.text(max_size=30))
def test_any_string_parses_or_is_refused_with_e407(fts: sqlite3.Connection, query: str) -> None:
    try:
        node = parse(query)
        match = to_fts5(node, query)
    except PodiumError as err:
        assert err.code == "E407"
        return
    fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()  # SQLite accepts it
    assert all(ch.isalnum() or ch in "'() <->&|!:*_" for ch in to_tsquery(node))
