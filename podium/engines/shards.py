"""Parquet shards of analyses: the documented schema, writing a shard atomically, reading one back.

A shard folder holds one sub-folder per table, each a set of ``part-<NAME>.parquet`` files; the files of
one part (one batch of documents, written by one worker) share their name across tables::

    OUT/documents/part-<NAME>.parquet   one row per document (its text, meta and what ran)
    OUT/sentences/part-<NAME>.parquet   one row per sentence
    OUT/spans/part-<NAME>.parquet       one row per span of every layer (actor mentions included)
    OUT/claims/part-<NAME>.parquet      one row per claim
    OUT/events/part-<NAME>.parquet      one row per event
    OUT/actors/part-<NAME>.parquet      one row per actor of a document

Every row carries ``content_hash`` (sha256 of the document's text: the key that joins the tables and
makes loading idempotent); offsets ``start``/``end`` are character offsets ``[start, end)`` into
``documents.text``, and ``text`` columns repeat the text they cover, for reading the tables alone
(DuckDB, pandas, Spark). Columns holding nested JSON (``meta``, ``attrs``, ``record``…) are JSON text.
The exact columns are ``SCHEMA`` below (docs/scaling.md shows them too). ``podium analyze --format
parquet`` and ``podium corpus export -f parquet`` write this; ``podium corpus load`` reads it.

A part is written table by table, each file through a temporary name and a rename, ``documents`` last:
a part whose ``documents`` file exists is complete, and writing the same part again (a task re-run after
its worker died) replaces it whole. Readers take only parts that have a ``documents`` file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from podium.errors import PodiumError

TABLES = ("documents", "sentences", "spans", "claims", "events", "actors")
#: Each table's columns as (name, type); types are pyarrow type names, JSON means JSON text (string).
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("content_hash", "string"),
        ("title", "string"),
        ("date", "string"),
        ("source", "string"),
        ("language", "string"),
        ("side", "string"),
        ("speakers", "list<string>"),
        ("words", "int64"),
        ("text", "string"),
        ("meta", "JSON"),
        ("paragraphs", "JSON"),
        ("turns", "JSON"),
        ("analysers", "list<string>"),
        ("podium_version", "string"),
        ("json_schema_version", "string"),
        ("analysed_at", "timestamp[us, UTC]"),
        ("corpus_id", "int64"),
    ),
    "sentences": (
        ("content_hash", "string"),
        ("position", "int32"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "string"),
        ("speaker", "string"),
        ("attrs", "JSON"),
    ),
    "spans": (
        ("content_hash", "string"),
        ("layer", "string"),
        ("label", "string"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "string"),
        ("score", "float64"),
        ("attrs", "JSON"),
        ("source", "string"),
    ),
    "claims": (
        ("content_hash", "string"),
        ("position", "int32"),
        ("id", "string"),
        ("rank", "int32"),
        ("sentence", "int32"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "string"),
        ("score", "float64"),
        ("type", "string"),
        ("speaker", "string"),
        ("record", "JSON"),
    ),
    "events": (
        ("content_hash", "string"),
        ("position", "int32"),
        ("id", "string"),
        ("type", "string"),
        ("source_actor", "string"),
        ("target_actor", "string"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", "string"),
        ("negated", "bool"),
        ("modality", "string"),
        ("record", "JSON"),
    ),
    "actors": (
        ("content_hash", "string"),
        ("position", "int32"),
        ("id", "string"),
        ("name", "string"),
        ("type", "string"),
        ("mention_count", "int64"),
        ("record", "JSON"),
    ),
}
_PART = re.compile(r"^part-([A-Za-z0-9_.-]+)\.parquet$")


def pyarrow() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, or E408 saying how to install them."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise PodiumError("E408", feature="Parquet", package="pyarrow", extra="parquet") from exc
    return pa, pq


def arrow_schema(table: str) -> Any:
    pa, _ = pyarrow()
    kinds = {
        "string": pa.string(),
        "JSON": pa.string(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "list<string>": pa.list_(pa.string()),
        "timestamp[us, UTC]": pa.timestamp("us", tz="UTC"),
    }
    return pa.schema([(name, kinds[kind]) for name, kind in SCHEMA[table]])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def rows(
    data: dict[str, Any],
    analysers: list[str],
    text_hash: str,
    corpus_id: int | None = None,
    analysed_at: datetime | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """One analysis (``podium analyze -f json`` data) as rows of every table."""
    from podium import __version__
    from podium.outputs.json_out import SCHEMA_VERSION

    text, meta = data["text"], data["meta"]
    key = {"content_hash": text_hash}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    out["documents"].append(
        {
            **key,
            "title": meta.get("title"),
            "date": meta.get("date"),
            "source": meta.get("source"),
            "language": meta.get("language"),
            "side": (meta.get("extras") or {}).get("speaker_side"),
            "speakers": list(meta.get("speakers") or []),
            "words": len(text.split()),
            "text": text,
            "meta": _json(meta),
            "paragraphs": _json(data.get("paragraphs", [])),
            "turns": _json(data.get("turns", [])),
            "analysers": list(analysers),
            "podium_version": __version__,
            "json_schema_version": data.get("schema_version", SCHEMA_VERSION),
            "analysed_at": analysed_at or datetime.now(UTC),
            "corpus_id": corpus_id,
        }
    )
    speakers = _sentence_speakers(data)
    for i, s in enumerate(data.get("sentences", [])):
        out["sentences"].append(
            {
                **key,
                "position": i,
                "start": s["start"],
                "end": s["end"],
                "text": text[s["start"] : s["end"]],
                "speaker": speakers[i],
                "attrs": _json(s.get("attrs") or {}),
            }
        )
    for s in data.get("spans", []):
        out["spans"].append(
            {
                **key,
                "layer": s["layer"],
                "label": s["label"],
                "start": s["start"],
                "end": s["end"],
                "text": text[s["start"] : s["end"]],
                "score": s.get("score"),
                "attrs": _json(s.get("attrs") or {}),
                "source": s.get("source", ""),
            }
        )
    for i, c in enumerate(data.get("claims", [])):
        out["claims"].append(
            {
                **key,
                "position": i,
                "id": c.get("id"),
                "rank": c.get("rank"),
                "sentence": c.get("sentence"),
                "start": c["start"],
                "end": c["end"],
                "text": text[c["start"] : c["end"]],
                "score": c.get("score"),
                "type": c.get("type"),
                "speaker": c.get("speaker"),
                "record": _json(c),
            }
        )
    for i, e in enumerate(data.get("events", [])):
        start, end = e["evidence"]
        out["events"].append(
            {
                **key,
                "position": i,
                "id": e.get("id"),
                "type": e.get("type"),
                "source_actor": e.get("source"),
                "target_actor": e.get("target"),
                "start": start,
                "end": end,
                "text": text[start:end],
                "negated": bool(e.get("negated")),
                "modality": e.get("modality"),
                "record": _json(e),
            }
        )
    for i, a in enumerate(data.get("actors", [])):
        out["actors"].append(
            {
                **key,
                "position": i,
                "id": a.get("id"),
                "name": a.get("name"),
                "type": a.get("type"),
                "mention_count": a.get("mention_count", 0),
                "record": _json(a),
            }
        )
    return out


def _sentence_speakers(data: dict[str, Any]) -> list[str | None]:
    """Each sentence's speaker, as the corpus stores it (its turn's, or the document's one speaker)."""
    from podium.corpus.writer import _sentence_speakers as speakers_of

    return speakers_of(data)


def write_part(folder: Path, name: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Write one part (rows of every table) into ``folder``, atomically: ``documents`` last."""
    pa, pq = pyarrow()
    if not _PART.match(f"part-{name}.parquet"):
        raise ValueError(f"not a part name: {name!r}")
    for table in (*TABLES[1:], TABLES[0]):
        target = folder / table / f"part-{name}.parquet"
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            pq.write_table(
                pa.Table.from_pylist(tables.get(table, []), schema=arrow_schema(table)),
                tmp,
                compression="zstd",
            )
            os.replace(tmp, target)
            tmp = None
        except OSError as exc:
            raise PodiumError("E202", path=target, reason=exc.strerror or str(exc)) from exc
        finally:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)


def merge(parts: list[dict[str, list[dict[str, Any]]]]) -> dict[str, list[dict[str, Any]]]:
    """The rows of several documents as one part."""
    return {table: [row for p in parts for row in p[table]] for table in TABLES}


def part_names(folder: Path) -> list[str]:
    """The complete parts in ``folder`` (those with a ``documents`` file), sorted."""
    found = folder / "documents"
    if not found.is_dir():
        return []
    names = (_PART.match(p.name) for p in found.iterdir())
    return sorted(m.group(1) for m in names if m)


def check_folder(folder: Path) -> list[str]:
    """The part names of a shard folder; E605 when it is not one."""
    if not folder.is_dir():
        reason = "no such folder" if not folder.exists() else "it is a file"
        raise PodiumError("E605", path=folder, reason=reason)
    names = part_names(folder)
    if not names:
        raise PodiumError("E605", path=folder, reason="no documents/part-*.parquet in it")
    return names


def count_documents(folder: Path, names: list[str]) -> int:
    """Documents in these parts, from the files' footers (nothing else is read)."""
    _, pq = pyarrow()
    return sum(pq.ParquetFile(_file(folder, "documents", n)).metadata.num_rows for n in names)


def stored_hashes(folder: Path) -> set[str]:
    """The content hashes of every document in the folder's complete parts."""
    _, pq = pyarrow()
    out: set[str] = set()
    for name in part_names(folder):
        table = pq.read_table(_file(folder, "documents", name), columns=["content_hash"])
        out.update(table.column("content_hash").to_pylist())
    return out


def _file(folder: Path, table: str, name: str) -> Path:
    return folder / table / f"part-{name}.parquet"


def read_part(folder: Path, name: str) -> Iterator[tuple[str, dict[str, Any] | None, list[str], str | None]]:
    """Each document of a part: ``(source, data, analysers, problem)``, ``data`` being ``podium analyze
    -f json`` data, or None with ``problem`` saying why it cannot be rebuilt."""
    _, pq = pyarrow()
    tables: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in TABLES:
        path = _file(folder, table, name)
        try:
            read = pq.read_table(path).to_pylist()
        except (OSError, ValueError) as exc:  # missing, truncated or not Parquet
            reason = f"{path}: {exc}".splitlines()[0][:300]
            for doc in _documents_anyway(folder, name):
                yield doc, None, [], reason
            return
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in read:
            grouped.setdefault(row["content_hash"], []).append(row)
        tables[table] = grouped
    for text_hash, (doc,) in ((h, rows[:1]) for h, rows in tables["documents"].items()):
        source = doc.get("source") or f"{name}:{text_hash[:12]}"
        try:
            data = _rebuild(doc, {t: tables[t].get(text_hash, []) for t in TABLES[1:]})
        except (KeyError, TypeError, ValueError) as exc:
            yield source, None, [], f"{type(exc).__name__}: {exc}"[:300]
            continue
        yield source, data, list(doc.get("analysers") or []), _check(data, text_hash)


def _documents_anyway(folder: Path, name: str) -> list[str]:
    _, pq = pyarrow()
    try:
        table = pq.read_table(_file(folder, "documents", name), columns=["source", "content_hash"])
    except (OSError, ValueError):
        return [f"{folder / 'documents' / f'part-{name}.parquet'}"]
    return [s or f"{name}:{h[:12]}" for s, h in zip(*table.to_pydict().values(), strict=True)]


def _rebuild(doc: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """``podium analyze -f json`` data from one document's rows."""
    from podium.outputs.json_out import SCHEMA_VERSION

    def ordered(table: str) -> list[dict[str, Any]]:
        return sorted(rows[table], key=lambda r: r["position"])

    def segment(r: dict[str, Any]) -> dict[str, Any]:
        attrs = json.loads(r["attrs"]) if r["attrs"] else {}
        return {"start": r["start"], "end": r["end"], **({"attrs": attrs} if attrs else {})}

    return {
        "schema_version": doc.get("json_schema_version") or SCHEMA_VERSION,
        "text": doc["text"],
        "meta": json.loads(doc["meta"]),
        "paragraphs": json.loads(doc["paragraphs"]),
        "sentences": [segment(r) for r in ordered("sentences")],
        "turns": json.loads(doc["turns"]),
        "spans": [
            {
                "layer": r["layer"],
                "label": r["label"],
                "start": r["start"],
                "end": r["end"],
                "text": doc["text"][r["start"] : r["end"]],
                "score": r["score"],
                "attrs": json.loads(r["attrs"]) if r["attrs"] else {},
                "source": r["source"] or "",
            }
            for r in rows["spans"]
        ],
        "claims": [json.loads(r["record"]) for r in ordered("claims")],
        "events": [json.loads(r["record"]) for r in ordered("events")],
        "actors": [json.loads(r["record"]) for r in ordered("actors")],
    }


def _check(data: dict[str, Any], text_hash: str) -> str | None:
    """Why the rebuilt analysis cannot be trusted (its text is not the one hashed, an offset lies
    outside it), or None."""
    from podium.corpus.writer import content_hash

    if content_hash(data["text"]) != text_hash:
        return "its text does not match its content_hash"
    n = len(data["text"])
    for what in ("sentences", "spans", "claims"):
        for r in data[what]:
            if not 0 <= r["start"] <= r["end"] <= n:
                return f"a row of {what} lies outside the text ({r['start']}, {r['end']})"
    return None
