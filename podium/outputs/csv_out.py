"""The CSV output: one row per span (columns ``CSV_COLUMNS``), for spreadsheets and quick scripts.

Built on ``json_out.to_dict``; ``attrs`` is compact JSON and an empty ``score`` means none. It holds no
document-level data (meta, sentences, records): use the JSON output for those. A cell that a spreadsheet
would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a
leading apostrophe (``'=SUM(A1)``), the usual neutralisation; the JSON output keeps the exact text.
When the claims were matched against fact-checks (``--factchecks``), two more columns give each ``claim``
row the normalised rating and the URL of its best fact-check (``CHECKED_COLUMNS``).
"""

from __future__ import annotations

import csv
import io
import json

from podium.document import Document
from podium.outputs import json_out

#: First characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) evaluate a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("layer", "label", "start", "end", "text", "score", "attrs", "source")
#: Added with ``--factchecks``: on a ``claim`` row, the normalised rating and URL of its best fact-check.
CHECKED_COLUMNS = ("checked_rating", "checked_url")


def render(doc: Document) -> str:
    """All spans of ``doc`` as CSV text with a header row (``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # The csv module quotes a cell holding the line terminator ("\n") but not a lone "\r", which a reader
    # then takes for a line end: rows with one are written fully quoted.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    data = json_out.to_dict(doc)
    checked = _checked(data)
    writer.writerow(CSV_COLUMNS + (CHECKED_COLUMNS if checked is not None else ()))
    for span in data["spans"]:
        attrs = json.dumps(span["attrs"], ensure_ascii=False, separators=(",", ":"), default=str)
        score = "" if span["score"] is None else repr(float(span["score"]))
        cells = [span[c] for c in CSV_COLUMNS[:5]] + [score, attrs, span["source"]]
        if checked is not None:
            best = checked.get((span["start"], span["end"])) if span["layer"] == "claim" else None
            cells += [best["rating"], best["url"] or ""] if best else ["", ""]
        row = [neutralise(cell) for cell in cells]
        (quoted if any(isinstance(c, str) and "\r" in c for c in row) else writer).writerow(row)
    return out.getvalue()


def _checked(data: dict) -> dict[tuple[int, int], dict] | None:
    """The best fact-check of each matched claim by its sentence's offsets; None when no archive was
    searched (the CSV then has no ``checked_*`` columns)."""
    from podium.outputs.checked_before import best, searched

    if searched(data) is None:
        return None
    return {(c["start"], c["end"]): m for c in data["claims"] if (m := best(c)) is not None}


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would take for a formula, with a leading apostrophe; others as is."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
