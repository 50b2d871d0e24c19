"""Rows of the corpus commands as a terminal table, JSON or CSV (formula-like cells neutralised)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from podium.outputs.csv_out import neutralise


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "" if value is None else value


def render_rows(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(_cell(row.get(c))) for c in columns])
        return out.getvalue()
    return _table(rows, columns)


def _table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False, caption=f"{len(rows)} row(s)")
    for row in rows:
        table.add_row(*(str(_cell(row.get(c))) for c in columns))
    console = Console(file=io.StringIO(), width=160, force_terminal=False, color_system=None)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


def cluster_rows(clusters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per claim of each recurring cluster, the cluster's facts on its first row."""
    rows = []
    for cluster in clusters:
        for i, claim in enumerate(cluster["claims"]):
            first = i == 0
            rows.append(
                {
                    "cluster": cluster["id"] if first else "",
                    "size": cluster["size"] if first else "",
                    "first_seen": cluster.get("first_seen") if first else "",
                    "last_seen": cluster.get("last_seen") if first else "",
                    "speakers": cluster.get("speakers") if first else "",
                    "date": claim.get("date"),
                    "document_id": claim.get("document_id"),
                    "quantities": claim.get("quantities"),
                    "text": claim.get("text"),
                }
            )
    return rows
