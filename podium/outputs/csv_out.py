"""The CSV output: one row per span (columns ``CSV_COLUMNS``), for spreadsheets and quick scripts.

Built on ``json_out.to_dict``; ``attrs`` is compact JSON and an empty ``score`` means none. It holds no
document-level data (meta, sentences, records): use the JSON output for those. Cells are written as
is, so a spreadsheet may treat a text starting with ``=`` as a formula; import as text where that matters.
"""

from __future__ import annotations

import csv
import io
import json

from podium.document import Document
from podium.outputs import json_out

CSV_COLUMNS = ("layer", "label", "start", "end", "text", "score", "attrs", "source")


def render(doc: Document) -> str:
    """All spans of ``doc`` as CSV text with a header row (``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for span in json_out.to_dict(doc)["spans"]:
        attrs = json.dumps(span["attrs"], ensure_ascii=False, separators=(",", ":"), default=str)
        score = "" if span["score"] is None else repr(float(span["score"]))
        writer.writerow([span[c] for c in CSV_COLUMNS[:5]] + [score, attrs, span["source"]])
    return out.getvalue()
