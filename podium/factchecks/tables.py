"""Delimited tables of fact-checks: documented CSV, and CheckThat! 2020 verified claims (TSV).

CSV (comma-separated; a header is required; names are case-insensitive, extra columns are ignored):
``claim`` (required), ``verdict``, ``url``, ``date``, ``claimant``, ``publisher``, ``language``, and
optionally ``claim_date``, ``title``, ``id``. A header with ``vclaim`` instead is the CheckThat! 2020
form (``vclaim_id`` — the header leaves it empty —, ``vclaim``, ``title``), CSV-quoted with tabs.
Either form may use either delimiter; the suffix only chooses the delimiter.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from podium.factchecks import fields
from podium.factchecks.checkthat import verified_claim_record
from podium.factchecks.dates import parse_date
from podium.factchecks.ratings import normalise_rating
from podium.factchecks.records import FactCheck, ImportReport, Skip

Mapper = Callable[[dict[str, str], str, ImportReport], FactCheck]


def read_table(text: str, where: str, delimiter: str, report: ImportReport) -> None:
    """Add a record or a skip to ``report`` for every non-blank row after the header."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as err:
        report.skip(where, f"unreadable header: {err}")
        return
    if header is None:
        report.skip(where, "empty file: no header")
        return
    columns = [name.strip().lower() for name in header]
    mapper = _mapper(columns)
    if mapper is None:
        report.skip(where, "the header has no 'claim' column (or 'vclaim', CheckThat! form)")
        return
    line = reader.line_num + 1
    before = report.read
    while True:
        try:
            row = next(reader, None)
        except csv.Error as err:
            report.skip(f"{where} line {line}", f"unreadable row ({err}); the rest of the file was not read")
            return
        if row is None:
            if report.read == before:
                report.skip(where, "no rows after the header")
            return
        place = f"{where} line {line}"
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        values: dict[str, str] = {}
        for name, cell in zip(columns, row, strict=False):
            values.setdefault(name, cell)
        try:
            report.add(mapper(values, place, report))
        except Skip as why:
            report.skip(place, str(why))


def _mapper(columns: list[str]) -> Mapper | None:
    if "vclaim" in columns:
        if columns and columns[0] == "":
            columns[0] = "vclaim_id"
        return verified_claim_record
    return csv_record if "claim" in columns else None


def csv_record(values: dict[str, str], place: str, report: ImportReport) -> FactCheck:
    """One row of the documented CSV form."""
    claim = fields.text(values.get("claim"))
    if not claim:
        raise Skip("no claim")
    verdict = fields.text(values.get("verdict"))
    return FactCheck(
        claim_reviewed=claim,
        rating=normalise_rating(verdict),
        rating_original=verdict,
        publisher=fields.text(values.get("publisher")),
        url=fields.text(values.get("url")),
        date=_date(values, "date", place, report),
        claimant=fields.text(values.get("claimant")),
        claim_date=_date(values, "claim_date", place, report),
        language=fields.text(values.get("language")),
        title=fields.text(values.get("title")),
        source_id=fields.text(values.get("id")),
    )


def _date(values: dict[str, str], column: str, place: str, report: ImportReport) -> str | None:
    value = fields.text(values.get(column))
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        report.warn(place, f"{column} {value[:40]!r} is not a date; kept the record without it")
    return parsed
