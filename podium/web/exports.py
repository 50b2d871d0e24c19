"""The reviewed claims of the corpus as files: CSV (one row per claim with its review; cells a
spreadsheet would run as formulas neutralised as in ``podium analyze -f csv``) and schema.org
ClaimReview JSON-LD (the checked claims with a verdict, through ``podium.factchecks.export``)."""

from __future__ import annotations

import csv
import io
from typing import Any

from podium.factchecks.export import ReviewedClaim, claimreview
from podium.outputs.csv_out import neutralise

COLUMNS = (
    "claim_id",
    "document_id",
    "title",
    "date",
    "speaker",
    "text",
    "score",
    "type",
    "status",
    "verdict",
    "note",
    "review_url",
    "reviewer",
    "updated_at",
    "source",
)


def reviews_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise(row.get(c)) if row.get(c) is not None else "" for c in COLUMNS])
    return out.getvalue()


def reviews_jsonld(rows: list[dict[str, Any]], organisation: str | None = None) -> dict[str, Any]:
    """ClaimReview JSON-LD of the rows that are checked and have a verdict."""
    reviews = [
        ReviewedClaim(
            claim=row["text"],
            rating=row["verdict"],
            speaker=row.get("speaker"),
            claim_date=row.get("date"),
            appearance_url=row.get("source"),
            reviewer=row.get("reviewer"),
            organisation=organisation,
            review_url=row.get("review_url"),
            review_date=(row.get("updated_at") or "")[:10] or None,
        )
        for row in rows
        if row.get("status") == "checked" and row.get("verdict") and (row.get("text") or "").strip()
    ]
    return claimreview(reviews)
