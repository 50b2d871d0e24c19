"""The main job as a library call: ingest, segment and run the analysers on one input.

The CLI is a thin layer over ``analyze``; batch callers build one ``Pipeline`` and reuse it.
"""

from __future__ import annotations

from typing import BinaryIO

from podium.document import Document
from podium.ingest import DEFAULT_MAX_BYTES, apply_meta, load
from podium.pipeline import Pipeline
from podium.segment import segment
from podium.timelimit import time_limit


def analyze(
    source: str,
    pipeline: Pipeline | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    timeout: float | None = None,
    **meta: object,
) -> Document:
    """Analyse a path, URL or '-' (stdin); ``meta`` (title, speakers, date, language, side) overrides the
    file's. ``timeout`` limits the seconds spent on this input (E015 when exceeded)."""
    with time_limit(timeout, "<stdin>" if source == "-" else source):
        doc = load(source, max_bytes=max_bytes, stdin=stdin)
        apply_meta(doc, **meta)  # type: ignore[arg-type]
        return analyze_document(doc, pipeline)


def analyze_document(doc: Document, pipeline: Pipeline | None = None) -> Document:
    """Segment an ingested Document, find who speaks and whose side "we" is (``podium.actors.side``), and
    run ``pipeline`` (every installed analyser by default) on it."""
    from podium.actors.side import identify

    segment(doc)
    identify(doc)
    return (pipeline or Pipeline.from_names())(doc)
