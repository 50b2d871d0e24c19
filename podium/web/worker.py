"""What runs inside an analysis worker process of ``podium serve``: the pipeline built once, the models
warmed up once, then one request at a time — read the input (pasted text, uploaded bytes or a URL),
analyse it within the time limit, store it in the corpus and hand back its id (and the JSON of
``podium analyze -f json`` when the caller wants it). With ``--factchecks``, claims are matched against
that database's fact-checks as ``podium analyze --factchecks`` does.

Stages are reported on a queue (``reading``, ``analysing`` with the word count, ``storing``) for the
progress shown to the user. Errors leave as PodiumErrors; anything unexpected is logged here, with its
traceback, and leaves as E508, so no stack trace reaches a browser. The parent (``podium.web.jobs``)
decides what runs where; this module never starts processes itself.
"""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from podium.errors import PodiumError

#: The kinds of input a request may carry.
KINDS = ("text", "file", "url")
_state: dict[str, Any] = {}


@dataclass(frozen=True)
class AnalysisRequest:
    """One input to analyse: ``kind`` text (``data`` is its UTF-8), file (``data`` are its bytes and
    ``name`` the uploaded file name) or url (``name`` is the address)."""

    job_id: str
    kind: str
    name: str
    data: bytes = b""
    meta: dict[str, Any] = field(default_factory=dict)
    max_bytes: int = 20_000_000
    timeout: float | None = None
    want_json: bool = False


@dataclass(frozen=True)
class AnalysisResult:
    document_id: int
    added: bool
    words: int
    title: str | None
    json_text: str | None = None


def init(
    db: str | None, progress: Any, helper: bool, archive: tuple[str, float | None] | None = None
) -> None:
    """The worker's initializer: build the pipeline, open the corpus and, with ``archive`` (the
    ``--factchecks`` database and threshold), the fact-check matcher; the technique helper process is
    used only when this worker has the machine to itself (``helper``)."""
    from podium.corpus import Corpus
    from podium.pipeline import Pipeline
    from podium.techniques import background

    os.environ[background.ENV] = "1" if helper else "0"
    if helper:
        background.allow()
    _state["pipeline"] = Pipeline.from_names()
    _state["corpus"] = Corpus(db)
    _state["progress"] = progress
    _state["checker"] = None
    if archive is not None:
        from podium.corpus.checked_before import checker_for

        _state["checker"] = checker_for(*archive)


def warm() -> bool:
    """Load every model now (they load lazily), so the first user does not wait for them."""
    from podium.analyze import analyze_document
    from podium.document import Document, Meta

    text = "Warm-up. The ministry said on 3 May 2024 that 40 villages were shelled, according to the UN."
    analyze_document(Document(text, Meta()), _state["pipeline"])
    return True


def _report(job_id: str, stage: str, words: int | None = None) -> None:
    progress = _state.get("progress")
    if progress is not None:
        progress.put((job_id, stage, words))


def _load(request: AnalysisRequest) -> Any:
    from podium.ingest import from_bytes, load, printable

    if request.kind == "url":
        return load(request.name, max_bytes=request.max_bytes)
    suffix = PurePath(request.name).suffix.lower() if request.kind == "file" else ".txt"
    doc = from_bytes(request.data, request.name, suffix, request.max_bytes)
    doc.meta.source = printable(doc.meta.source or request.name)
    return doc


def run(request: AnalysisRequest) -> AnalysisResult:
    """Analyse and store one input (in this worker's main thread, where the time limit works)."""
    from podium.analyze import analyze_document
    from podium.ingest import apply_meta
    from podium.outputs import render_chunks
    from podium.timelimit import time_limit

    pipeline, corpus = _state["pipeline"], _state["corpus"]
    try:
        with time_limit(request.timeout, request.name):
            _report(request.job_id, "reading")
            doc = _load(request)
            apply_meta(doc, **request.meta)
            words = doc.word_count()
            _report(request.job_id, "analysing", words)
            doc = analyze_document(doc, pipeline)
            if _state["checker"] is not None:
                _report(request.job_id, "matching fact-checks", words)
                _state["checker"].check(doc)
        _report(request.job_id, "storing", words)
        json_text = "".join(render_chunks(doc, "json")) if request.want_json else None
        document_id, added = corpus.add(doc, [a.name for a in pipeline.analysers])
        return AnalysisResult(document_id, added, words, doc.meta.title, json_text)
    except PodiumError:
        raise
    except Exception as exc:  # a bug, not the input's fault: log it here, send a clean error
        traceback.print_exc(file=sys.stderr)
        raise PodiumError("E508", path=request.name, reason=type(exc).__name__) from None
