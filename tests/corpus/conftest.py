"""Corpus fixtures: speeches written for these tests, analysed once, and real databases — an SQLite
file in a temporary folder and, where ``PODIUM_TEST_PG`` names a PostgreSQL server (scripts/test.sh
starts one), a fresh PostgreSQL database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from podium.analyze import analyze_document
from podium.document import Document, Meta
from podium.outputs.json_out import to_dict

SPEECHES = {
    "first": (
        "Minister Alda Brenn",
        "2024-03-05",
        "Friends, the numbers speak for themselves. Our engineers have rebuilt 300 bridges since the flood. "
        "The Karvia government shelled more than 40 villages in the northern valley last winter. "
        "Unemployment fell to 6 percent this year, the lowest in a decade. "
        "We will never abandon the families of the valley. "
        "According to the national audit office, one million barrels a day now pass through the port of Ost.",
    ),
    "second": (
        "Minister Alda Brenn",
        "2024-06-18",
        "Thank you all for coming. Our engineers have rebuilt more than 300 bridges since the flood. "
        "The harvest festival starts next week in every town of the north. "
        "Unemployment fell to 5 percent this year, the lowest in a decade. "
        "Some say the port is idle, but one million barrels a day now pass through the port of Ost.",
    ),
    "third": (
        "Senator Oren Vask",
        "2024-07-02",
        "My opponents claim many things. Our engineers have rebuilt 400 bridges since the flood, they say. "
        "The truth is that the port of Ost handles half of what it did in 2019. "
        "Karvia did not shell a single village in the northern valley, its ambassador told the council.",
    ),
}


@pytest.fixture(scope="session")
def analysed() -> dict[str, dict[str, Any]]:
    """Each test speech analysed by the full pipeline, as ``podium analyze -f json`` data."""
    out = {}
    for name, (speaker, date, text) in SPEECHES.items():
        doc = Document(
            text, Meta(title=f"Speech {name}", speakers=[speaker], date=date, source=f"{name}.txt")
        )
        out[name] = to_dict(analyze_document(doc))
    return out


def _postgres_url() -> str | None:
    url = os.environ.get("PODIUM_TEST_PG")
    if not url and os.environ.get("PODIUM_REQUIRE_POSTGRES") == "1":
        pytest.fail("PODIUM_TEST_PG is not set: run the tests with scripts/test.sh, which starts PostgreSQL")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server (dropped afterwards)."""
    base = _postgres_url()
    if not base:
        pytest.skip("no PostgreSQL server (PODIUM_TEST_PG)")
    import psycopg

    name = f"podium_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # a generated identifier, not user input
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same tests on both engines."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("pg_url")
