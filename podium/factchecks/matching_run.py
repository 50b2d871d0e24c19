"""The library side of ``podium match``: read and check its inputs, match, and make the run lines.

Bad input raises :class:`~podium.errors.PodiumError` (E001, E520–E522) before anything is embedded.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from podium.errors import PodiumError
from podium.factchecks.candidates import fetch_records
from podium.factchecks.decoding import decode
from podium.factchecks.embedding import embed
from podium.factchecks.fieldindex import fields_of
from podium.factchecks.index import MatchIndex, lexical_text, vector_text
from podium.factchecks.matcher import Matcher, Query
from podium.factchecks.readers import read_path
from podium.factchecks.records import FactCheck, Skip
from podium.factchecks.runfiles import (
    Transcript,
    parse_queries,
    parse_transcript,
    run_lines,
    split_query_id,
    transcript_path,
)

MAX_QUERY_BYTES = 64 * 1024 * 1024


def _text(path: Path, code: str, **fields: object) -> str:
    if not path.exists():
        raise PodiumError("E001", path=path)
    if path.is_dir():
        raise PodiumError(code, path=path, reason="it is a directory; give a file", **fields)
    try:
        if path.stat().st_size > MAX_QUERY_BYTES:
            raise PodiumError(code, path=path, reason=f"over {MAX_QUERY_BYTES:,} bytes", **fields)
        return decode(path.read_bytes())
    except Skip as why:
        raise PodiumError(code, path=path, reason=str(why), **fields) from None
    except OSError as err:
        raise PodiumError(code, path=path, reason=err.strerror or str(err), **fields) from None


def load_queries(path: Path, context: Path | None) -> tuple[list[str], list[Query]]:
    """Query ids and :class:`Query` objects (with transcript context when ``context`` is given)."""
    try:
        pairs = parse_queries(_text(path, "E520"))
    except ValueError as err:
        raise PodiumError("E520", path=path, reason=str(err)) from None
    if not pairs:
        raise PodiumError("E520", path=path, reason="no queries in it")
    if context is None:
        return [q for q, _ in pairs], [Query(text=t) for _, t in pairs]
    if not context.exists():
        raise PodiumError("E001", path=context)
    if not context.is_dir():
        raise PodiumError("E522", path=context, reason="it is not a folder")
    transcripts: dict[str, Transcript] = {}
    queries = []
    for qid, text in pairs:
        parts = split_query_id(qid)
        if parts is None:
            raise PodiumError(
                "E522", path=context, reason=f"query id {qid!r} is not <transcript prefix>_<line number>"
            )
        prefix, line = parts
        if prefix not in transcripts:
            found = transcript_path(context, prefix)
            if found is None:
                raise PodiumError(
                    "E522",
                    path=context,
                    reason=f"no transcript whose name starts with {prefix!r} (query {qid})",
                )
            try:
                transcripts[prefix] = parse_transcript(found.name, _text(found, "E522"))
            except ValueError as err:
                raise PodiumError("E522", path=found, reason=str(err)) from None
        transcript = transcripts[prefix]
        if line not in transcript.lines:
            raise PodiumError("E522", path=context / transcript.name, reason=f"no line {line} (query {qid})")
        queries.append(transcript.query(line, text))
    return [q for q, _ in pairs], queries


def load_claims(path: Path) -> tuple[list[FactCheck], list[str]]:
    """The fact-checks of ``path`` and the archive's own id of each (its row number when it has none)."""
    if not path.exists():
        raise PodiumError("E001", path=path)
    report = read_path(path)
    if not report.imported:
        reason = report.skipped[0][1] if report.skipped else "nothing readable"
        raise PodiumError("E521", path=path, reason=reason)
    records = report.imported
    return records, [r.source_id or str(i) for i, r in enumerate(records)]


def run_matching(
    queries: list[Query], query_ids: list[str], records: list[FactCheck], claim_ids: list[str], depth: int
) -> list[str]:
    """Embed and index the archive, rank fact-checks for every query, return the run file's lines."""
    vectors = embed([vector_text(r.claim_reviewed, r.title) for r in records])
    texts = [lexical_text(r.claim_reviewed, r.title, r.text) for r in records]
    index = MatchIndex.build(np.arange(len(records)), vectors, texts, [fields_of(r) for r in records])
    ranked = Matcher(index, fetch_records(records)).rank(queries, depth)
    return list(run_lines(query_ids, ranked, claim_ids))
