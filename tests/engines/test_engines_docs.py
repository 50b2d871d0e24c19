"""docs/scaling.md documents the Parquet shard schema exactly as podium writes it."""

from __future__ import annotations

from podium.engines.shards import SCHEMA, TABLES
from tests.conftest import REPO


def test_every_shard_column_is_documented() -> None:
    page = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in page.splitlines() if line.startswith("| `")}
    assert set(TABLES) <= set(rows)
    for table, columns in SCHEMA.items():
        for name, kind in columns:
            assert f"`{name}` {kind}" in rows[table], f"docs/scaling.md lacks {table}.{name} ({kind})"
