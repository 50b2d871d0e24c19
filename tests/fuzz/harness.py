"""Run one fuzz case through the real library (reader, analysers, writer) and check what comes out.

``run_case`` returns "ok" or the catalogue code of the ``PodiumError`` raised; any other exception is a
bug and propagates. A result's output is validated for its format: JSON against the published schema,
XML parsed, CSV read back row for row with formula cells neutralised, HTML without the input's markup.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

from podium.analyze import analyze
from podium.errors import CATALOGUE, PodiumError
from podium.ingest import DEFAULT_MAX_BYTES
from podium.outputs import render
from podium.outputs.csv_out import CSV_COLUMNS, FORMULA_STARTS
from podium.pipeline import Pipeline
from tests.fuzz.cases import CHEAP, Case

SCHEMA = Path(__file__).resolve().parents[2] / "podium" / "schema" / "document.schema.json"
#: Markup that the hostile text carries; it must never reach an HTML report unescaped.
MARKUP = ("<script>alert(1)</script>", "<b>bold</b>", "<b>x</b>")


@cache
def cheap_pipeline() -> Pipeline:
    return Pipeline.from_names(CHEAP)


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    return jsonschema.validators.validator_for(schema)(schema)


def run_case(
    case: Case, pipeline: Pipeline | None = None, workdir: Path | None = None, timeout: float = 30.0
) -> str:
    """ "ok", or the code of the PodiumError the case raised; the output is checked for its format."""
    options = dict(case.options)
    max_bytes = options.pop("max_bytes", DEFAULT_MAX_BYTES)
    try:
        if case.reader == "stdin":
            doc = analyze(
                "-", pipeline or cheap_pipeline(), max_bytes, io.BytesIO(case.data), timeout, **options
            )
        else:
            with tempfile.TemporaryDirectory(dir=workdir) as folder:
                path = Path(folder) / f"input{case.suffix}"
                path.write_bytes(case.data)
                doc = analyze(str(path), pipeline or cheap_pipeline(), max_bytes, None, timeout, **options)
        check_output(render(doc, case.fmt), case.fmt)
        return "ok"
    except PodiumError as err:
        assert err.code in CATALOGUE, err.code
        assert "\n" not in str(err), str(err)
        return err.code


def check_output(out: str, fmt: str) -> None:
    """Raise AssertionError when ``out`` is not a valid, safe document of format ``fmt``."""
    out.encode("utf-8")  # no lone surrogates: every output can be written
    if fmt == "json":
        data = json.loads(out)
        errors = list(_validator().iter_errors(data))
        assert not errors, errors[0].message
        for span in data["spans"]:
            assert data["text"][span["start"] : span["end"]] == span["text"]
    elif fmt == "graphml":
        ET.fromstring(out.encode("utf-8"))
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out, newline="")))
        assert tuple(rows[0]) == CSV_COLUMNS
        for row in rows[1:]:
            assert len(row) == len(CSV_COLUMNS), row
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), cell
    elif fmt == "html":
        for markup in MARKUP:
            assert markup not in out, markup
