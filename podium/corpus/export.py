"""``podium corpus export``: the whole corpus as JSON lines (one ``podium analyze -f json`` document per
line, plus its ``corpus`` record), CSV (one span per row, with its document id) or Parquet (a shard
folder, one sub-folder per table, as ``podium.engines.shards`` documents it; ``podium corpus load`` reads
it back into any database). Written atomically: the output appears complete or not at all."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from podium.corpus import schema as t
from podium.corpus.store import Corpus
from podium.errors import PodiumError
from podium.outputs.csv_out import CSV_COLUMNS, neutralise
from podium.writing import refuse_unsafe_target

#: Documents per part of a Parquet export.
PARQUET_PART = 500


def export(corpus: Corpus, fmt: str, output: Path) -> int:
    """Write the corpus to ``output`` in ``fmt``; returns the number of documents."""
    refuse_unsafe_target(output)
    if fmt == "parquet":
        return _parquet(corpus, output)
    ids = corpus.ids()
    return _streamed(corpus, ids, output, _jsonl_lines if fmt == "jsonl" else _csv_lines)


def _streamed(corpus: Corpus, ids: list[int], output: Path, lines: Any) -> int:
    """Write document by document into a temporary file beside ``output``, then rename it."""
    if output.is_dir():
        raise PodiumError("E202", path=output, reason="it is a directory; give a file name")
    tmp = None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for i, document_id in enumerate(ids):
                handle.write(lines(corpus, document_id, i == 0))
        os.replace(tmp, output)
        tmp = None
    except OSError as exc:
        raise PodiumError("E202", path=output, reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
    return len(ids)


def _record(corpus: Corpus, document_id: int) -> dict[str, Any]:
    d = t.documents
    with corpus.reading() as conn:
        row = conn.execute(
            select(d.c.content_hash, d.c.added_at, d.c.podium_version, d.c.analysers).where(
                d.c.id == document_id
            )
        ).one()
    return {
        "id": document_id,
        "content_hash": row.content_hash,
        "added_at": row.added_at.isoformat() if row.added_at else None,
        "podium_version": row.podium_version,
        "analysers": row.analysers,
    }


def _jsonl_lines(corpus: Corpus, document_id: int, first: bool) -> str:
    data = {"corpus": _record(corpus, document_id), **corpus.data(document_id)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _csv_lines(corpus: Corpus, document_id: int, first: bool) -> str:
    data = corpus.data(document_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if first:
        writer.writerow(("document_id", *CSV_COLUMNS))
    for span in sorted(data["spans"], key=lambda s: (s["layer"], s["start"], -s["end"])):
        attrs = json.dumps(span["attrs"], ensure_ascii=False, separators=(",", ":"), default=str)
        score = "" if span["score"] is None else repr(float(span["score"]))
        text = data["text"][span["start"] : span["end"]]
        cells = [span["layer"], span["label"], span["start"], span["end"], text, score, attrs, span["source"]]
        writer.writerow([document_id, *(neutralise(c) for c in cells)])
    return out.getvalue()


def _parquet(corpus: Corpus, output: Path) -> int:
    """The corpus as a Parquet shard folder (``podium.engines.shards``: the schema ``podium analyze
    --format parquet`` writes and ``podium corpus load`` reads), ``PARQUET_PART`` documents a part, made
    in a staging folder beside ``output`` and renamed into place when complete."""
    from podium.engines import shards

    shards.pyarrow()  # E408 before anything is written when pyarrow is missing
    if output.exists() and not output.is_dir():
        raise PodiumError("E202", path=output, reason="it is a file; Parquet export writes a folder")
    ids = corpus.ids()
    staging = Path(
        tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent if output.parent.exists() else None)
    )
    try:
        for part, start in enumerate(range(0, len(ids), PARQUET_PART)):
            rows = []
            for document_id in ids[start : start + PARQUET_PART]:
                record = _record(corpus, document_id)
                added_at = datetime.fromisoformat(record["added_at"]) if record["added_at"] else None
                data = corpus.data(document_id)
                rows.append(
                    shards.rows(data, record["analysers"], record["content_hash"], document_id, added_at)
                )
            shards.write_part(staging, f"{part:06d}", shards.merge(rows))
        if not ids:  # an empty corpus is still a folder of (empty) tables
            shards.write_part(staging, "000000", shards.merge([]))
        if output.exists():
            shutil.rmtree(output)
        os.replace(staging, output)
    except OSError as exc:
        raise PodiumError("E202", path=output, reason=exc.strerror or str(exc)) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return len(ids)
